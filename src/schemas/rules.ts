import { z } from 'astro/zod';

import { type Level, levels } from '../lib/levels';

export { type Level, levels };

/** Short names an editor may write in `levels` instead of listing each level. */
export const levelGroups: Record<string, readonly Level[]> = {
	各级: levels,
	地方各级: ['省', '设区的市', '县', '乡镇'],
	县级以上地方: ['省', '设区的市', '县'],
	县级以上: ['全国', '省', '设区的市', '县'],
	设区的市级以上: ['全国', '省', '设区的市'],
};

const levelName = z.string().transform((s, ctx) => {
	if ((levels as readonly string[]).includes(s)) return [s as Level];
	const group = levelGroups[s];
	if (group) return [...group];
	ctx.addIssue({
		code: 'custom',
		message: `层级“${s}”不认识：可写 ${levels.join('、')}，或 ${Object.keys(levelGroups).join('、')}`,
	});
	return z.NEVER;
});

/** What the law says for one or more levels, with the words that carry it. */
export const ruleValueSchema = z.object({
	/** The levels this value holds for: 全国、省、设区的市、县、乡镇, or a group such as 县级以上地方 or 各级. */
	levels: z
		.array(levelName)
		.min(1, '至少写一个层级')
		.transform((groups) => [...new Set(groups.flat())].sort((a, b) => levels.indexOf(a) - levels.indexOf(b))),
	/** The rule in a few words, as it reads in a table cell or after a colon: “十名以上代表联名”. */
	value: z.string().min(2),
	/** Optional: one more sentence a deputy needs to act on it. */
	detail: z.string().optional(),
	/** The law's `id` in content/laws.yaml. */
	law: z.string().min(1),
	/** The article, with 款 and 项 where they matter: `第20条`, `第20条第五款`, `第7条第二项`. */
	article: z
		.string()
		.regex(/^第\d+条(第[一二三四五六七八九十]+款)?(第[一二三四五六七八九十]+项)?$/, '写成“第N条”，可加“第X款”“第X项”，例如 第20条第五款'),
	/** The words of that article that carry the rule, word for word (leave words out only with ……). */
	quote: z.string().min(4),
});

/** The groups of /rules/, in the order they are shown. */
export const ruleTopics = ['任期与会议', '议案与监督', '选举与罢免', '建议', '闭会期间', '保障', '代表资格', '预算'] as const;

/** One rule a deputy acts on (content/rules.yaml): a threshold, a time limit, or which organ acts. */
export const ruleSchema = z
	.object({
		/** Short latin id that pages use: <Rule id="motion-cosign" />. Never change it once pages use it. */
		id: z.string().regex(/^[a-z][a-z0-9-]*$/, '只能用小写字母、数字和连字符'),
		/** What the rule is about, as a heading: “提出议案的联名人数”. */
		title: z.string().min(2),
		/** Group on /rules/. */
		topic: z.enum(ruleTopics),
		/** One value per level (or group of levels); every level at most once. */
		values: z.array(ruleValueSchema).min(1, '至少要有一个层级的规定'),
	})
	.superRefine((rule, ctx) => {
		const seen = new Map<Level, number>();
		rule.values.forEach((v, i) => {
			for (const level of v.levels) {
				if (seen.has(level)) {
					ctx.addIssue({
						code: 'custom',
						path: ['values', i, 'levels'],
						message: `层级“${level}”在第 ${seen.get(level)! + 1} 项已经写过`,
					});
				} else seen.set(level, i);
			}
		});
	});

export type RuleData = z.infer<typeof ruleSchema>;
