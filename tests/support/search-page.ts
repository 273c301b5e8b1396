/** Types queries into the search pages, online (Pagefind Component UI) or offline (file:// edition), like a reader. */
import type { Page } from 'playwright-core';
import type { FirefoxPage } from './firefox';

/**
 * In the page: whether the results for `q` are shown. The summary names the query and the first results all
 * belong to it: the words in each result link's highlight parameters are pieces of the query. The online list
 * first shows empty places for the results and fills them as each page's data arrives, in any order, so results
 * are read place by place, never as “the first links on the page”.
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

/** Result page paths, best first, after typing `q` into the open search page. */
export async function typeQuery(page: Page, q: string, limit = 5): Promise<string[]> {
	const online = (await page.locator('pagefind-input input').count()) > 0;
	const input = online ? page.locator('pagefind-input input') : page.locator('#offline-q');
	await input.fill(q);
	if (!online) await input.press('Enter');
	await page.waitForFunction(resultsShown, { sel: online ? 'pagefind-summary' : '[data-summary]', q, limit }, { timeout: 15_000 });
	return (await page.evaluate(resultLinks, limit)).map(sitePath);
}

/** The same in Firefox: the query put into the box, then Enter on the offline page; online the box searches as typed. */
export async function typeQueryFirefox(page: FirefoxPage, q: string, limit = 5): Promise<string[]> {
	const online = await page.evaluate(
		(q) => {
			const online = document.querySelector<HTMLInputElement>('pagefind-input input');
			const input = online ?? document.querySelector<HTMLInputElement>('#offline-q')!;
			input.focus();
			input.value = q;
			input.dispatchEvent(new Event('input', { bubbles: true }));
			return online !== null;
		},
		q,
	);
	if (!online) await page.press('\uE007');
	await page.waitFor(resultsShown, { sel: online ? 'pagefind-summary' : '[data-summary]', q, limit });
	return (await page.evaluate(resultLinks, limit)).map(sitePath);
}
