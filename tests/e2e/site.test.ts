/** The built handbook in Chromium: every route renders cleanly, navigation works, phones get no sideways scroll. */
import { describe, expect, it } from 'vitest';
import { routes, useSite, walk } from '../support/site';
import { serve } from '../support/static-server';
import { reportCsp, watch } from '../support/watch';

const site = useSite();
const all = routes('dist');

describe('every route', () => {
	it('has the routes a reader expects', () => {
		for (const r of ['/', '/start/', '/training/', '/duties/', '/method/', '/suggestions/', '/glossary/', '/about/', '/print/']) {
			expect(all).toContain(r);
		}
		expect(all.length).toBeGreaterThan(12);
	});

	it('renders with a title, one h1, a main landmark and no console errors, at phone width without sideways scroll', async () => {
		const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
		await reportCsp(context);
		const watched: string[][] = [];
		const report = await walk(
			context,
			all,
			async (page, r) => {
				const res = await page.goto(site.server.url + r.slice(1));
				const info = await page.evaluate(() => ({
					h1: document.querySelectorAll('h1').length,
					main: document.querySelectorAll('main').length,
					title: document.title,
					lang: document.documentElement.lang,
					overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
				}));
				const bad = res?.status() !== 200 || info.h1 !== 1 || info.main !== 1 || !info.title || info.lang !== 'zh-CN' || info.overflow > 0;
				return bad ? [`${r}: HTTP ${res?.status()} ${JSON.stringify(info)}`] : [];
			},
			{ open: (page) => watched.push(watch(page)) },
		);
		await context.close();
		expect(report.flat()).toEqual([]);
		expect(watched.flat()).toEqual([]);
	});
});

describe('navigation', () => {
	it('goes home → section → page → next page → breadcrumb back to the section', async () => {
		const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
		const problems = watch(page);
		await page.goto(site.server.url);
		await page.getByRole('link', { name: /培训课程/ }).first().click();
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('培训课程');
		const first = page.locator('main .card').first();
		const title = (await first.locator('.card__title').textContent())!;
		await first.click();
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
		// The sidebar marks the current page.
		await expect(page.locator('.sidebar [aria-current="page"]').textContent()).resolves.toContain(title);
		const next = page.getByRole('link', { name: /下一页/ });
		const nextTitle = (await next.textContent())!.replace('下一页', '').trim();
		await next.click();
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(nextTitle);
		await page.getByRole('navigation', { name: '位置' }).getByRole('link', { name: '培训课程' }).click();
		expect(new URL(page.url()).pathname).toBe('/training/');
		expect(problems).toEqual([]);
		await page.close();
	});

	it('on a phone, the section list opens from its disclosure and the contents link jumps to a heading', async () => {
		const page = await site.browser.newPage({ viewport: { width: 375, height: 740 } });
		const target = all.find((r) => r.startsWith('/duties/') && r !== '/duties/')!;
		await page.goto(site.server.url + target.slice(1));
		const summary = page.locator('.sidebar summary');
		await expect(summary.isVisible()).resolves.toBe(true);
		await expect(page.locator('.sidebar nav').isVisible()).resolves.toBe(false);
		await summary.click();
		await expect(page.locator('.sidebar nav').isVisible()).resolves.toBe(true);
		const toc = page.locator('details.toc-inline');
		if ((await toc.count()) > 0) {
			await toc.locator('summary').click();
			const link = toc.locator('a').nth(1);
			const hash = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
			await link.click();
			expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(hash);
			const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, hash);
			expect(top).toBeGreaterThanOrEqual(0);
			expect(top).toBeLessThan(300);
		}
		await page.close();
	});

	it('unknown paths get the 404 page with a way home', async () => {
		const page = await site.browser.newPage();
		const problems = watch(page, { allowStatus: [404] });
		const res = await page.goto(`${site.server.url}no-such-page/`);
		expect(res?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('没有找到这一页');
		await page.getByRole('link', { name: '回到首页' }).click();
		expect(new URL(page.url()).pathname).toBe('/');
		expect(problems).toEqual([]);
		await page.close();
	});
});

describe('reading comfort', () => {
	it('大字 scales the text, survives a reload, and garbage in storage is ignored', async () => {
		const context = await site.browser.newContext({ viewport: { width: 375, height: 740 } });
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(site.server.url);
		const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
		const normal = await size();
		await page.getByRole('button', { name: '大字', exact: true }).click();
		expect(await size()).toBeGreaterThan(normal * 1.15);
		await expect(page.getByRole('button', { name: '大字', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
		await page.reload();
		expect(await size()).toBeGreaterThan(normal * 1.15);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBe(0);
		await page.evaluate(() => localStorage.setItem('handbook:textsize', '{"not":"a size"}'));
		await page.reload();
		expect(await size()).toBe(normal);
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('worksheets', () => {
	it('render as a form to fill, and the print button prints the page', async () => {
		const page = await site.browser.newPage();
		const target = all.find((r) => r.startsWith('/method/') && r !== '/method/')!;
		await page.goto(site.server.url + target.slice(1));
		const fields = page.locator('.worksheet textarea');
		await expect(fields.count()).resolves.toBeGreaterThan(0);
		await fields.first().fill('小区东侧空地');
		await page.evaluate(() => {
			(window as unknown as { printed: number }).printed = 0;
			window.print = () => {
				(window as unknown as { printed: number }).printed += 1;
			};
		});
		await page.getByRole('button', { name: '打印本页' }).click();
		expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
		await page.close();
	});
});

describe('under a sub-path', () => {
	it('serves every page with its styles and links that stay inside /handbook/', async () => {
		const { SUBPATH_DIST } = await import('./global-setup');
		const sub = await serve(SUBPATH_DIST, '/handbook/');
		const context = await site.browser.newContext();
		const watched: string[][] = [];
		const outside = await walk(
			context,
			routes(SUBPATH_DIST),
			async (page, r) => {
				await page.goto(sub.url + r.slice(1));
				const hrefs = await page.$$eval('a[href], link[href], script[src]', (els) =>
					els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
				);
				const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position);
				const unstyled = styled === 'sticky' ? [] : [`${r}: header position ${styled}, not sticky`];
				return [...unstyled, ...hrefs.filter((h) => h.startsWith('/') && !h.startsWith('/handbook/')).map((h) => `${r}: ${h}`)];
			},
			{ open: (page) => watched.push(watch(page)) },
		);
		await context.close();
		expect(outside.flat()).toEqual([]);
		expect(watched.flat()).toEqual([]);
		expect(sub.requests.every((p) => p.startsWith('/handbook/'))).toBe(true);
		await sub.close();
	}, 180_000); // one navigation per page, 80-odd pages, on a 2-core machine that may be busy
});
