import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content-check';
import { loadContent } from '../../src/integrations/content-source';

describe('the handbook content', () => {
	const { model, problems } = loadContent('content');

	it('has no schema or reference problems', () => {
		expect(problems.map(formatProblem)).toEqual([]);
	});

	it('has pages in every section and at least one quiz', () => {
		for (const section of ['training', 'duties', 'method', 'suggestions']) {
			expect(model.pages.filter((p) => p.section === section).length, section).toBeGreaterThan(0);
		}
		expect(model.quizzes.length).toBeGreaterThan(0);
	});
});
