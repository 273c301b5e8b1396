/** Types queries into the search pages, online (Pagefind Component UI) or offline (file:// edition), like a reader. */
import type { Page } from 'playwright-core';

/** Result page paths, best first, after typing `q` into the open search page. */
export async function typeQuery(page: Page, q: string, limit = 5): Promise<string[]> {
	const online = (await page.locator('pagefind-input input').count()) > 0;
	const input = online ? page.locator('pagefind-input input') : page.locator('#offline-q');
	const summary = online ? 'pagefind-summary' : '[data-summary]';
	await input.fill(q);
	if (!online) await input.press('Enter');
	await page.waitForFunction(
		({ sel, q }) => {
			const text = document.querySelector(sel)?.textContent ?? '';
			return text.includes(q) && /找到|没有/.test(text);
		},
		{ sel: summary, q },
		{ timeout: 15_000 },
	);
	// Let the result list catch up with the summary.
	await page.waitForFunction((sel) => !document.querySelector(`${sel} [aria-busy="true"]`), 'pagefind-results', { timeout: 15_000 });
	const hrefs = await page.locator('.pf-result-link').evaluateAll((as, n) => as.slice(0, n).map((a) => (a as HTMLAnchorElement).href), limit);
	return hrefs.map((h) => decodeURIComponent(new URL(h).pathname).replace(/index\.html$/, '').replace(/^.*代表履职学习手册/, ''));
}
