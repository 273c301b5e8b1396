/**
 * 错题本, 今日复习 and 结业自测 in Chromium against the built handbook: a wrong answer in a module quiz shows up
 * in /review/ and leaves after two right answers; days later the home page and /review/ offer the due questions;
 * once every required module is read (and passed), the final self-test is passed and shows in the printed record.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionBook } from '../../src/lib/question-book';
import { axeViolations } from '../support/axe';
import { answerAll } from '../support/quiz';
import { useSite } from '../support/site';
import { newContext, watch } from '../support/watch';

const site = useSite();
const book: QuestionBook = JSON.parse(readFileSync('dist/review/questions.json', 'utf8'));
const answers = new Map<string, readonly string[]>(book.quizzes.flatMap((q) => q.questions.map((x) => [`${q.id}#${x.id}`, x.answer] as const)));
const required = book.quizzes.filter((q) => q.required);
const first = required[0];
const DAY = 86_400_000;

const stored = (page: Page) =>
	page.evaluate(() => JSON.parse(localStorage.getItem('handbook:progress:v2') ?? 'null') as { notebook: object; reviews: object; read: object } | null);

/** Checks the right options of a question whose inputs are named `name`. */
async function answerRight(scope: Page | ReturnType<Page['locator']>, name: string, key: string) {
	for (const id of answers.get(key)!) await scope.locator(`input[name="${name}"][value="${id}"]`).check();
}

describe('错题本, 今日复习 and 结业自测', () => {
	let context: BrowserContext;
	let page: Page;
	let problems: string[];
	beforeAll(async () => {
		context = await newContext(site.browser, { viewport: { width: 390, height: 844 } });
		page = await context.newPage();
		problems = watch(page);
	});
	afterAll(() => context.close());
	const go = (path: string) => page.goto(site.server.url + path.replace(/^\//, ''));

	it('the 错题本 is empty at first and says where to go', async () => {
		await go('/review/');
		await page.locator('[data-empty]').waitFor({ state: 'visible' });
		await expect(page.locator('[data-empty]').textContent()).resolves.toContain('错题本是空的');
		await expect(page.locator('[data-today-text]').textContent()).resolves.toContain('今天没有要复习的题');
		await expect(axeViolations(page, 'empty /review/')).resolves.toEqual([]);
	});

	it('a question answered wrongly in a module quiz is in /review/ and leaves after two right answers', async () => {
		await go(`/${first.page}/`);
		await answerAll(page, 'wrong');
		await page.getByRole('button', { name: '提交答案' }).click();
		await page.waitForFunction((n) => Object.keys(JSON.parse(localStorage.getItem('handbook:progress:v2') ?? '{}').notebook ?? {}).length === n, first.questions.length);
		// The home page offers nothing on the day itself: wrong answers come back tomorrow.
		await go('/');
		await page.waitForFunction(() => customElements.get('handbook-progress-summary'));
		await page.waitForTimeout(300);
		await expect(page.locator('[data-review-due]').isHidden()).resolves.toBe(true);

		await go('/review/');
		const items = page.locator('[data-item]');
		await items.first().waitFor();
		await expect(items.count()).resolves.toBe(first.questions.length);
		await expect(page.locator('.review__module h3').first().textContent()).resolves.toBe(first.title);
		const key = `${first.id}#${first.questions[0].id}`;
		const item = page.locator(`[data-item="${key}"]`);
		await expect(item.locator('.review__meta').textContent()).resolves.toMatch(/上次选了 “.+”（\d{4}年\d+月\d+日），共答错 1 次/);
		// The explanation shows only once answered.
		await expect(item.locator('details').count()).resolves.toBe(0);
		await answerRight(item, `nb-${key}`, key);
		await item.getByRole('button', { name: '提交' }).click();
		await expect(item.locator('.quiz__verdict').textContent()).resolves.toContain('正确');
		await expect(item.textContent()).resolves.toContain('再答对 1 次就移出错题本');
		await expect(item.locator('details summary').textContent()).resolves.toBe('查看解析');
		await expect(axeViolations(page, '/review/ with entries')).resolves.toEqual([]);
		await item.getByRole('button', { name: '再答一次' }).click();
		await answerRight(item, `nb-${key}`, key);
		await item.getByRole('button', { name: '提交' }).click();
		await expect(item.textContent()).resolves.toContain('已移出错题本');
		expect(Object.keys((await stored(page))!.notebook)).not.toContain(key);
		await page.reload();
		await items.first().waitFor();
		await expect(items.count()).resolves.toBe(first.questions.length - 1);
		await expect(page.locator(`[data-item="${key}"]`).count()).resolves.toBe(0);
	});

	it('days later the home page offers 今日复习 and /review/ takes the due questions one after the other', async () => {
		await page.clock.setFixedTime(new Date(Date.now() + 3 * DAY));
		await go('/');
		const due = page.locator('[data-review-due]');
		await due.waitFor({ state: 'visible' });
		const n = Math.min(10, first.questions.length);
		await expect(due.textContent()).resolves.toContain(`今日复习 ${n} 题 →`);
		await due.getByRole('link').click();
		await page.waitForURL(/\/review\/$/);
		const start = page.getByRole('button', { name: `开始今日复习（${n} 题）` });
		await start.click();
		for (let i = 0; i < n; i++) {
			const fs = page.locator('[data-today-body] fieldset');
			const name = (await fs.locator('input').first().getAttribute('name'))!;
			await answerRight(fs, name, name.replace(/^today-/, ''));
			await page.locator('[data-today-body]').getByRole('button', { name: '提交' }).click();
			await page.locator('[data-today-body]').getByRole('button', { name: i < n - 1 ? '下一题' : '完成' }).click();
		}
		await expect(page.locator('.review__done').textContent()).resolves.toMatch(/^今天的复习完成了。(下次复习在|还有)/);
		expect(problems).toEqual([]);
	});

	it('the final self-test lists unread required modules, opens once all are read, and is passed', async () => {
		await page.clock.setFixedTime(new Date(Date.now() + 4 * DAY));
		await go('/final/');
		const locked = page.locator('[data-locked]');
		await locked.waitFor({ state: 'visible' });
		const read = (await stored(page))!.read as Record<string, string>;
		const unread = required.filter((m) => !read[m.page]);
		expect(unread.length).toBeGreaterThan(0);
		await expect(locked.locator('li:not([hidden])').allTextContents()).resolves.toEqual(unread.map((m) => m.title));
		await expect(axeViolations(page, '/final/ locked')).resolves.toEqual([]);
		// Read every required module to its end, and pass its quiz (the record needs both).
		for (const m of required) {
			await go(`/${m.page}/`);
			await answerAll(page, 'right');
			await page.getByRole('button', { name: '提交答案' }).click();
			await page.locator('handbook-read-marker').scrollIntoViewIfNeeded();
			await page.waitForFunction((k) => Boolean(JSON.parse(localStorage.getItem('handbook:progress:v2') ?? '{}').read?.[k]), m.page);
		}
		await go('/final/');
		await page.getByRole('button', { name: '开始结业自测' }).click();
		const fields = page.locator('[data-form] fieldset[data-key]');
		const count = await fields.count();
		expect(count).toBe(30);
		for (const key of await fields.evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.key!))) await answerRight(page, key, key);
		await expect(axeViolations(page, '/final/ attempt')).resolves.toEqual([]);
		await page.getByRole('button', { name: '交卷' }).click();
		await expect(page.locator('[data-result] .quiz__score').textContent()).resolves.toBe('通过：答对 30 / 30 题（100%），及格线 80%。');
		await expect(page.locator('[data-result]').textContent()).resolves.toContain('这是自测');
		await expect(axeViolations(page, '/final/ graded')).resolves.toEqual([]);

		await go('/progress/');
		const line = page.locator('[data-record-final]');
		await line.waitFor({ state: 'visible' });
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.record').isVisible()).resolves.toBe(true);
		await expect(line.textContent()).resolves.toMatch(/^结业自测（自测）：最好成绩 100%，已通过，通过日期 \d{4}-\d{2}-\d{2}。$/);
		await expect(page.locator('.record').textContent()).resolves.toContain('不计入核对码');
		await page.emulateMedia({ media: 'screen' });
		expect(problems).toEqual([]);
	});
});
