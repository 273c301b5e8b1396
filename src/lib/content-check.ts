/**
 * Checks what the Zod schemas cannot: that references between entries point at something that exists.
 * Pure: it takes the parsed content and returns problems, each naming the file, the entry and the field.
 */
import type { GlossaryData } from '../schemas/glossary';
import type { LawData } from '../schemas/laws';
import type { PageDataOf } from '../schemas/pages';
import type { QuizData } from '../schemas/quiz';
import type { RuleData } from '../schemas/rules';
import { type Level, levels } from './levels';
import type { StartData } from '../schemas/start';
import type { FinalTestData } from '../schemas/final-test';
import { type LawText, parseArticleRef, quoteStandsIn } from './law-text';
import { parsePageRef } from './paths';
import { type PageSection, pageKey } from './sections';

interface SectionPageEntry<S extends PageSection> {
	section: S;
	/** File name without extension; the page's URL segment. */
	id: string;
	/** Path of the source file, as shown in messages. */
	file: string;
	data: PageDataOf[S];
	/** Heading ids (anchors) of the page body. */
	anchors: string[];
	/** The `<Rule id="…" level="…" />` tags of the page body, with their line in the file. */
	rules?: RuleRef[];
}
/** A parsed page of section S; without S, any page, with `section` telling the shape of `data`. */
export type PageEntry<S extends PageSection = PageSection> = { [K in S]: SectionPageEntry<K> }[S];
export interface RuleRef {
	id?: string;
	level?: string;
	line: number;
	/** Attributes other than id and level: a typo an editor should hear about. */
	unknown?: string[];
}
export interface RuleEntry {
	file: string;
	data: RuleData;
}
export interface QuizEntry {
	id: string;
	file: string;
	data: QuizData;
}
export interface GlossaryEntry {
	file: string;
	data: GlossaryData;
}
export interface LawEntry {
	file: string;
	data: LawData;
}
export interface ContentModel {
	pages: PageEntry[];
	quizzes: QuizEntry[];
	glossary: GlossaryEntry[];
	laws: LawEntry[];
	rules: RuleEntry[];
	/** The texts of the laws that have one (laws.yaml `text`), by law id. */
	lawTexts?: Map<string, LawText>;
	/**
	 * Pages whose frontmatter failed its schema: already reported, still known by address and anchors so that
	 * references to them do not add a second, misleading problem.
	 */
	unparsed?: Pick<PageEntry, 'section' | 'id' | 'anchors'>[];
	/** Ids of quiz files that failed to parse (already reported), for the same reason. */
	unparsedQuizzes?: string[];
	/** Ids of rules that failed their schema (already reported), for the same reason. */
	unparsedRules?: string[];
	/** The onboarding path (content/start.yaml), when present. */
	start?: { file: string; data: StartData };
	/** The final self-test's settings (content/final-test.yaml), when present. */
	finalTest?: { file: string; data: FinalTestData };
}

export interface Problem {
	file: string;
	/** Which entry in the file: a page id, a question id, a term id … */
	entry: string;
	/** Which field, as a path: `questions[2].answer`. */
	field: string;
	message: string;
}

export function formatProblem(p: Problem): string {
	return `${p.file} › ${p.entry} › ${p.field}: ${p.message}`;
}

export function checkContent(model: ContentModel): Problem[] {
	const problems: Problem[] = [];
	const pages = new Map<string, PageEntry>();
	for (const p of model.pages) {
		const key = pageKey(p);
		const twin = pages.get(key);
		if (twin) {
			problems.push({ file: p.file, entry: key, field: 'id', message: `页面重复：${twin.file} 已使用同一个地址` });
		} else pages.set(key, p);
	}
	const quizzes = new Set([...model.quizzes.map((q) => q.id), ...(model.unparsedQuizzes ?? [])]);

	const laws = new Map<string, LawEntry>();
	for (const law of model.laws) {
		if (laws.has(law.data.id)) {
			problems.push({ file: law.file, entry: law.data.id, field: 'id', message: `法律 id “${law.data.id}”重复` });
		} else laws.set(law.data.id, law);
	}

	const known = new Map<string, Pick<PageEntry, 'anchors'>>(pages);
	for (const p of model.unparsed ?? []) if (!known.has(pageKey(p))) known.set(pageKey(p), p);

	const checkRef = (ref: string, file: string, entry: string, field: string) => {
		const { page, anchor } = parsePageRef(ref);
		const target = known.get(page);
		if (!target) {
			problems.push({ file, entry, field, message: `引用的页面“${page}”不存在` });
		} else if (anchor !== undefined && !target.anchors.includes(anchor)) {
			problems.push({
				file,
				entry,
				field,
				message: `页面“${page}”没有小标题“${anchor}”（现有：${target.anchors.join('、') || '无'}）`,
			});
		}
	};

	const checkCitations = (cites: { law: string; article: string }[], file: string, entry: string) => {
		cites.forEach((c, i) => {
			const law = laws.get(c.law);
			if (!law) {
				problems.push({
					file,
					entry,
					field: `sources[${i}].law`,
					message: `未知的法律 id “${c.law}”（content/laws.yaml 里有：${[...laws.keys()].join('、')}）`,
				});
				return;
			}
			const text = model.lawTexts?.get(c.law);
			const max = text ? Math.max(...text.keys()) : law.data.articles;
			for (const n of c.article.match(/\d+/g) ?? []) {
				if (max !== undefined && Number(n) > max) {
					problems.push({
						file,
						entry,
						field: `sources[${i}].article`,
						message: `${law.data.short}只有 ${max} 条，没有第${n}条`,
					});
				}
			}
		});
	};

	// Page order must not collide within a section (within a track, for training).
	const orders = new Map<string, PageEntry>();
	for (const p of model.pages) {
		const group = `${p.section}/${p.section === 'training' ? p.data.track : ''}/${p.data.order}`;
		const twin = orders.get(group);
		if (twin) {
			problems.push({
				file: p.file,
				entry: pageKey(p),
				field: 'order',
				message: `排序号 ${p.data.order} 与 ${twin.file} 重复`,
			});
		} else orders.set(group, p);
	}

	for (const p of model.pages) {
		const entry = pageKey(p);
		checkCitations(p.data.sources, p.file, entry);
		p.data.related.forEach((ref, i) => checkRef(ref, p.file, entry, `related[${i}]`));
		if (p.data.quiz !== undefined && !quizzes.has(p.data.quiz)) {
			problems.push({ file: p.file, entry, field: 'quiz', message: `测验“${p.data.quiz}”不存在（应有 content/quizzes/${p.data.quiz}.yaml）` });
		}
	}

	const rules = new Map<string, RuleEntry>();
	for (const rule of model.rules) {
		const entry = `规则 ${rule.data.id}`;
		if (rules.has(rule.data.id)) {
			problems.push({ file: rule.file, entry, field: 'id', message: `规则 id “${rule.data.id}”重复` });
			continue;
		}
		rules.set(rule.data.id, rule);
		rule.data.values.forEach((v, i) => {
			const field = (name: string) => `values[${i}].${name}`;
			const law = laws.get(v.law);
			if (!law) {
				problems.push({ file: rule.file, entry, field: field('law'), message: `未知的法律 id “${v.law}”（content/laws.yaml 里有：${[...laws.keys()].join('、')}）` });
				return;
			}
			const ref = parseArticleRef(v.article);
			if (!ref) return; // the schema has reported it
			const text = model.lawTexts?.get(v.law);
			if (!text) {
				if (law.data.articles !== undefined && ref.article > law.data.articles) {
					problems.push({ file: rule.file, entry, field: field('article'), message: `${law.data.short}只有 ${law.data.articles} 条，没有第${ref.article}条` });
				}
				return;
			}
			const paragraphs = text.get(ref.article);
			if (!paragraphs) {
				problems.push({ file: rule.file, entry, field: field('article'), message: `${law.data.short}没有第${ref.article}条` });
				return;
			}
			if (ref.paragraph !== undefined && ref.paragraph > paragraphs.length) {
				problems.push({
					file: rule.file,
					entry,
					field: field('article'),
					message: `${law.data.short}第${ref.article}条只有 ${paragraphs.length} 款，没有第${ref.paragraph}款`,
				});
				return;
			}
			const where = ref.paragraph !== undefined ? paragraphs[ref.paragraph - 1] : paragraphs.join('\n');
			if (!quoteStandsIn(v.quote, where)) {
				problems.push({
					file: rule.file,
					entry,
					field: field('quote'),
					message: `引文不在${law.data.short}${v.article}里（须一字不差，省略处用……）：“${v.quote}”`,
				});
			}
		});
	}
	for (const p of model.pages) {
		for (const ref of p.rules ?? []) {
			const field = `第 ${ref.line} 行 <Rule>`;
			for (const name of ref.unknown ?? []) {
				problems.push({ file: p.file, entry: pageKey(p), field, message: `<Rule> 没有属性“${name}”（只有 id 和 level）` });
			}
			if (!ref.id) {
				problems.push({ file: p.file, entry: pageKey(p), field, message: '缺少 id，例如 <Rule id="motion-cosign" />' });
				continue;
			}
			const rule = rules.get(ref.id);
			if (!rule && model.unparsedRules?.includes(ref.id)) continue;
			if (!rule) {
				problems.push({ file: p.file, entry: pageKey(p), field, message: `规则“${ref.id}”不存在（content/rules.yaml）` });
				continue;
			}
			if (ref.level === undefined) continue;
			if (!(levels as readonly string[]).includes(ref.level)) {
				problems.push({ file: p.file, entry: pageKey(p), field, message: `层级“${ref.level}”不认识：可写 ${levels.join('、')}` });
				continue;
			}
			const defined = rule.data.values.flatMap((v) => v.levels);
			if (!defined.includes(ref.level as Level)) {
				problems.push({
					file: p.file,
					entry: pageKey(p),
					field,
					message: `规则“${ref.id}”没有“${ref.level}”这一级的规定（有：${defined.join('、')}）`,
				});
			}
		}
	}

	for (const q of model.quizzes) {
		q.data.questions.forEach((question, i) => {
			checkRef(question.source, q.file, `题目 ${question.id}`, `questions[${i}].source`);
		});
	}

	const terms = new Map<string, GlossaryEntry>();
	for (const g of model.glossary) {
		if (terms.has(g.data.id)) {
			problems.push({ file: g.file, entry: g.data.id, field: 'id', message: `术语 id “${g.data.id}”重复` });
		} else terms.set(g.data.id, g);
	}
	for (const g of model.glossary) {
		const entry = `术语 ${g.data.id}`;
		g.data.see.forEach((ref, i) => checkRef(ref, g.file, entry, `see[${i}]`));
		g.data.related.forEach((id, i) => {
			if (!terms.has(id)) problems.push({ file: g.file, entry, field: `related[${i}]`, message: `术语“${id}”不存在` });
		});
		checkCitations(g.data.sources, g.file, entry);
	}
	if (model.start) {
		const { file, data } = model.start;
		const listed = new Set<string>();
		data.stages.forEach((stage, i) =>
			stage.steps.forEach((step, j) => {
				checkRef(step.page, file, stage.title, `stages[${i}].steps[${j}].page`);
				listed.add(parsePageRef(step.page).page);
			}),
		);
		for (const p of model.pages) {
			if (p.section === 'training' && p.data.required && !listed.has(pageKey(p))) {
				problems.push({ file, entry: '新任代表路径', field: 'stages', message: `必修模块“${pageKey(p)}”不在路径中` });
			}
		}
	}
	if (model.finalTest) {
		// The test draws across the required modules' banks: they must hold enough questions for one attempt.
		const { file, data } = model.finalTest;
		const banks = new Set(
			model.pages.flatMap((p) => (p.section === 'training' && p.data.required && p.data.quiz ? [p.data.quiz] : [])),
		);
		const available = model.quizzes.filter((q) => banks.has(q.id)).reduce((n, q) => n + q.data.questions.length, 0);
		// A training page or a bank that failed its schema is already reported; counting without it would only add noise.
		const unparsed =
			(model.unparsedQuizzes ?? []).some((id) => banks.has(id)) || (model.unparsed ?? []).some((p) => p.section === 'training');
		if (!unparsed && data.count > available) {
			problems.push({ file, entry: '结业自测', field: 'count', message: `必修模块的题库共 ${available} 道题，不够抽 ${data.count} 道` });
		}
	}
	return problems;
}
