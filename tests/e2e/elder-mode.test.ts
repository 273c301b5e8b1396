/**
 * 长辈模式 on a 375 px phone, light and dark, on every kind of page: axe finds nothing, every control is 48 × 48 px
 * or more (links inside sentences exempt, WCAG's inline exception), every visible text and focus ring reaches 7:1.
 * The switch persists across pages, ignores garbage in storage, and the system's “increase contrast” turns it on.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { focusRings, legibility } from '../support/legibility';
import { routes, useSite } from '../support/site';
import { CHINESE, fakeSpeech } from '../support/speech';
import { newContext, watch } from '../support/watch';

const site = useSite();
const all = routes('dist');
const quizPage = all.find((r) => r.startsWith('/training/') && r !== '/training/' && r !== '/training/system/') ?? '/training/';
const WECHAT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.30(0x18001e2f) NetType/WIFI Language/zh_CN';
const pages = ['/', '/start/', quizPage, '/duties/overview/', '/rules/', '/glossary/', '/search/', '/progress/', '/about/'];

describe('长辈模式 measured', () => {
	// Light and dark side by side, one tab each (the machine has two cores).
	for (const scheme of ['light', 'dark'] as const) {
		it.concurrent(`meets 7:1 and 48 px on every page type, ${scheme}`, async ({ expect }) => {
			// In WeChat and with a Chinese voice, so that the in-app hint and 朗读 are measured too.
			const context = await newContext(site.browser, { colorScheme: scheme, viewport: { width: 375, height: 740 }, userAgent: WECHAT });
			await context.addInitScript(() => localStorage.setItem('handbook:elder', 'on'));
			await fakeSpeech(context, CHINESE);
			const page = await context.newPage();
			const problems = watch(page);
			const found: string[] = [];
			let minTarget = Infinity;
			let minContrast = Infinity;
			for (const r of pages) {
				await page.goto(site.server.url + r.slice(1), { waitUntil: r === '/search/' ? 'networkidle' : 'load' });
				expect(await page.evaluate(() => document.documentElement.hasAttribute('data-elder')), r).toBe(true);
				if (r === quizPage) {
					// Reading aloud: the bar at the foot of the screen and the highlighted paragraph.
					await page.getByRole('button', { name: '朗读', exact: true }).click();
					await page.getByRole('group', { name: '朗读' }).waitFor();
				}
				if (r === '/search/') {
					// With results on the page, so that they are measured too.
					await page.locator('handbook-search-page input').first().fill('代表建议');
					await page.locator('handbook-search-page a[href*="/"]').first().waitFor();
				}
				found.push(...(await axeViolations(page, r)));
				found.push(...(await focusRings(page)).map((l) => `${r} focus: ${l}`));
				const m = await legibility(page);
				found.push(...m.small.map((l) => `${r} target: ${l}`), ...m.faint.map((l) => `${r} text: ${l}`));
				minTarget = Math.min(minTarget, m.minTarget);
				minContrast = Math.min(minContrast, m.minContrast);
				console.log(`${scheme} ${r}: 最小目标 ${m.minTarget.toFixed(1)} px，句中链接 ${m.inlineLinks} 个；${m.texts} 处文字，最低对比度 ${m.minContrast.toFixed(2)}:1`);
			}
			console.log(`${scheme}: 最小目标 ${minTarget.toFixed(1)} px，最低对比度 ${minContrast.toFixed(2)}:1`);
			await context.close();
			expect([...new Set(found)]).toEqual([]);
			expect(problems).toEqual([]);
		}, 300_000);
	}

	it('catches a planted faint text and a small button (the measurement itself works)', async () => {
		const context = await newContext(site.browser, { viewport: { width: 375, height: 740 } });
		await context.addInitScript(() => localStorage.setItem('handbook:elder', 'on'));
		const page = await context.newPage();
		await page.goto(`${site.server.url}about/`);
		await page.evaluate(() => {
			const p = document.createElement('p');
			p.textContent = '浅灰色的字';
			p.style.color = '#888';
			const b = document.createElement('button');
			b.textContent = '小';
			b.style.cssText = 'min-height:0;min-width:0;height:30px;padding:0';
			document.querySelector('main')!.append(p, b);
		});
		const m = await legibility(page);
		expect(m.faint.some((l) => l.includes('浅灰色的字'))).toBe(true);
		expect(m.small.some((l) => l.includes('“小”'))).toBe(true);
		await context.close();
	});

	it('lays a content page out in one column at 1280 px, its section list folded', async () => {
		const context = await newContext(site.browser, { viewport: { width: 1280, height: 900 } });
		await context.addInitScript(() => localStorage.setItem('handbook:elder', 'on'));
		const page = await context.newPage();
		await page.goto(`${site.server.url}duties/overview/`);
		const layout = await page.evaluate(() => ({
			toc: getComputedStyle(document.querySelector('.toc')!).display,
			sidebarOpen: document.querySelector<HTMLDetailsElement>('details[data-sidebar]')!.open,
			sidebarBottom: document.querySelector('.sidebar')!.getBoundingClientRect().bottom,
			mainTop: document.querySelector('main')!.getBoundingClientRect().top,
			lineHeight: parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize),
		}));
		expect(layout.toc).toBe('none');
		expect(layout.sidebarOpen).toBe(false);
		expect(layout.mainTop).toBeGreaterThanOrEqual(layout.sidebarBottom);
		expect(layout.lineHeight).toBeGreaterThanOrEqual(2);
		await context.close();
	});
});

describe('the 长辈模式 switch', () => {
	it('turns on with one press, stays on across pages and reloads, and off again', async () => {
		const context = await newContext(site.browser, { viewport: { width: 375, height: 740 } });
		const page = await context.newPage();
		const problems = watch(page);
		const on = () => page.evaluate(() => document.documentElement.hasAttribute('data-elder'));
		const button = page.getByRole('button', { name: '长辈模式' });
		await page.goto(site.server.url);
		expect(await on()).toBe(false);
		await expect(button.getAttribute('aria-pressed')).resolves.toBe('false');
		await button.click();
		expect(await on()).toBe(true);
		await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
		await page.getByRole('link', { name: /培训课程/ }).first().click();
		await page.waitForURL(/\/training\/$/);
		expect(await on()).toBe(true);
		await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
		await page.reload();
		expect(await on()).toBe(true);
		await button.click();
		expect(await on()).toBe(false);
		await page.goto(`${site.server.url}about/`);
		expect(await on()).toBe(false);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('ignores garbage in storage', async () => {
		const context = await newContext(site.browser, { viewport: { width: 375, height: 740 } });
		await context.addInitScript(() => localStorage.setItem('handbook:elder', '{"not":"a choice"'));
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${site.server.url}duties/overview/`);
		expect(await page.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(false);
		await expect(page.getByRole('button', { name: '长辈模式' }).getAttribute('aria-pressed')).resolves.toBe('false');
		expect(problems).toEqual([]);
		await context.close();
	});

	it('comes on by itself under prefers-contrast: more, and the reader can still turn it off', async () => {
		const context = await newContext(site.browser, { viewport: { width: 375, height: 740 }, contrast: 'more' });
		const page = await context.newPage();
		const on = () => page.evaluate(() => document.documentElement.hasAttribute('data-elder'));
		await page.goto(site.server.url);
		expect(await on()).toBe(true);
		const button = page.getByRole('button', { name: '长辈模式' });
		await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
		await button.click();
		expect(await on()).toBe(false);
		await page.reload();
		expect(await on()).toBe(false);
		expect(await page.evaluate(() => localStorage.getItem('handbook:elder'))).toBe('off');
		await context.close();

		// Switched on in the system while the page is open.
		const plain = await newContext(site.browser, { viewport: { width: 375, height: 740 } });
		const p2 = await plain.newPage();
		await p2.goto(site.server.url);
		expect(await p2.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(false);
		await p2.emulateMedia({ contrast: 'more' });
		await p2.waitForFunction(() => document.documentElement.hasAttribute('data-elder'));
		await plain.close();
	});
});
