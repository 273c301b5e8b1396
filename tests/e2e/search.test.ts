/** Search: recall on what deputies type, and the search UI in the header and on /search/. */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site';
import { typeQuery } from '../support/search-page';
import { serve } from '../support/static-server';
import { newContext, watch } from '../support/watch';
import { recallQueries } from './search-queries';

const site = useSite();

describe('recall on the handbook’s own text', () => {
	it('finds the right page in the top 5 for at least 95% of the query set, through the search page', async () => {
		expect(recallQueries.length).toBeGreaterThanOrEqual(60);
		const page = await site.browser.newPage();
		await page.goto(`${site.server.url}search/`);
		const got: string[][] = [];
		for (const r of recallQueries) got.push(await typeQuery(page, r.q));
		await page.close();
		const hit = recallQueries.map((r, i) => got[i].includes(r.page));
		const recall = hit.filter(Boolean).length / recallQueries.length;
		const byKind = new Map<string, [number, number]>();
		recallQueries.forEach((r, i) => {
			const [ok, all] = byKind.get(r.kind) ?? [0, 0];
			byKind.set(r.kind, [ok + (hit[i] ? 1 : 0), all + 1]);
		});
		console.log(
			`search recall@5: ${(recall * 100).toFixed(1)}% (${hit.filter(Boolean).length}/${recallQueries.length}); ` +
				[...byKind].map(([k, [ok, all]]) => `${k} ${ok}/${all}`).join(', '),
		);
		recallQueries.forEach((r, i) => {
			if (!hit[i]) console.log(`  missed: ${r.q} → ${r.page}; got ${got[i].join(' ') || '(nothing)'}`);
		});
		expect(recall).toBeGreaterThanOrEqual(0.95);
	}, 180_000);
});

describe('search from the header', () => {
	it('on a phone: / opens the dialog, a typed query lists results, a result lands on its heading with the terms marked', async () => {
		const context = await newContext(site.browser, { viewport: { width: 375, height: 740 } });
		const page = await context.newPage();
		const problems = watch(page);
		const before = site.server.requests.length;
		await page.goto(site.server.url, { waitUntil: 'domcontentloaded' });
		// Nothing of the search UI is part of the page's own load …
		const beforeLoad = site.server.requests.slice(before);
		expect(beforeLoad.some((r) => r.includes('pagefind'))).toBe(false);
		// … but once the page is idle, the UI's and the engine's files are fetched without a click.
		await expect
			.poll(() => site.server.requests.slice(before).filter((r) => /pagefind-component-ui\.js|\/pagefind\.js|wasm\./.test(r)).length, { timeout: 15_000 })
			.toBeGreaterThanOrEqual(3);
		await page.keyboard.press('/');
		const input = page.locator('pagefind-modal input');
		await input.waitFor({ state: 'visible' });
		await input.fill('人大');
		const first = page.locator('pagefind-modal pagefind-results a[href*="#"]').first();
		await first.waitFor({ state: 'visible', timeout: 15_000 });
		// Click the very link read (the list may still be filling its places).
		const href = (await first.getAttribute('href'))!;
		await page.locator(`pagefind-modal pagefind-results a[href="${href}"]`).first().click();
		await page.waitForURL((u) => u.hash.length > 1);
		const url = new URL(page.url());
		expect(url.searchParams.get('highlight')).toBeTruthy();
		const id = decodeURIComponent(url.hash.slice(1));
		expect(href).toContain(url.hash.slice(1));
		const top = await page.evaluate((i) => document.getElementById(i)?.getBoundingClientRect().top ?? -1, id);
		expect(top).toBeGreaterThanOrEqual(0);
		expect(top).toBeLessThan(400);
		await page.waitForSelector('[data-pagefind-body] mark', { timeout: 10_000 });
		expect(problems).toEqual([]);
		await context.close();
	});

	it('Ctrl+K opens it too, and Escape closes it', async () => {
		const page = await site.browser.newPage();
		await page.goto(site.server.url);
		await page.keyboard.press('Control+k');
		const input = page.locator('pagefind-modal input');
		await input.waitFor({ state: 'visible' });
		await page.keyboard.press('Escape');
		await input.waitFor({ state: 'hidden' });
		await page.close();
	});
});

describe('the /search/ page', () => {
	it('reads ?q=, shows results with the section filter, and keeps the address in step', async () => {
		const context = await newContext(site.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${site.server.url}search/?q=${encodeURIComponent('代表')}`);
		await page.waitForSelector('pagefind-results a', { timeout: 15_000 });
		await expect(page.locator('pagefind-input input').inputValue()).resolves.toBe('代表');
		await expect(page.locator('pagefind-filter-pane').textContent()).resolves.toContain('栏目');
		await page.locator('pagefind-input input').fill('人大');
		await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '人大');
		expect(problems).toEqual([]);
		await context.close();
	});

	it('works under a sub-path deployment', async () => {
		const { SUBPATH_DIST } = await import('./global-setup');
		const sub = await serve(SUBPATH_DIST, '/handbook/');
		const page = await site.browser.newPage();
		await page.goto(`${sub.url}search/?q=${encodeURIComponent('代表')}`);
		const first = page.locator('pagefind-results a').first();
		await first.waitFor({ timeout: 15_000 });
		expect(await first.getAttribute('href')).toMatch(/^\/handbook\//);
		await first.click();
		await page.waitForURL(/\/handbook\//);
		expect(await page.locator('h1').count()).toBe(1);
		expect(sub.requests.every((p) => p.startsWith('/handbook/'))).toBe(true);
		await page.close();
		await sub.close();
	});
});
