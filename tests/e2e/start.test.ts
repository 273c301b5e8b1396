/** The new deputy's path: every required module in order, ticks from progress, and a one-page checklist. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site';
import { answerAll } from '../support/quiz';
import { newContext, watch } from '../support/watch';

const site = useSite();

const modules: { key: string; required: boolean; quiz?: string }[] = JSON.parse(
	/<handbook-progress-page[^>]*>\s*<script type="application\/json">([\s\S]*?)<\/script>/.exec(
		readFileSync('dist/progress/index.html', 'utf8'),
	)![1],
);
const required = modules.filter((m) => m.required);

describe('/start/', () => {
	it('lists every required module, in the order of the course, and the home page leads there in one tap', async () => {
		const page = await site.browser.newPage();
		await page.goto(site.server.url);
		await page.getByRole('link', { name: '新任代表从这里开始' }).first().click();
		expect(new URL(page.url()).pathname).toBe('/start/');
		const steps = await page.locator('[data-step]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.step));
		const positions = required.map((m) => steps.indexOf(m.key));
		expect(positions.every((p) => p >= 0), `missing: ${required.filter((_, i) => positions[i] < 0).map((m) => m.key)}`).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		await page.close();
	});

	it('ticks a module once its quiz is passed; without JavaScript the path shows without ticks', async () => {
		const context = await newContext(site.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${site.server.url}${required[0].key}/`);
		await answerAll(page, 'right');
		await page.getByRole('button', { name: '提交答案' }).click();
		await page.goto(`${site.server.url}start/`);
		await page.waitForFunction((key) => document.querySelector(`[data-step="${key}"] [data-status]`)?.textContent?.includes('已通过'), required[0].key);
		await expect(page.locator('[data-progress-summary]').textContent()).resolves.toContain(`1/${required.filter((m) => m.quiz).length}`);
		expect(problems).toEqual([]);
		await context.close();
		const noJs = await site.browser.newContext({ javaScriptEnabled: false });
		const p2 = await noJs.newPage();
		await p2.goto(`${site.server.url}start/`);
		await expect(p2.locator('[data-step]').count()).resolves.toBeGreaterThanOrEqual(required.length);
		await expect(p2.locator('[data-status]').first().textContent()).resolves.toBe('');
		await noJs.close();
	});

	it('the printable checklist fits on one A4 page', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.server.url}start/checklist/`);
		await expect(page.locator('.checklist li').count()).resolves.toBeGreaterThanOrEqual(required.length);
		const pdf = await page.pdf({ format: 'A4' });
		expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
		await page.close();
	});
});
