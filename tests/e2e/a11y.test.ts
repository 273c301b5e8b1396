/**
 * Accessibility gates over the whole built site: axe (WCAG 2.0/2.1/2.2 A and AA, plus structure rules) on every
 * page in light and dark, keyboard focus that is visible, a working skip link, and no sideways scrolling at 200%
 * zoom or in 大字 mode on a 375 px phone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { routes, useSite } from '../support/site';
import { serve } from '../support/static-server';
import { newContext } from '../support/watch';

const site = useSite();
const all = routes('dist');

describe('axe on every page', () => {
	for (const scheme of ['light', 'dark'] as const) {
		it(`finds no violations in ${scheme} mode`, async () => {
			const context = await newContext(site.browser, { colorScheme: scheme, viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			const found: string[] = [];
			for (const r of all) {
				// The search page builds its results and filters after load: check it once they are in place.
				await page.goto(site.server.url + r.slice(1), { waitUntil: r === '/search/' ? 'networkidle' : 'load' });
				found.push(...(await axeViolations(page, r)));
			}
			await context.close();
			expect(found).toEqual([]);
		}, 300_000);
	}

	it('catches a planted image without alt text (the gate itself works)', async () => {
		const dir = 'tests/.tmp/planted';
		mkdirSync(dir, { recursive: true });
		writeFileSync(`${dir}/index.html`, '<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><main><h1>x</h1><img src="x.png"></main></body></html>');
		const planted = await serve(dir, '/');
		const page = await site.browser.newPage();
		await page.goto(planted.url);
		const v = await axeViolations(page, 'planted');
		expect(v.some((line) => line.startsWith('planted: image-alt:'))).toBe(true);
		await page.close();
		await planted.close();
	});
});

describe('keyboard', () => {
	it('the first Tab reaches the skip link, which moves focus to the main content', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.server.url}duties/`);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
		expect(await page.evaluate(() => getComputedStyle(document.activeElement!).top)).not.toBe('-64px');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
		await page.close();
	});

	it('every focused control shows a visible focus indicator', async () => {
		const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
		const target = all.find((r) => r.startsWith('/training/') && r !== '/training/')!;
		await page.goto(site.server.url + target.slice(1));
		const missing: string[] = [];
		for (let i = 0; i < 25; i++) {
			await page.keyboard.press('Tab');
			const info = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el || el === document.body) return null;
				const s = getComputedStyle(el);
				const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
				return { visible, what: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 20) ?? ''}` };
			});
			if (info && !info.visible) missing.push(info.what);
		}
		await page.close();
		expect(missing).toEqual([]);
	});
});

describe('zoom and 大字', () => {
	it('no page scrolls sideways at 200% zoom on a 375 px phone, or in 特大 mode', async () => {
		const overflow: string[] = [];
		// 200% zoom on a 375 px screen leaves a 187.5 px wide CSS viewport.
		const zoomed = await site.browser.newContext({ viewport: { width: 188, height: 400 }, deviceScaleFactor: 2 });
		const big = await site.browser.newContext({ viewport: { width: 375, height: 740 } });
		await big.addInitScript(() => localStorage.setItem('handbook:textsize', 'xlarge'));
		for (const [name, context] of [
			['200%', zoomed],
			['特大', big],
		] as const) {
			const page = await context.newPage();
			for (const r of all) {
				await page.goto(site.server.url + r.slice(1));
				const extra = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				if (extra > 0) overflow.push(`${name} ${r}: ${extra}px`);
			}
			await context.close();
		}
		expect(overflow).toEqual([]);
	}, 300_000);
});
