/**
 * The offline edition, as a deputy gets it on a USB stick: unzipped to a folder and opened from file:// with the
 * network off. Links through every section, search, a quiz; no request leaves file://. Its search is Pagefind
 * itself and puts the same page first as the online search (dist/) for every query of the recall set, typed into
 * both search pages, in Chromium and in Firefox.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/browser';
import { openFirefox } from '../support/firefox';
import { answerAll } from '../support/quiz';
import { typeQuery, typeQueryFirefox } from '../support/search-page';
import { serve } from '../support/static-server';
import { recallQueries } from './search-queries';

const UNZIPPED = resolve('tests/.tmp/usb');
let browser: Browser;
let context: BrowserContext;
let home: string;

beforeAll(() => {
	// The offline edition is built once for all end-to-end tests (global-setup.ts).
	rmSync(UNZIPPED, { recursive: true, force: true });
	const files = unzipSync(readFileSync('dist-offline/handbook-offline.zip'));
	for (const [name, data] of Object.entries(files)) {
		if (name.endsWith('/')) continue;
		mkdirSync(dirname(join(UNZIPPED, name)), { recursive: true });
		writeFileSync(join(UNZIPPED, name), data);
	}
	home = `file://${join(UNZIPPED, '代表履职学习手册', 'index.html')}`;
}, 300_000);

beforeAll(async () => {
	browser = await launch();
	context = await browser.newContext({ offline: true });
});
afterAll(async () => {
	await browser?.close();
});

function watchFile(page: Page) {
	const problems: string[] = [];
	page.on('request', (r) => {
		if (!/^(file|data|blob):/.test(r.url())) problems.push(`request left file://: ${r.url()}`);
	});
	page.on('requestfailed', (r) => {
		// A navigation cancels what the previous page still had in flight (its icon, say): not a failure.
		if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console: ${m.text()}`);
	});
	return problems;
}

describe('the zip, opened from file:// with no network', () => {
	it('follows links through every section, searches, and passes a quiz', async () => {
		const page = await context.newPage();
		const problems = watchFile(page);
		await page.goto(home);
		await expect(page.locator('h1').textContent()).resolves.toBe('代表履职学习手册');
		for (const name of ['培训课程', '权利与义务', '代表建议', '望闻问切工作法']) {
			await page.goto(home);
			await page.locator('main .card', { hasText: name }).first().click();
			await expect(page.locator('h1').textContent()).resolves.toBe(name);
			const sectionUrl = page.url();
			const cards = page.locator('main a.card');
			const n = await cards.count();
			for (let i = 0; i < n; i++) {
				await page.goto(sectionUrl);
				await cards.nth(i).click();
				await page.waitForLoadState();
				expect(page.url().startsWith('file://'), page.url()).toBe(true);
				expect(page.url()).toMatch(/index\.html(#.*)?$/);
				await expect(page.locator('h1').count()).resolves.toBe(1);
				// Styles load: the header is sticky.
				expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position)).toBe('sticky');
			}
		}
		for (const q of ['代表', '建议', '人大']) {
			await page.goto(home);
			await page.getByRole('link', { name: '搜索手册' }).first().click();
			await page.waitForURL(/search\/index\.html/);
			await page.waitForFunction(() => customElements.get('handbook-offline-search') !== undefined);
			await page.locator('#offline-q').fill(q);
			await page.keyboard.press('Enter');
			await page.locator('.pf-result-link').first().waitFor();
			expect(await page.locator('.pf-result-link').count(), q).toBeGreaterThan(0);
		}
		await page.locator('.pf-result-link').first().click();
		await expect(page.locator('h1').count()).resolves.toBe(1);
		// A heading listed under a result opens its page at that heading.
		await page.goto(home.replace(/index\.html$/, 'search/index.html?q=代表'));
		const heading = page.locator('.pf-heading-link').first();
		const anchor = decodeURIComponent(new URL((await heading.getAttribute('href'))!).hash.slice(1));
		await heading.click();
		await page.waitForLoadState();
		expect(await page.evaluate((id) => document.getElementById(id)?.tagName, anchor), anchor).toMatch(/^H[2-6]$/);
		// A second tab, open on another module before the quiz is passed, marks its page read afterwards: it must not
		// write back its older copy of the progress over the pass.
		const other = await context.newPage();
		problems.push(...watchFile(other));
		await other.goto(home.replace(/index\.html$/, 'training/budget-review/index.html'));
		await expect.poll(() => other.frames().some((f) => f.url().endsWith('/_offline/store.html'))).toBe(true);
		// A third, on the progress page: the shared store passes the pass on to it, and it shows it without a reload.
		const progressTab = await context.newPage();
		problems.push(...watchFile(progressTab));
		await progressTab.goto(home.replace(/index\.html$/, 'progress/index.html'));
		await expect.poll(() => progressTab.locator('[data-required-text]').textContent()).toMatch(/^已通过 0\//);
		await page.bringToFront();
		// A quiz, scored and kept.
		await page.goto(home);
		await page.locator('main .card', { hasText: '培训课程' }).first().click();
		await page.locator('main a.card').first().click();
		await answerAll(page, 'right');
		// Progress goes to the edition's shared store, a frame of _offline/store.html (one local file, so one storage
		// from every page and in every browser, Firefox included), not to the page's own storage. Chromium shares
		// storage between local files anyway, so the writes themselves are watched on both sides.
		const store = page.frames().find((f) => f.url().endsWith('/_offline/store.html'));
		expect(store, 'store frame').toBeDefined();
		const watchWrites = () => {
			const w = window as unknown as { writes: string[] };
			w.writes = [];
			const set = Storage.prototype.setItem;
			Storage.prototype.setItem = function (key: string, value: string) {
				w.writes.push(key);
				set.call(this, key, value);
			};
		};
		await page.evaluate(watchWrites);
		await store!.evaluate(watchWrites);
		await page.getByRole('button', { name: '提交答案' }).click();
		await expect(page.locator('[data-result]').textContent()).resolves.toMatch(/^通过/);
		// The store is shared, so the result says nothing about progress kept on this page only.
		await expect(page.locator('[data-result]').textContent()).resolves.not.toMatch(/分开保存|只记在本页/);
		await expect.poll(() => store!.evaluate(() => (window as unknown as { writes: string[] }).writes)).toContain('handbook:progress:v2');
		expect(await page.evaluate(() => (window as unknown as { writes: string[] }).writes)).toEqual([]);
		await expect(page.locator('[data-file-storage-note]').isHidden()).resolves.toBe(true);
		await expect.poll(() => progressTab.locator('td[data-quiz]', { hasText: '已通过' }).count()).toBe(1);
		await progressTab.close();
		await other.bringToFront();
		await other.locator('handbook-read-marker').scrollIntoViewIfNeeded();
		const otherStore = other.frames().find((f) => f.url().endsWith('/_offline/store.html'))!;
		await expect.poll(() => otherStore.evaluate(() => localStorage.getItem('handbook:progress:v2') ?? '')).toContain('training/budget-review');
		await other.close();
		await page.goto(home.replace(/index\.html$/, 'progress/index.html'));
		await expect(page.locator('[data-file-storage-note]').count()).resolves.toBe(1);
		await expect(page.locator('[data-file-storage-note]').isHidden()).resolves.toBe(true);
		await expect(page.locator('td[data-quiz]', { hasText: '已通过' }).count()).resolves.toBe(1);
		await expect(page.locator('tr[data-module="training/budget-review"] td[data-read]').textContent()).resolves.toBe('✓ 已读');
		expect(problems).toEqual([]);
		await page.close();
	}, 180_000); // about 60 navigations from file://, three tabs; over a minute on a busy two-core machine
});

describe('search in the zip where the browser cannot run it', () => {
	it('says so, and points to browsing by section and the glossary', async () => {
		const page = await context.newPage();
		// As in a browser with WebAssembly switched off (some locked-down browsers do this).
		await page.addInitScript(() => delete (window as { WebAssembly?: unknown }).WebAssembly);
		await page.goto(home.replace(/index\.html$/, 'search/index.html?q=代表'));
		await expect.poll(() => page.locator('[data-summary]').textContent()).toMatch(/无法运行手册的搜索.*术语表/);
		await expect(page.locator('.pf-result').count()).resolves.toBe(0);
		await page.close();
	});
});

/** The online search's first result for each recall query (dist/ over HTTP, the /search/ page, Chromium). */
let online: Promise<Map<string, string>> | undefined;
function onlineTopResults(): Promise<Map<string, string>> {
	online ??= (async () => {
		const server = await serve('dist', '/');
		try {
			const page = await (await browser.newContext()).newPage();
			await page.goto(`${server.url}search/`);
			const top = new Map<string, string>();
			for (const { q } of recallQueries) top.set(q, (await typeQuery(page, q, 1))[0]);
			return top;
		} finally {
			await server.close();
		}
	})();
	return online;
}

/** Compares the offline edition's first results with the online ones, prints the agreement and the differences. */
function agreement(label: string, offline: Map<string, string>, top: Map<string, string>): number {
	const differ = recallQueries.filter(({ q }) => offline.get(q) !== top.get(q)).map(({ q }) => `${q}: online ${top.get(q)} · offline ${offline.get(q)}`);
	const same = recallQueries.length - differ.length;
	console.log(`top result agreement, ${label}: ${((same / recallQueries.length) * 100).toFixed(1)}% (${same}/${recallQueries.length})`);
	for (const d of differ) console.log(`  ${d}`);
	return same / recallQueries.length;
}

describe('search in the zip and online', () => {
	it('puts the same page first for every query of the recall set (Chromium)', async () => {
		const page = await context.newPage();
		const problems = watchFile(page);
		// The online results come in a second tab meanwhile.
		const top = onlineTopResults();
		top.catch(() => undefined); // awaited below; a failure meanwhile is reported there
		await page.goto(home.replace(/index\.html$/, 'search/index.html'));
		const offline = new Map<string, string>();
		for (const { q } of recallQueries) offline.set(q, (await typeQuery(page, q, 1))[0]);
		await top;
		expect(agreement('Chromium, offline and online', offline, await top)).toBe(1);
		expect(problems).toEqual([]);
	}, 240_000);

	it('searches with Pagefind in Firefox too, from file:// with the network off: the same first results as online in Firefox', async () => {
		const chromium = await onlineTopResults();
		const server = await serve('dist', '/');
		const firefox = await openFirefox();
		try {
			const online = new Map<string, string>();
			await firefox.goto(`${server.url}search/`);
			await firefox.waitFor(() => customElements.get('handbook-search-page') !== undefined, null);
			for (const { q } of recallQueries) online.set(q, (await typeQueryFirefox(firefox, q, 1))[0]);
			expect(firefox.requests.filter((u) => !u.startsWith(server.url) && !/^(data|blob):/.test(u))).toEqual([]);

			firefox.requests.length = 0;
			await firefox.setOffline(true);
			await firefox.goto(home.replace(/index\.html$/, 'search/index.html'));
			const offline = new Map<string, string[]>();
			for (const { q } of recallQueries) offline.set(q, await typeQueryFirefox(firefox, q, 5));
			const first = new Map([...offline].map(([q, r]) => [q, r[0]]));
			expect(agreement(`Firefox ${firefox.version}, offline and online`, first, online)).toBe(1);
			// Firefox cuts Chinese queries into words differently from Chromium (小作坊: 小作/坊, not 小/作坊), and
			// Pagefind searches the words the browser gives it, online and offline alike; printed, not required.
			agreement('Firefox offline, Chromium online', first, chromium);
			const found = recallQueries.filter(({ q, page }) => offline.get(q)!.includes(page)).length;
			console.log(`Firefox: offline search recall@5: ${found}/${recallQueries.length}`);
			expect(firefox.requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
			expect(firefox.errors).toEqual([]);
		} finally {
			await firefox.close();
			await server.close();
		}
	}, 300_000);
});
