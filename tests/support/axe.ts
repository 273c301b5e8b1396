/** Runs axe-core in a page (WCAG 2.0/2.1/2.2 A and AA rules) and returns its violations, one line each. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Structure rules axe files as best practice; this handbook holds itself to them too. */
export const STRUCTURE_RULES = ['landmark-one-main', 'region', 'heading-order', 'page-has-heading-one', 'landmark-unique', 'skip-link'];

/** The rules that read colours: all that can change when only colours change, as between light and dark. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** The WCAG rules and the structure rules, or with `only`, just those rules. */
export async function axeViolations(page: Page, label = page.url(), only?: string[]): Promise<string[]> {
	// evaluate() runs outside the page's Content-Security-Policy, so the page's own policy stays as shipped.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	const violations = await page.evaluate(
		async ({ tags, rules, only }) => {
			type Result = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
			const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<Result> } }).axe;
			const run = (runOnly: object) => axe.run(document, { runOnly, resultTypes: ['violations'] });
			const found = only
				? (await run({ type: 'rule', values: only })).violations
				: [...(await run({ type: 'tag', values: tags })).violations, ...(await run({ type: 'rule', values: rules })).violations];
			return found.map(
				(v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`,
			);
		},
		{ tags: WCAG_TAGS, rules: STRUCTURE_RULES, only },
	);
	return violations.map((v) => `${label}: ${v}`);
}
