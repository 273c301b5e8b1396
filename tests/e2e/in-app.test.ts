/**
 * Opened inside WeChat: a one-line hint to open the handbook in the system browser, which does not block reading,
 * goes on “知道了” and stays gone on the next page. Not shown in a normal browser.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site';
import { newContext, watch } from '../support/watch';

const site = useSite();
const WECHAT =
	'Mozilla/5.0 (Linux; Android 10; V1824A Build/QP1A.190711.020; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/86.0.4240.99 XWEB/4317 MMWEBSDK/20220903 Mobile Safari/537.36 MMWEBID/4701 MicroMessenger/8.0.28.2240(0x28001C57) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const CHROME = 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';

describe('in-app browser hint', () => {
	it('shows in WeChat, is dismissed, and stays dismissed on the next page', async () => {
		const context = await newContext(site.browser, { userAgent: WECHAT, viewport: { width: 375, height: 740 } });
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${site.server.url}duties/overview/`);
		const hint = page.getByRole('complementary', { name: '在浏览器打开' });
		await expect(hint.isVisible()).resolves.toBe(true);
		await expect(hint.innerText()).resolves.toMatch(/微信.*右上角 ··· → 在浏览器打开/s);
		// It sits in the flow under the header: the page is still there to read.
		await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
		const box = (await hint.boundingBox())!;
		expect(box.height).toBeLessThan(120);
		await hint.getByRole('button', { name: '知道了' }).click();
		await expect(hint.isVisible()).resolves.toBe(false);
		await page.getByRole('link', { name: '规则速查' }).first().click();
		await page.waitForURL(/\/rules\/$/);
		await expect(page.getByRole('complementary', { name: '在浏览器打开' }).isVisible()).resolves.toBe(false);
		expect(await page.evaluate(() => localStorage.getItem('handbook:inapp-hint'))).toBe('hidden');
		expect(problems).toEqual([]);
		await context.close();
	});

	it('is not shown in a normal browser', async () => {
		const context = await newContext(site.browser, { userAgent: CHROME, viewport: { width: 375, height: 740 } });
		const page = await context.newPage();
		for (const r of ['', 'duties/overview/', 'about/']) {
			await page.goto(site.server.url + r);
			expect(await page.evaluate(() => document.documentElement.hasAttribute('data-inapp'))).toBe(false);
			await expect(page.getByRole('complementary', { name: '在浏览器打开' }).isVisible()).resolves.toBe(false);
		}
		await context.close();
	});
});
