/** Offline use and updates: the service worker, in Chromium, against real builds. */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/browser';
import { astroBuild } from '../support/build';
import { answerAll } from '../support/quiz';
import { routes } from '../support/site';
import { serve, type StaticServer } from '../support/static-server';
import { newContext, watch } from '../support/watch';

let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Opens the site once and waits until the service worker controls the page with the whole precache in place. */
async function visitOnce(context: BrowserContext, url: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(url);
	// `ready` resolves once a worker is active, i.e. its install (the whole precache) succeeded.
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
	return page;
}

describe('the whole handbook offline after one visit', () => {
	let server: StaticServer;
	let context: BrowserContext;
	let page: Page;
	const all = routes('dist');

	beforeAll(async () => {
		server = await serve('dist', '/');
		context = await newContext(browser, { viewport: { width: 390, height: 844 } });
		page = await visitOnce(context, server.url);
	});
	afterAll(async () => {
		await context?.close();
		await server?.close();
	});

	it('is installable: a valid manifest with icons, and the worker controls the page', async () => {
		const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
		const manifest = await (await page.request.get(new URL(manifestHref!, server.url).href)).json();
		expect(manifest).toMatchObject({ name: '代表履职学习手册', short_name: '履职手册', start_url: '/', scope: '/', display: 'standalone' });
		const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
		expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
		for (const icon of manifest.icons) {
			const res = await page.request.get(new URL(icon.src, server.url).href);
			expect(res.status(), icon.src).toBe(200);
		}
		expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
	});

	it('opens every page by typed address and by link, searches and completes a quiz with the network off', async () => {
		const problems = watch(page);
		await context.setOffline(true);
		expect(await page.evaluate(() => navigator.onLine)).toBe(false);
		const before = server.requests.length;
		const failed: string[] = [];
		for (const r of all) {
			const res = await page.goto(server.url + r.slice(1)).catch((e: Error) => e);
			if (res instanceof Error || (await page.locator('h1').count()) !== 1) failed.push(r);
		}
		expect(failed).toEqual([]);
		// The offline notice is shown.
		await expect(page.locator('[data-offline]').isVisible()).resolves.toBe(true);
		// By link: every section index, then into its pages from the sidebar.
		for (const section of ['training', 'duties', 'suggestions', 'method']) {
			await page.goto(server.url);
			await page.locator(`main a[href="/${section}/"]`).first().click();
			await page.waitForURL(`**/${section}/`);
			const links = await page.locator('main .card').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
			for (const href of links) {
				await page.locator(`main a.card[href="${href}"]`).click();
				await page.waitForURL(`**${href}`);
				expect(await page.locator('h1').count(), href).toBe(1);
				await page.goBack();
			}
		}
		// Search works offline from the cached index.
		for (const q of ['代表', '建议', '人大']) {
			await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
			await page.waitForSelector('.pf-results a', { timeout: 15_000 });
			expect(await page.locator('.pf-results a').count(), q).toBeGreaterThan(0);
		}
		// A quiz can be completed.
		const quizPage = all.find((r) => r.startsWith('/training/') && readFileSync(`dist${r}index.html`, 'utf8').includes('<handbook-quiz'))!;
		await page.goto(server.url + quizPage.slice(1));
		await answerAll(page, 'right');
		await page.getByRole('button', { name: '提交答案' }).click();
		await expect(page.locator('[data-result]').textContent()).resolves.toMatch(/^通过/);
		// Unknown paths get the cached 404 page.
		await page.goto(`${server.url}not-a-page/`);
		await expect(page.locator('h1').textContent()).resolves.toBe('没有找到这一页');
		// Nothing of the above reached the server. The browser's own update checks of the worker script (/sw.js,
		// made by Chromium outside the emulated offline state, and failing harmlessly on a real dead network) are not
		// page content and are left out.
		expect(server.requests.slice(before).filter((r) => r !== '/sw.js')).toEqual([]);
		expect(problems).toEqual([]);
		await context.setOffline(false);
	}, 180_000); // about 150 navigations, each answered by the service worker
});

describe('a new edition', () => {
	const A = 'tests/.tmp/edition-a';
	const B = 'tests/.tmp/edition-b';
	const CONTENT_B = 'tests/.tmp/content-b';

	beforeAll(() => {
		rmSync(CONTENT_B, { recursive: true, force: true });
		cpSync('tests/fixtures/good', CONTENT_B, { recursive: true });
		const page = `${CONTENT_B}/duties/overview.mdx`;
		writeFileSync(page, readFileSync(page, 'utf8').replace('见代表法第8条。', '见代表法第8条。第二版新增的一句话。'));
		for (const [out, content] of [
			[A, 'tests/fixtures/good'],
			[B, CONTENT_B],
		]) {
			const r = astroBuild(out, { HANDBOOK_CONTENT: content });
			if (r.status !== 0) throw new Error(r.stdout + r.stderr);
		}
	}, 180_000);

	it('is offered with one click, shows the new content, and is what offline serves afterwards', async () => {
		const server = await serve(A, '/');
		const context = await browser.newContext();
		const page = await visitOnce(context, `${server.url}duties/overview/`);
		await expect(page.locator('main').textContent()).resolves.not.toContain('第二版新增');
		server.setRoot(B);
		// What the hourly/visibility check does, now.
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
		const button = page.getByRole('button', { name: '手册有更新，点击刷新' });
		await button.waitFor({ state: 'visible', timeout: 30_000 });
		await button.click();
		await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('第二版新增'), undefined, { timeout: 30_000 });
		// Old caches are gone; only this edition's precache remains.
		const names: string[] = await page.evaluate(() => caches.keys());
		expect(names.filter((c) => c.includes('precache'))).toHaveLength(1);
		await context.setOffline(true);
		await page.goto(`${server.url}duties/overview/`);
		await expect(page.locator('main').textContent()).resolves.toContain('第二版新增');
		await context.close();
		await server.close();
	});
});

describe('the download of the offline copy', () => {
	it('shows on /about/ as files saved of the files in the copy, growing, then as saved', async () => {
		const copy = JSON.parse(readFileSync('dist/offline-copy.json', 'utf8')) as { files: number; bytes: number };
		// The worker fetches the copy one file at a time; 40 ms per answer makes the download last several seconds.
		const server = await serve('dist', '/', 0, { line: { latencyMs: 40 } });
		const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${server.url}about/`);
		const seen: { text: string; value: number; max: number; bar: boolean }[] = [];
		const deadline = Date.now() + 120_000;
		while (!seen.at(-1)?.text.startsWith('已保存') && Date.now() < deadline) {
			const now = await page.evaluate(() => {
				const bar = document.querySelector<HTMLProgressElement>('[data-offline-progress]')!;
				return { text: document.querySelector('[data-offline-state]')!.textContent!, value: bar.value, max: bar.max, bar: !bar.hidden };
			});
			if (seen.at(-1)?.text !== now.text) seen.push(now);
			await page.waitForTimeout(100);
		}
		const steps = seen.flatMap((s) => {
			const m = /^正在保存：(\d+) \/ (\d+) 个文件（(\d+)%，全部约 [\d.]+ MB）/.exec(s.text);
			return m ? [{ done: Number(m[1]), total: Number(m[2]), percent: Number(m[3]), ...s }] : [];
		});
		expect(steps.length, seen.map((s) => s.text).join('\n')).toBeGreaterThan(3);
		expect(steps.every((s) => s.total === copy.files && s.bar && s.max === copy.files && s.value === s.done)).toBe(true);
		expect(steps.some((s) => s.done > 0 && s.done < copy.files)).toBe(true);
		const counts = steps.map((s) => s.done);
		expect(counts).toEqual([...counts].sort((a, b) => a - b));
		const cached = await page.evaluate(async () => {
			const name = (await caches.keys()).find((n) => n.includes('precache'))!;
			return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
		});
		expect(cached).toHaveLength(copy.files);
		expect(cached).not.toContain('/offline-copy.json');
		expect(seen.at(-1)).toMatchObject({ text: `已保存，共 ${copy.files} 个文件，断网也能使用。`, bar: false });
		expect(await page.locator('[data-offline-size]').textContent()).toMatch(/^约 [\d.]+ MB$/);
		expect(problems).toEqual([]);
		await context.close();
		await server.close();
	}, 180_000);
});
