/**
 * The real handbook content: it loads without problems, and it is complete — the counts each content area
 * promises (obligations, rights, 建议 pages, modules, questions, glossary terms) and the minimum body lengths.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, type PageEntry } from '../../src/lib/content-check';
import { loadContent } from '../../src/integrations/content-source';

const { model, problems } = loadContent('content');
const pages = (section: string) => model.pages.filter((p) => p.section === section);
const data = (p: PageEntry) => p.data as PageEntry['data'] & Record<string, unknown>;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** Chinese characters in a page's body (frontmatter, markup and Latin text not counted). */
function bodyChars(p: PageEntry): number {
	const body = readFileSync(p.file, 'utf8').replace(/^---[\s\S]*?\n---/, '');
	return (body.match(/[\u4e00-\u9fff]/g) ?? []).length;
}
function questionsOf(quizIds: Iterable<string>) {
	const ids = new Set(quizIds);
	return model.quizzes.filter((q) => ids.has(q.id)).flatMap((q) => q.data.questions);
}
/** Items (第一项…第八项) of an article named in `article` fields, e.g. 第7条 → {1, 3, 8}. */
function itemsOf(list: PageEntry[], article: string): Set<number> {
	const items = new Set<number>();
	for (const p of list) {
		const text = String(data(p).article ?? '');
		const at = text.indexOf(article);
		if (at < 0) continue;
		const rest = text.slice(at + article.length).split(/[，；]第\d+条/)[0];
		for (const m of rest.matchAll(/第([一二三四五六七八])项/g)) items.add(NUMERALS.indexOf(m[1]) + 1);
	}
	return items;
}

describe('the handbook content', () => {
	it('has no schema or reference problems', () => {
		expect(problems.map(formatProblem)).toEqual([]);
	});
});

describe('rights, obligations and 建议 (the reference part)', () => {
	const duties = pages('duties');
	const obligations = duties.filter((p) => data(p).kind === 'obligation');
	it('has one page for each of the 8 obligations of 代表法第8条, each at least 1,000 characters', () => {
		expect(obligations).toHaveLength(8);
		expect([...itemsOf(obligations, '第8条')].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		for (const p of obligations) expect(bodyChars(p), p.file).toBeGreaterThanOrEqual(1000);
	});
	it('covers all 8 rights of 代表法第7条', () => {
		expect([...itemsOf(duties.filter((p) => data(p).kind === 'right'), '第7条')].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
	});
	it('has guarantees, conduct and an overview', () => {
		for (const kind of ['overview', 'guarantee', 'conduct']) expect(duties.some((p) => data(p).kind === kind), kind).toBe(true);
	});
	it('has at least 4 建议 pages and at least 50 questions across duties and 建议', () => {
		expect(pages('suggestions').length).toBeGreaterThanOrEqual(4);
		const quizIds = [...duties, ...pages('suggestions')].map((p) => data(p).quiz).filter((q): q is string => Boolean(q));
		expect(questionsOf(quizIds).length).toBeGreaterThanOrEqual(50);
	});
});

describe('the training curriculum', () => {
	const modules = pages('training');
	it('has at least 14 modules, 6 of them required, and at least 110 questions', () => {
		expect(modules.length).toBeGreaterThanOrEqual(14);
		expect(modules.filter((p) => data(p).required).length).toBeGreaterThanOrEqual(6);
		expect(questionsOf(modules.map((p) => String(data(p).quiz))).length).toBeGreaterThanOrEqual(110);
	});
	it('gives every module 3–5 objectives, 4–8 key points, at least 1,500 characters and 8 questions on its own headings', () => {
		for (const p of modules) {
			const d = data(p) as unknown as { objectives: string[]; keyPoints: string[]; quiz?: string };
			expect(d.objectives.length, p.file).toBeGreaterThanOrEqual(3);
			expect(d.objectives.length, p.file).toBeLessThanOrEqual(5);
			expect(d.keyPoints.length, p.file).toBeGreaterThanOrEqual(4);
			expect(d.keyPoints.length, p.file).toBeLessThanOrEqual(8);
			expect(bodyChars(p), p.file).toBeGreaterThanOrEqual(1500);
			const qs = questionsOf([String(d.quiz)]);
			expect(qs.length, p.file).toBeGreaterThanOrEqual(8);
			for (const q of qs) expect(q.source.startsWith(`training/${p.id}#`), `${p.file}: ${q.id}`).toBe(true);
		}
	});
});

describe('the 望闻问切 method and the glossary', () => {
	it('has 6 method pages with worksheets and at least 20 method questions', () => {
		const method = pages('method');
		expect(method).toHaveLength(6);
		expect(new Set(method.map((p) => data(p).step))).toEqual(new Set(['总览', '望', '闻', '问', '切', '案例']));
		for (const p of method) expect((data(p).worksheet as unknown[]).length, p.file).toBeGreaterThanOrEqual(6);
		expect(questionsOf(method.map((p) => String(data(p).quiz))).length).toBeGreaterThanOrEqual(20);
	});
	it('has at least 60 glossary terms, each pointing at a page', () => {
		expect(model.glossary.length).toBeGreaterThanOrEqual(60);
		for (const g of model.glossary) expect(g.data.see.length, g.data.term).toBeGreaterThan(0);
	});
});

describe('what a reader can rely on', () => {
	it('balances true and false answers, so that answering “错” every time does not pass', () => {
		const tf = model.quizzes.flatMap((q) => q.data.questions).filter((q) => q.type === 'truefalse');
		const right = tf.filter((q) => q.answer === true).length;
		expect(tf.length).toBeGreaterThanOrEqual(40);
		expect(right / tf.length, `${right} true of ${tf.length}`).toBeGreaterThanOrEqual(0.4);
		expect(right / tf.length, `${right} true of ${tf.length}`).toBeLessThanOrEqual(0.6);
	});
	it('names, near the top of every page that cites a law, the version it follows', () => {
		const missing = model.pages
			.filter((p) => p.data.sources.length > 0)
			.filter((p) => {
				const top = readFileSync(p.file, 'utf8').replace(/^---[\s\S]*?\n---/, '').slice(0, 1500);
				return !/(19|20)\d{2}年[^。]{0,12}(修正|修订|施行|通过)/.test(top);
			})
			.map((p) => p.file);
		expect(missing).toEqual([]);
	});
	it('states level-dependent rules from the rule table: every section’s pages reference it', () => {
		const refs = (section: string) => pages(section).reduce((n, p) => n + (p.rules?.length ?? 0), 0);
		for (const section of ['duties', 'suggestions', 'training']) expect(refs(section), section).toBeGreaterThan(10);
	});
});
