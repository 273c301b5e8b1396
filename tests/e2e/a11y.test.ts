/**
 * Accessibility gates over the whole built site: axe (WCAG 2.0/2.1/2.2 A and AA, plus structure rules) on every
 * page in light, and its colour rules again in dark, keyboard focus that is visible, a working skip link, and no sideways scrolling at 200%
 * zoom or in 大字 mode on a 375 px phone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, COLOUR_RULES } from '../support/axe';
import { routes, useSite, walk } from '../support/site';
import { serve } from '../support/static-server';
import { newContext } from '../support/watch';

const site = useSite();
const all = routes('dist');

describe('axe on every page', () => {
	// Dark mode changes colours and nothing else (checked on every page below), so in dark the rules that read
	// colours run again; every other rule sees the same page in both.
	it('finds no violations in light mode, and none in dark mode', async () => {
		const context = await newContext(site.browser, { colorScheme: 'light', viewport: { width: 1280, height: 900 } });
		const found = await walk(context, all, async (page, r) => {
			await page.emulateMedia({ colorScheme: 'light' });
			// The search page builds its results and filters after load: check it once they are in place.
			await page.goto(site.server.url + r.slice(1), { waitUntil: r === '/search/' ? 'networkidle' : 'load' });
			const light = await axeViolations(page, `light ${r}`);
			await page.emulateMedia({ colorScheme: 'dark' });
			const dark = await axeViolations(page, `dark ${r}`, COLOUR_RULES);
			const notColour = await page.evaluate(darkDeclarationsOtherThanColour);
			return [...light, ...dark, ...notColour.map((d) => `dark ${r}: changes more than colour: ${d}`)];
		});
		await context.close();
		expect(found.flat()).toEqual([]);
	}, 300_000);

	it('catches a planted image without alt text, faint text in dark only, and dark rules that change more than colour (the gates work)', async () => {
		const dir = 'tests/.tmp/planted';
		mkdirSync(dir, { recursive: true });
		const dark = '@media (prefers-color-scheme: dark) { :root { --ink: #333; --gap: 3rem } body { background-color: #222 } p { color: var(--ink) } .x { display: none } }';
		writeFileSync(
			`${dir}/index.html`,
			`<!doctype html><html lang="zh-CN"><head><title>x</title><style>${dark}</style></head><body><main><h1>x</h1><img src="x.png"><p>正文</p><span class="x">另一段</span></main></body></html>`,
		);
		const planted = await serve(dir, '/');
		const page = await site.browser.newPage();
		await page.goto(planted.url);
		const v = await axeViolations(page, 'planted');
		expect(v.some((line) => line.startsWith('planted: image-alt:'))).toBe(true);
		expect(v.some((line) => line.startsWith('planted: color-contrast:'))).toBe(false);
		await page.emulateMedia({ colorScheme: 'dark' });
		expect((await axeViolations(page, 'planted', COLOUR_RULES)).some((line) => line.startsWith('planted: color-contrast:'))).toBe(true);
		expect(await page.evaluate(darkDeclarationsOtherThanColour)).toEqual([':root { --gap }', '.x { display }']);
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
		// 200% zoom on a 375 px screen leaves a 187.5 px wide CSS viewport.
		const zoomed = await site.browser.newContext({ viewport: { width: 188, height: 400 }, deviceScaleFactor: 2 });
		const big = await site.browser.newContext({ viewport: { width: 375, height: 740 } });
		await big.addInitScript(() => localStorage.setItem('handbook:textsize', 'xlarge'));
		const sideways = (name: string, context: BrowserContext) =>
			walk(context, all, async (page, r) => {
				await page.goto(site.server.url + r.slice(1));
				const extra = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				return extra > 0 ? [`${name} ${r}: ${extra}px`] : [];
			}, { tabs: 1 });
		const overflow = (await Promise.all([sideways('200%', zoomed), sideways('特大', big)])).flat(2);
		await zoomed.close();
		await big.close();
		expect(overflow).toEqual([]);
	}, 300_000);
});

/**
 * Every declaration that depends on the colour scheme (inside any media condition naming prefers-color-scheme, on a
 * rule, an imported sheet or a linked sheet) and is not a colour: a custom property counts as a colour only when its
 * value is one, or a shadow.
 */
function darkDeclarationsOtherThanColour(): string[] {
	const colour = /^(color|color-scheme|background-color|background-image|border(-(top|right|bottom|left|block|inline)(-start|-end)?)?-color|outline-color|box-shadow|text-decoration-color|text-shadow|caret-color|accent-color|fill|stroke)$/;
	const scheme = (media: string) => /prefers-color-scheme/.test(media);
	const out: string[] = [];
	const declarations = (where: string, style: CSSStyleDeclaration) => {
		for (const p of Array.from(style)) {
			const value = style.getPropertyValue(p).trim();
			// --lightningcss-light/-dark: the switches the CSS minifier writes for color-scheme on older browsers (a
			// colour is picked by which of the two is empty).
			const toggle = /^--lightningcss-(light|dark)$/.test(p);
			const ok = p.startsWith('--') ? toggle || CSS.supports('color', value) || CSS.supports('box-shadow', value) : colour.test(p);
			if (!ok) out.push(`${where} { ${p} }`);
		}
	};
	const visit = (rules: CSSRuleList, inScheme: boolean) => {
		for (const rule of Array.from(rules)) {
			const media = rule instanceof CSSMediaRule ? rule.conditionText : rule instanceof CSSImportRule ? rule.media.mediaText : '';
			const here = inScheme || scheme(media);
			if (rule instanceof CSSImportRule) {
				if (rule.styleSheet) visit(rule.styleSheet.cssRules, here);
				continue;
			}
			const style = (rule as CSSRule & { style?: CSSStyleDeclaration }).style;
			if (here && style) declarations(rule instanceof CSSStyleRule ? rule.selectorText : rule.cssText.slice(0, 40), style);
			if ('cssRules' in rule) visit((rule as CSSGroupingRule).cssRules, here);
		}
	};
	for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules, scheme(sheet.media.mediaText));
	return out;
}
