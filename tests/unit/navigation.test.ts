import { describe, expect, it } from 'vitest';
import { minutesOf, type NavPage, neighbours, readingOrder, SIDEBAR_LIMIT, sectionGroups, sidebarGroups } from '../../src/lib/navigation';
import { chineseDate } from '../../src/lib/site';

const page = (section: NavPage['section'], id: string, order: number, track?: NavPage['track']): NavPage => ({
	section,
	id,
	order,
	track,
	title: id,
	description: id,
});

describe('reading order and navigation', () => {
	const pages = [
		page('method', 'm1', 1),
		page('training', 't-topic', 1, 'topic'),
		page('duties', 'd2', 2),
		page('training', 't-init2', 2, 'initial'),
		page('training', 't-init1', 1, 'initial'),
		page('duties', 'd1', 1),
		page('suggestions', 's1', 1),
	];
	it('orders sections, then tracks, then order', () => {
		expect(readingOrder(pages).map((p) => p.id)).toEqual(['t-init1', 't-init2', 't-topic', 'd1', 'd2', 's1', 'm1']);
	});
	it('groups training by track', () => {
		expect(sectionGroups(pages, 'training').map((g) => [g.label, g.pages.map((p) => p.id)])).toEqual([
			['初任学习', ['t-init1', 't-init2']],
			['专题学习', ['t-topic']],
		]);
	});
	it('previous and next stay within the section', () => {
		expect(neighbours(pages, 'duties/d1')).toEqual({ prev: undefined, next: pages[2] });
		expect(neighbours(pages, 'training/t-topic').next).toBeUndefined();
	});
	it('a large section shows a fixed-size window around the current page', () => {
		const many = Array.from({ length: 500 }, (_, i) => page('duties', `p${i}`, i));
		const { groups, hidden } = sidebarGroups(many, 'duties', 'duties/p250');
		const shown = groups.flatMap((g) => g.pages.map((p) => p.id));
		expect(shown).toHaveLength(SIDEBAR_LIMIT);
		expect(shown).toContain('p250');
		expect(hidden).toBe(500 - SIDEBAR_LIMIT);
		expect(sidebarGroups(many, 'duties', 'duties/p0').groups[0].pages[0].id).toBe('p0');
		expect(sidebarGroups(many, 'duties', 'duties/p499').groups.at(-1)!.pages.at(-1)!.id).toBe('p499');
	});
	it('a page without a reading time counts as 10 minutes', () => {
		expect(minutesOf({ minutes: 25 })).toBe(25);
		expect(minutesOf({})).toBe(10);
	});
});

it('writes dates the Chinese way, from the UTC date', () => {
	expect(chineseDate(new Date('2026-01-05'))).toBe('2026年1月5日');
	expect(chineseDate(new Date('2026-11-28T23:30:00Z'))).toBe('2026年11月28日');
});
