/** Search: recall on what deputies type, and the search UI in the header and on /search/. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site';
import { typeQuery } from '../support/search-page';
import { serve } from '../support/static-server';
import { newContext, watch } from '../support/watch';
import { FIRST_RESULTS, MORE_RESULTS } from '../../src/lib/search-settings';
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
			.poll(() => site.server.requests.slice(before).filter((r) => /\/pagefind\.js|pagefind-worker\.js|wasm\./.test(r)).length, { timeout: 15_000 })
			.toBeGreaterThanOrEqual(3);
		await page.keyboard.press('/');
		const input = page.locator('dialog.search-dialog input');
		await input.waitFor({ state: 'visible' });
		await input.fill('人大');
		const first = page.locator('dialog.search-dialog .pf-results a[href*="#"]').first();
		await first.waitFor({ state: 'visible', timeout: 15_000 });
		// Only what fills the phone's screen is built; the rest waits behind “更多结果”.
		expect(await page.locator('dialog.search-dialog .pf-result').count()).toBe(FIRST_RESULTS);
		const href = (await first.getAttribute('href'))!;
		await first.click();
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
		const input = page.locator('dialog.search-dialog input');
		await input.waitFor({ state: 'visible' });
		await page.keyboard.press('Escape');
		await input.waitFor({ state: 'hidden' });
		await page.close();
	});
});

/**
 * Types through an input method as a Chinese reader does, with Chromium's own IME events (DevTools protocol): the
 * pinyin is composed in the box, then the chosen words are committed. Returns every summary the box showed.
 */
async function typeWithIme(page: Page, input: string, steps: [string[], string][]): Promise<{ summaries: string[]; waits: number[] }> {
	const cdp = await page.context().newCDPSession(page);
	await page.locator(input).focus();
	await page.evaluate(() => {
		const w = window as unknown as { summaries: string[] };
		w.summaries = [];
		const summary = document.querySelector('dialog[open] .pf-summary, [data-summary]')!;
		new MutationObserver(() => w.summaries.push(summary.textContent ?? '')).observe(summary, { childList: true, characterData: true, subtree: true });
	});
	const waits: number[] = [];
	let typed = '';
	for (const [pinyin, words] of steps) {
		for (const p of pinyin) await cdp.send('Input.imeSetComposition', { text: p, selectionStart: p.length, selectionEnd: p.length });
		// While composing, only pinyin is in the box: nothing is searched.
		await page.waitForTimeout(300);
		const t0 = Date.now();
		await cdp.send('Input.insertText', { text: words });
		typed += words;
		// The committed words are searched at once, with no further key and no pause needed.
		await page.waitForFunction((q) => (window as unknown as { summaries: string[] }).summaries.some((s) => s.includes(`${q} 的`)), typed, { timeout: 10_000 });
		waits.push(Date.now() - t0);
	}
	await cdp.detach();
	return { summaries: await page.evaluate(() => (window as unknown as { summaries: string[] }).summaries), waits };
}

describe('typing through an input method (Chinese IME)', () => {
	const steps: [string[], string][] = [
		[['d', 'da', 'dai', 'daib', 'daibiao'], '代表'],
		[['s', 'sh', 'shi', 'shic', 'shicha'], '视察'],
	];
	for (const where of ['header', 'page'] as const) {
		it(`${where === 'header' ? 'the header dialog' : '/search/'}: searches each committed word at once, never the pinyin`, async () => {
			const context = await newContext(site.browser, { viewport: { width: 375, height: 740 } });
			const page = await context.newPage();
			const problems = watch(page);
			if (where === 'header') {
				await page.goto(site.server.url);
				await page.keyboard.press('/');
				await page.locator('dialog.search-dialog input').waitFor({ state: 'visible' });
			} else {
				await page.goto(`${site.server.url}search/`);
				await page.waitForFunction(() => document.querySelector('[data-filters]:not([hidden])'));
			}
			const { summaries, waits } = await typeWithIme(page, where === 'header' ? 'dialog.search-dialog input' : '#search-q', steps);
			expect(summaries.filter((s) => /[a-z]/.test(s))).toEqual([]);
			expect(summaries.some((s) => s.includes('找到') && s.includes('代表视察'))).toBe(true);
			expect(Math.max(...waits)).toBeLessThan(2000);
			expect(problems).toEqual([]);
			await context.close();
		});
	}
});

describe('the /search/ page', () => {
	it('reads ?q=, shows results with the section filter, and keeps the address in step', async () => {
		const context = await newContext(site.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${site.server.url}search/?q=${encodeURIComponent('代表')}`);
		await page.waitForSelector('.pf-results a', { timeout: 15_000 });
		await expect(page.locator('#search-q').inputValue()).resolves.toBe('代表');
		await expect(page.locator('[data-filters]').textContent()).resolves.toContain('栏目');
		await page.locator('#search-q').fill('人大');
		await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '人大');
		// A section filter narrows the results to that section.
		const total = async () => Number(/(\d+)\s*个/.exec((await page.locator('[data-summary]').textContent()) ?? '')?.[1]);
		const all = await total();
		await page.locator('[data-filters] summary').click();
		await page.locator('[data-filters] label', { hasText: '培训' }).first().click();
		await expect.poll(total).toBeLessThan(all);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('shows the first results, and more on “更多结果” or on scrolling to the end of the list', async () => {
		const context = await newContext(site.browser, { viewport: { width: 375, height: 740 } });
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${site.server.url}search/?q=${encodeURIComponent('代表')}`);
		const items = page.locator('.pf-results > .pf-result');
		await items.first().waitFor({ timeout: 15_000 });
		expect(await items.count()).toBe(FIRST_RESULTS);
		const total = Number(/(\d+)\s*个/.exec((await page.locator('[data-summary]').textContent()) ?? '')?.[1]);
		expect(total).toBeGreaterThan(FIRST_RESULTS + MORE_RESULTS);
		const more = page.getByRole('button', { name: /更多结果/ });
		await more.click();
		await expect.poll(() => items.count()).toBeGreaterThanOrEqual(FIRST_RESULTS + MORE_RESULTS);
		const shown = await items.count();
		await more.scrollIntoViewIfNeeded();
		await expect.poll(() => items.count()).toBeGreaterThan(shown);
		// Nothing is shown twice.
		const hrefs = await page.locator('.pf-results > .pf-result .pf-result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
		expect(new Set(hrefs).size).toBe(hrefs.length);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('works under a sub-path deployment', async () => {
		const { SUBPATH_DIST } = await import('./global-setup');
		const sub = await serve(SUBPATH_DIST, '/handbook/');
		const page = await site.browser.newPage();
		await page.goto(`${sub.url}search/?q=${encodeURIComponent('代表')}`);
		const first = page.locator('.pf-results a').first();
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
