import { describe, expect, it } from 'vitest';
import { mergeByWords, normalizeQuery, queryWords, searchQuestion } from '../../src/lib/query';

describe('normalizeQuery', () => {
	it('drops question words and particles from questions', () => {
		expect(normalizeQuery('代表能不能被逮捕？')).toBe('代表 被逮捕');
		expect(normalizeQuery('建议多久答复')).toBe('建议 答复');
		expect(normalizeQuery('开会发言会被追究吗')).toBe('开会发言会被追究');
		expect(normalizeQuery('对答复不满意怎么办')).toBe('对答复不满意');
	});
	it('keeps terms and short queries as typed', () => {
		expect(normalizeQuery('言论免责')).toBe('言论免责');
		expect(normalizeQuery('多少')).toBe('多少');
		expect(normalizeQuery('质询')).toBe('质询');
	});
	it('removes fillers only as whole words, never a character inside a word', () => {
		expect(normalizeQuery('地方人大')).toBe('地方人大');
		expect(normalizeQuery('地方人大代表怎样提建议')).toBe('地方人大代表 提建议');
		expect(normalizeQuery('了解情况')).toBe('了解情况');
		expect(normalizeQuery('了解情况的渠道有哪些')).toBe('了解情况 渠道');
		expect(normalizeQuery('目的是什么')).toBe('目的');
		expect(normalizeQuery('视察的目的')).toBe('视察 目的');
		expect(normalizeQuery('得到答复要多久')).toBe('得到答复要');
		expect(normalizeQuery('怎样才能得到答复')).toBe('才能得到答复');
	});
	it('never returns nothing for a query that had text', () => {
		expect(normalizeQuery('是什么呢？')).toBe('是什么呢');
	});
});

describe('queryWords and mergeByWords', () => {
	it('segments Chinese into words', () => {
		expect(queryWords('代表 逮捕').length).toBeGreaterThanOrEqual(2);
	});
	it('ranks pages matching more words first', () => {
		const merged = mergeByWords([
			[
				{ id: 'a', score: 5 },
				{ id: 'b', score: 1 },
			],
			[
				{ id: 'b', score: 1 },
				{ id: 'c', score: 9 },
			],
		]);
		expect(merged.map((r) => r.id)).toEqual(['b', 'c', 'a']);
	});
});

describe('searchQuestion', () => {
	const page = (id: string, score = 1) => ({ id, score });

	it('searches the reduced query once when it finds five pages or more', async () => {
		const asked: string[] = [];
		const got = await searchQuestion('建议多久答复？', (q) => {
			asked.push(q);
			return ['a', 'b', 'c', 'd', 'e'].map((id) => page(id));
		});
		expect(asked).toEqual(['建议 答复']);
		expect(got).toHaveLength(5);
	});

	it('with fewer, adds pages found by each word of two characters or more, pages with more words first', async () => {
		const asked: string[] = [];
		const byQuery: Record<string, { id: string; score: number }[]> = { 建议: [page('x', 3), page('y', 1)], 答复: [page('y', 1), page('z', 9)] };
		const got = await searchQuestion('建议多久答复', async (q) => {
			asked.push(q);
			return byQuery[q] ?? [];
		});
		expect(asked).toEqual(['建议 答复', '建议', '答复']);
		expect(got.map((r) => r.id)).toEqual(['y', 'z', 'x']);
	});
});
