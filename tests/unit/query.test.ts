import { describe, expect, it } from 'vitest';
import { mergeByWords, normalizeQuery, queryWords } from '../../src/lib/query';

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
