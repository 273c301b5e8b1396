/** The rule table's building blocks: level names and groups, the /rules/ row, and reading the law texts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chineseNumber, parseArticleRef, parseLawText, quoteStandsIn } from '../../src/lib/law-text';
import { levelLabel, parseLevel, ruleRow } from '../../src/lib/rules';
import { ruleSchema } from '../../src/schemas/rules';

const rule = (values: unknown[]) => ruleSchema.safeParse({ id: 'x', title: '某规则', topic: '建议', values });
const value = (levels: string[], more: object = {}) => ({ levels, value: '十名以上', law: 'difang-zuzhifa', article: '第22条', quote: '代表十人以上联名', ...more });

describe('rule schema', () => {
	it('expands level groups into levels, in order, without repeats', () => {
		const r = rule([value(['乡镇', '县级以上地方'])]);
		expect(r.success && r.data.values[0].levels).toEqual(['省', '设区的市', '县', '乡镇']);
		const all = rule([value(['各级'])]);
		expect(all.success && all.data.values[0].levels).toEqual(['全国', '省', '设区的市', '县', '乡镇']);
	});
	it('refuses an unknown level, naming what may be written', () => {
		const r = rule([value(['市'])]);
		expect(r.success).toBe(false);
		expect(!r.success && r.error.issues[0].message).toContain('层级“市”不认识');
	});
	it('refuses a level given two values', () => {
		const r = rule([value(['县级以上地方']), value(['县'])]);
		expect(!r.success && r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['values.1.levels', '层级“县”在第 1 项已经写过'],
		]);
	});
	it('takes 款 and 项 in the article, and refuses other forms', () => {
		expect(rule([value(['县'], { article: '第20条第五款' })]).success).toBe(true);
		expect(rule([value(['县'], { article: '第7条第二项' })]).success).toBe(true);
		expect(rule([value(['县'], { article: '20条' })]).success).toBe(false);
		expect(rule([value(['县'], { article: '第20条第5款' })]).success).toBe(false);
	});
});

describe('level names', () => {
	it('uses the law’s own names for groups of levels', () => {
		expect(levelLabel(['省', '设区的市', '县'])).toBe('县级以上地方人大');
		expect(levelLabel(['全国', '省', '设区的市', '县', '乡镇'])).toBe('各级人大');
		expect(levelLabel(['乡镇'])).toBe('乡镇人大');
		expect(levelLabel(['全国', '乡镇'])).toBe('全国、乡镇人大');
	});
	it('reads a stored level and ignores anything else', () => {
		expect(parseLevel('乡镇')).toBe('乡镇');
		for (const bad of ['', 'township', null, 3, '{"乡镇":1}']) expect(parseLevel(bad)).toBeUndefined();
	});
});

describe('the /rules/ row', () => {
	it('merges neighbouring levels that share a value and leaves gaps for levels without one', () => {
		const a = { levels: ['省', '设区的市', '县'] as const, v: 'a' };
		const b = { levels: ['乡镇'] as const, v: 'b' };
		expect(ruleRow([b, a]).map((c) => [c.levels.join(''), c.value?.v])).toEqual([
			['全国', undefined],
			['省设区的市县', 'a'],
			['乡镇', 'b'],
		]);
	});
	it('repeats a value around a gap rather than spanning it', () => {
		const a = { levels: ['全国', '县'] as const };
		expect(ruleRow([a]).map((c) => [c.levels.length, Boolean(c.value)])).toEqual([
			[1, true],
			[2, false],
			[1, true],
			[1, false],
		]);
	});
});

describe('law texts', () => {
	const daibiaofa = parseLawText(readFileSync('laws/daibiaofa2025.md', 'utf8'));
	it('reads every article of the 2025 代表法 with its paragraphs', () => {
		expect([...daibiaofa.keys()]).toEqual(Array.from({ length: 65 }, (_, i) => i + 1));
		expect(daibiaofa.get(20)).toHaveLength(5);
		expect(daibiaofa.get(20)![4]).toContain('提出质询案的代表半数以上对答复不满意的');
	});
	it('parses Chinese numerals and article references', () => {
		expect([chineseNumber('十'), chineseNumber('二十四'), chineseNumber('一百零五'), chineseNumber('六十五')]).toEqual([10, 24, 105, 65]);
		expect(parseArticleRef('第20条第五款')).toEqual({ article: 20, paragraph: 5 });
		expect(parseArticleRef('第7条第二项')).toEqual({ article: 7, paragraph: undefined });
	});
	it('finds a quotation word for word, ignoring punctuation, with …… for words left out', () => {
		const text = daibiaofa.get(20)![4];
		expect(quoteStandsIn('提出质询案的代表半数以上对答复不满意的，可以要求受质询机关再作答复', text)).toBe(true);
		expect(quoteStandsIn('提出质询案的代表……再作答复', text)).toBe(true);
		expect(quoteStandsIn('提出质询案的代表过半数对答复不满意的', text)).toBe(false);
		expect(quoteStandsIn('再作答复……提出质询案的代表', text)).toBe(false);
	});
});
