import { z } from 'astro/zod';
import { pageRefSchema } from './common';

/** An answer option. `id` is what answers point at; options are shuffled by id, never by position. */
export const optionSchema = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/, '选项 id 只能用小写字母、数字和连字符'),
	text: z.string().min(1),
	/** Keep this option in place when options are shuffled (e.g. 以上都是). */
	pinned: z.boolean().default(false),
});

const questionBase = z.object({
	/** Unique within the quiz; progress and results refer to it. */
	id: z.string().regex(/^[a-z0-9-]+$/, '题目 id 只能用小写字母、数字和连字符'),
	/** The question as the deputy reads it. */
	prompt: z.string().min(4),
	/** Why the answer is right, in one to three sentences; shown after answering. */
	explanation: z.string().min(4),
	/** Where the answer is explained: `栏目/页面#小标题`. The build checks the page and the heading. */
	source: pageRefSchema.refine((s) => s.includes('#'), '出处要写到小标题，例如 duties/ob-attend#会前准备'),
});

const uniqueOptionIds = (options: { id: string }[]) => new Set(options.map((o) => o.id)).size === options.length;

export const singleQuestionSchema = questionBase.extend({
	type: z.literal('single'),
	options: z.array(optionSchema).min(2, '至少要有两个选项'),
	/** The id of the one correct option. */
	answer: z.string(),
});

export const multipleQuestionSchema = questionBase.extend({
	type: z.literal('multiple'),
	options: z.array(optionSchema).min(2, '至少要有两个选项'),
	/** The ids of every correct option (at least one). */
	answer: z.array(z.string()).min(1, '多选题至少要有一个正确选项'),
});

export const trueFalseQuestionSchema = questionBase.extend({
	type: z.literal('truefalse'),
	/** true when the statement in `prompt` is right. */
	answer: z.boolean(),
});

/** One question; `type` decides which other fields it has. */
export const questionSchema = z
	.discriminatedUnion('type', [singleQuestionSchema, multipleQuestionSchema, trueFalseQuestionSchema])
	.superRefine((q, ctx) => {
		if (q.type === 'truefalse') return;
		if (!uniqueOptionIds(q.options)) {
			ctx.addIssue({ code: 'custom', path: ['options'], message: '选项 id 重复' });
		}
		if (q.options.length < 2) return; // already reported by `options`
		const ids = new Set(q.options.map((o) => o.id));
		const answers = q.type === 'single' ? [q.answer] : q.answer;
		for (const a of answers) {
			if (!ids.has(a)) {
				ctx.addIssue({ code: 'custom', path: ['answer'], message: `答案“${a}”不在选项中（选项：${[...ids].join('、')}）` });
			}
		}
		if (q.type === 'multiple' && new Set(q.answer).size !== q.answer.length) {
			ctx.addIssue({ code: 'custom', path: ['answer'], message: '答案重复' });
		}
	});

/** A question bank (content/quizzes/<id>.yaml). */
export const quizSchema = z
	.object({
		/** Shown above the quiz; defaults to 自测. */
		title: z.string().default('自测'),
		/** Share of questions to get right to pass, in percent. */
		passPercent: z.number().int().min(1).max(100).default(80),
		questions: z.array(questionSchema).min(1, '至少要有一道题'),
	})
	.superRefine((quiz, ctx) => {
		const seen = new Map<string, number>();
		quiz.questions.forEach((q, i) => {
			if (seen.has(q.id)) {
				ctx.addIssue({
					code: 'custom',
					path: ['questions', i, 'id'],
					message: `题目 id “${q.id}”重复（第 ${seen.get(q.id)! + 1} 题已用过）`,
				});
			} else seen.set(q.id, i);
		});
	});

export type Question = z.infer<typeof questionSchema>;
export type QuizData = z.infer<typeof quizSchema>;
