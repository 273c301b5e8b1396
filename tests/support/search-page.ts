/** Types queries into the search pages, online or offline (file:// edition), like a reader. */
import type { Page } from 'playwright-core';
import type { FirefoxPage } from './firefox';

/**
 * In the page: whether the results for `q` are shown. The summary names the query and the first results all
 * belong to it: the words in each result link's highlight parameters are pieces of the query. Results are read
 * place by place in the list, never as “the first links on the page”.
 */
function resultsShown({ sel, q, limit }: { sel: string; q: string; limit: number }): boolean {
	const text = document.querySelector(sel)?.textContent ?? '';
	if (!text.includes(q) || !/找到|没有/.test(text)) return false;
	const total = Number(/(\d+)\s*个/.exec(text)?.[1] ?? 0);
	const need = Math.min(limit, total);
	const places = [...document.querySelectorAll('.pf-results > .pf-result')].slice(0, need);
	const links = places.map((li) => li.querySelector<HTMLAnchorElement>('.pf-result-link'));
	return (
		places.length === need &&
		links.every((a) => {
			if (!a) return false;
			const words = new URL(a.href).searchParams.getAll('highlight').flatMap((h) => h.split(/\s+/));
			return words.length > 0 && words.every((w) => q.toLowerCase().includes(w.toLowerCase()));
		})
	);
}

/** In the page: the addresses of the first `limit` results. */
function resultLinks(limit: number): string[] {
	return [...document.querySelectorAll('.pf-results > .pf-result')]
		.slice(0, limit)
		.map((li) => li.querySelector<HTMLAnchorElement>('.pf-result-link')?.href ?? '');
}

/** A result address as a site path: /duties/overview/ online and in the unzipped edition alike. */
function sitePath(href: string): string {
	return decodeURIComponent(new URL(href).pathname).replace(/index\.html$/, '').replace(/^.*代表履职学习手册/, '');
}

/** The search box of either edition's search page. */
const INPUT = '#search-q, #offline-q';

/** Result page paths, best first, after typing `q` into the open search page (it searches as typed). */
export async function typeQuery(page: Page, q: string, limit = 5): Promise<string[]> {
	await page.locator(INPUT).fill(q);
	await page.waitForFunction(resultsShown, { sel: '[data-summary]', q, limit }, { timeout: 15_000 });
	return (await page.evaluate(resultLinks, limit)).map(sitePath);
}

/** The same in Firefox: the query put into the box as typing would. */
export async function typeQueryFirefox(page: FirefoxPage, q: string, limit = 5): Promise<string[]> {
	await page.evaluate(
		({ q, sel }) => {
			const input = document.querySelector<HTMLInputElement>(sel)!;
			input.focus();
			input.value = q;
			input.dispatchEvent(new Event('input', { bubbles: true }));
		},
		{ q, sel: INPUT },
	);
	await page.waitFor(resultsShown, { sel: '[data-summary]', q, limit });
	return (await page.evaluate(resultLinks, limit)).map(sitePath);
}
