import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sortUnstable } from '../../src/lib/unstable-sort';
import { orderHash, sortCases } from '../fixtures/rust-sort/cases';

const expected = JSON.parse(readFileSync('tests/fixtures/rust-sort/expected.json', 'utf8')) as { rustc: string; hashes: string[] };

function sortPositions(list: number[]): number[] {
	const located = list.map((at, position) => ({ at, position }));
	sortUnstable(located, (a, b) => a.at < b.at);
	return located.map((l) => l.position);
}

describe('sortUnstable', () => {
	it('sorts: every case comes out in ascending order, nothing lost', () => {
		for (const list of sortCases()) {
			const order = sortPositions(list);
			expect([...order].sort((a, b) => a - b)).toEqual(list.map((_, i) => i));
			for (let i = 1; i < order.length; i++) expect(list[order[i - 1]]).toBeLessThanOrEqual(list[order[i]]);
		}
	});

	it(`orders equal elements exactly as Rust's sort_unstable_by_key does (fixture from ${expected.rustc})`, () => {
		const cases = sortCases();
		expect(expected.hashes).toHaveLength(cases.length);
		const wrong = cases.map((list, i) => (orderHash(sortPositions(list)) === expected.hashes[i] ? -1 : i)).filter((i) => i >= 0);
		expect(wrong).toEqual([]);
	});

	it('is not a stable sort: some cases with repeated values reorder them (as Rust does)', () => {
		const unstable = sortCases().filter((list) => {
			const order = sortPositions(list);
			return order.some((p, i) => i > 0 && list[order[i - 1]] === list[p] && order[i - 1] > p);
		});
		expect(unstable.length).toBeGreaterThan(0);
	});
});
