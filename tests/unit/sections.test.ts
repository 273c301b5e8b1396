import { describe, expect, it } from 'vitest';
import { sectionOrder } from '../../src/lib/navigation';
import { pageKey, pageSections, sections } from '../../src/lib/sections';
import { pageRefSchema } from '../../src/schemas/common';
import { pageSchemas } from '../../src/schemas/pages';

describe('the sections table', () => {
	it('lists the sections in reading order', () => {
		expect(pageSections).toEqual(['training', 'duties', 'suggestions', 'method']);
		expect(sectionOrder).toEqual(pageSections);
		for (const s of pageSections) expect(sections[s].title.length, s).toBeGreaterThan(1);
	});
	it('gives every section a page schema, and no other key has one', () => {
		expect(Object.keys(pageSchemas).sort()).toEqual([...pageSections].sort());
	});
	it('page references accept exactly the sections of the table', () => {
		for (const s of pageSections) {
			expect(pageRefSchema.safeParse(`${s}/overview`).success, s).toBe(true);
			expect(pageRefSchema.safeParse(`${s}/overview#小标题`).success, s).toBe(true);
		}
		expect(pageRefSchema.safeParse('glossary/overview').success).toBe(false);
		expect(pageRefSchema.safeParse('xduties/overview').success).toBe(false);
		expect(pageRefSchema.safeParse('duties/Overview').success).toBe(false);
	});
	it('a page key is section/id', () => {
		expect(pageKey({ section: 'method', id: 'listen' })).toBe('method/listen');
	});
});
