/**
 * 朗读 with a stand-in speech engine (tests/support/speech.ts): the article is read paragraph by paragraph, the one
 * being read is highlighted and scrolled to, 暂停/继续/停止 work, a tap jumps, a selection sets the start; the
 * button is hidden without speech or without a Chinese voice; its code loads only on the first press.
 */
import { describe, expect, it } from 'vitest';
import { routes, useSite } from '../support/site';
import { CHINESE, ENGLISH_ONLY, current, fakeSpeech, finish, spoken } from '../support/speech';
import { newContext, watch } from '../support/watch';

const site = useSite();
const all = routes('dist');
const training = all.find((r) => r.startsWith('/training/') && r !== '/training/')!;

/** The article's paragraphs as the reader should say them: what the page shows, white space collapsed. */
const expected = (page: import('playwright-core').Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('article h1, article .doc__lead, article > p, article h2')].map((e) => e.innerText.replace(/\s+/g, ' ').trim()),
	);
const lit = (page: import('playwright-core').Page) =>
	page.evaluate(() => {
		const els = document.querySelectorAll<HTMLElement>('.is-reading');
		if (els.length !== 1) return { count: els.length };
		const r = els[0].getBoundingClientRect();
		return { count: 1, text: els[0].innerText.replace(/\s+/g, ' ').trim(), inView: r.top >= 0 && r.bottom <= innerHeight };
	});

describe('朗读', () => {
	it('reads the article in order, one paragraph at a time, highlighting each; pause, resume, jump and stop', async () => {
		const context = await newContext(site.browser, { viewport: { width: 375, height: 740 } });
		await fakeSpeech(context, CHINESE, true); // voices arrive late, with voiceschanged
		const page = await context.newPage();
		const problems = watch(page);
		const loaded: string[] = [];
		page.on('request', (r) => {
			if (/read-aloud\.[\w-]+\.js$/.test(r.url())) loaded.push(r.url());
		});
		await page.goto(site.server.url + training.slice(1));
		const start = page.getByRole('button', { name: '朗读', exact: true });
		await start.waitFor({ state: 'visible' });
		expect(loaded).toEqual([]); // on demand only
		const paragraphs = await expected(page);
		await start.click();
		await page.waitForFunction(() => (window as unknown as { __speech: { spoken: unknown[] } }).__speech.spoken.length > 0);
		expect(loaded.length).toBe(1);

		// Title, lead, and then the article as written; each one utterance in Chinese.
		const said = await spoken(page);
		expect(said[0]).toBe(paragraphs[0]);
		expect(await page.evaluate(() => (window as unknown as { __speech: { spoken: { lang: string; voice: string }[] } }).__speech.spoken[0])).toMatchObject({
			lang: 'zh-CN',
			voice: '普通话（中国大陆）',
		});
		expect(await lit(page)).toMatchObject({ count: 1, text: paragraphs[0] });
		const bar = page.getByRole('group', { name: '朗读' });
		await expect(bar.isVisible()).resolves.toBe(true);
		await expect(start.isVisible()).resolves.toBe(false);
		await expect(bar.textContent()).resolves.toMatch(/第 1 段，共 \d+ 段/);
		await finish(page);
		expect(await current(page)).toBe(paragraphs[1]);
		expect(await lit(page)).toMatchObject({ count: 1, text: paragraphs[1] });

		// Pause cancels the paragraph; resume says it again from its start.
		await bar.getByRole('button', { name: '暂停' }).click();
		expect(await current(page)).toBeNull();
		await expect(bar.textContent()).resolves.toContain('已暂停');
		await bar.getByRole('button', { name: '继续' }).click();
		expect((await spoken(page)).slice(-2)).toEqual([paragraphs[1], paragraphs[1]]);

		// A tap on a paragraph further down jumps there, and the highlight follows it into view.
		const target = page.locator('article > p').nth(3);
		const targetText = (await target.innerText()).replace(/\s+/g, ' ').trim();
		await target.click();
		expect(await current(page)).toBe(targetText);
		await page.waitForFunction(() => {
			const r = document.querySelector('.is-reading')!.getBoundingClientRect();
			return r.top >= 0 && r.bottom <= innerHeight;
		});
		expect(await lit(page)).toMatchObject({ count: 1, text: targetText, inView: true });
		await finish(page);
		const after = await current(page);
		expect(after).not.toBe(targetText);
		expect(await lit(page)).toMatchObject({ count: 1, text: after });

		// Stop: quiet, no highlight, the button back.
		await bar.getByRole('button', { name: '停止' }).click();
		expect(await current(page)).toBeNull();
		expect(await lit(page)).toEqual({ count: 0 });
		await expect(bar.isVisible()).resolves.toBe(false);
		await expect(start.isVisible()).resolves.toBe(true);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('reads to the end of the article and no further (not the contents, tags or quiz)', async () => {
		const context = await newContext(site.browser, { viewport: { width: 1280, height: 900 } });
		await fakeSpeech(context, CHINESE);
		const page = await context.newPage();
		await page.goto(site.server.url + training.slice(1));
		await page.getByRole('button', { name: '朗读', exact: true }).click();
		await page.waitForFunction(() => (window as unknown as { __speech: { current: unknown } }).__speech.current !== null);
		for (let i = 0; i < 500 && (await finish(page)); i++);
		const said = await spoken(page);
		const { quiz, toc, last } = await page.evaluate(() => ({
			quiz: document.querySelector('handbook-quiz legend')?.textContent?.trim() ?? '',
			toc: document.querySelector('.toc-inline summary')?.textContent?.trim() ?? '',
			last: [...document.querySelectorAll<HTMLElement>('article p, article li')].filter((e) => e.getClientRects().length).at(-1)!.innerText.replace(/\s+/g, ' ').trim(),
		}));
		expect(said.length).toBeGreaterThan(10);
		// The title, the lead, every paragraph and heading straight under the article, in the page's order.
		const inOrder = await expected(page);
		let at = -1;
		for (const p of inOrder) {
			const i = said.indexOf(p, at + 1);
			expect(i, p).toBeGreaterThan(at);
			at = i;
		}
		expect(said.at(-1)).toBe(last);
		expect(said.some((s) => quiz && s.includes(quiz))).toBe(false);
		expect(said).not.toContain(toc);
		expect(said).not.toContain('朗读');
		expect(await page.getByRole('group', { name: '朗读' }).isVisible()).toBe(false);
		await context.close();
	});

	it('starts from the paragraph the reader selected', async () => {
		const context = await newContext(site.browser, { viewport: { width: 1280, height: 900 } });
		await fakeSpeech(context, CHINESE);
		const page = await context.newPage();
		await page.goto(site.server.url + training.slice(1));
		const target = page.locator('article > p').nth(2);
		const text = (await target.innerText()).replace(/\s+/g, ' ').trim();
		await target.evaluate((p) => {
			const range = document.createRange();
			range.selectNodeContents(p);
			getSelection()!.removeAllRanges();
			getSelection()!.addRange(range);
		});
		await page.getByRole('button', { name: '朗读', exact: true }).click();
		await page.waitForFunction(() => (window as unknown as { __speech: { current: unknown } }).__speech.current !== null);
		expect(await current(page)).toBe(text);
		await context.close();
	});

	for (const [what, voices] of [
		['without speechSynthesis', null],
		['with only an English voice', ENGLISH_ONLY],
	] as const) {
		it(`is hidden ${what}`, async () => {
			const context = await newContext(site.browser, { viewport: { width: 375, height: 740 } });
			await fakeSpeech(context, voices, voices !== null);
			const page = await context.newPage();
			const problems = watch(page);
			await page.goto(site.server.url + training.slice(1));
			await page.waitForTimeout(800); // past the late voiceschanged
			expect(await page.locator('handbook-read-aloud').count()).toBe(1);
			expect(await page.getByRole('button', { name: '朗读', exact: true }).isVisible()).toBe(false);
			expect(problems).toEqual([]);
			await context.close();
		});
	}
});
