/** Quizzes, progress and the completion record, in Chromium against the built handbook. */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { answerAll, gradable, quizReady } from '../support/quiz';
import { routes, useSite } from '../support/site';
import { newContext, watch } from '../support/watch';

const site = useSite();
const all = routes('dist');

/** Training modules with a quiz, required first, read from the built /progress/ page. */
function modules(): { key: string; required: boolean; quiz?: string }[] {
	const html = readFileSync('dist/progress/index.html', 'utf8');
	const json = /<handbook-progress-page[^>]*>\s*<script type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1];
	return JSON.parse(json);
}
const required = modules().filter((m) => m.required && m.quiz);
const firstQuizPage = `/${required[0].key}/`;

describe('taking a quiz', () => {
	let context: BrowserContext;
	let page: Page;
	beforeAll(async () => {
		context = await newContext(site.browser, { viewport: { width: 390, height: 844 } });
		page = await context.newPage();
	});
	afterAll(() => context.close());

	it('failing shows 错误 in words, the explanation and a link to the section, and focuses the result', async () => {
		const problems = watch(page);
		await page.goto(site.server.url + firstQuizPage.slice(1));
		await expect(axeViolations(page, 'before submitting')).resolves.toEqual([]);
		const data = await answerAll(page, 'wrong');
		await page.getByRole('button', { name: '提交答案' }).click();
		const result = page.locator('[data-result]');
		await expect(result.getAttribute('aria-live')).resolves.toBe('polite');
		await expect(result.textContent()).resolves.toContain('未通过');
		expect(await page.evaluate(() => document.activeElement?.matches('[data-result]'))).toBe(true);
		const verdicts = await page.locator('.quiz__verdict').allTextContents();
		expect(verdicts).toHaveLength(data.questions.length);
		expect(verdicts.every((v) => v.includes('错误'))).toBe(true);
		// Each question's feedback carries the explanation and a link to the heading it comes from.
		const firstFeedback = page.locator('[data-feedback]').first();
		const link = firstFeedback.getByRole('link');
		expect(decodeURIComponent((await link.getAttribute('href'))!)).toContain(data.questions[0].source.split('#')[1]);
		await expect(result.getByRole('link').count()).resolves.toBeGreaterThan(0);
		await expect(axeViolations(page, 'after submitting')).resolves.toEqual([]);
		expect(problems).toEqual([]);
	});

	it('passing after a retry keeps the best and the last score across a reload', async () => {
		await page.getByRole('button', { name: '再做一次' }).click();
		await answerAll(page, 'right');
		await page.getByRole('button', { name: '提交答案' }).click();
		await expect(page.locator('[data-result]').textContent()).resolves.toMatch(/^通过：答对/);
		await page.reload();
		await quizReady(page);
		await page.locator('[data-record]').waitFor({ state: 'visible' });
		const record = await page.locator('[data-record]').textContent();
		expect(record).toContain('已通过');
		expect(record).toContain('最好成绩 100%');
		expect(record).toContain('共作答 2 次');
	});

	it('shuffles options by id on each attempt, keeping labels with their inputs', async () => {
		const orders = new Set<string>();
		for (let i = 0; i < 6; i++) {
			await page.reload();
			await quizReady(page);
			const ids = await page.locator('fieldset').first().locator('label[data-option]').evaluateAll((ls) =>
				ls.map((l) => `${(l as HTMLElement).dataset.option}:${(l.querySelector('input') as HTMLInputElement).value}`),
			);
			for (const pair of ids) expect(pair.split(':')[0]).toBe(pair.split(':')[1]);
			orders.add(ids.join(','));
		}
		expect(orders.size).toBeGreaterThan(1);
	});
});

describe('completion record', () => {
	it('passing every required module unlocks a one-page printable record', async () => {
		const context = await newContext(site.browser, { viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${site.server.url}progress/`);
		await expect(page.locator('[data-record]').isHidden()).resolves.toBe(true);
		for (const m of required) {
			await page.goto(`${site.server.url}${m.key}/`);
			await answerAll(page, 'right');
			await page.getByRole('button', { name: '提交答案' }).click();
			await expect(page.locator('[data-result]').textContent()).resolves.toMatch(/^通过/);
		}
		await page.goto(site.server.url);
		await page.waitForFunction(
			(n) => document.querySelector('[data-progress-summary]')?.textContent?.includes(`${n}/${n}`),
			required.length,
		);
		await page.goto(`${site.server.url}progress/`);
		await page.locator('[data-record]').waitFor({ state: 'visible' });
		await page.getByLabel('姓名').fill('测试代表');
		await expect(page.locator('[data-record-name]').textContent()).resolves.toBe('测试代表');
		const code = await page.locator('[data-record-code]').textContent();
		expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
		await expect(page.locator('[data-record-rows] tr').count()).resolves.toBe(required.length);
		await expect(axeViolations(page, '/progress/')).resolves.toEqual([]);
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
		expect(pages).toBe(1);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('exports to a file, imports it elsewhere, and refuses a tampered file without changing anything', async () => {
		const a = await newContext(site.browser, { acceptDownloads: true });
		const pa = await a.newPage();
		await pa.goto(site.server.url + firstQuizPage.slice(1));
		await answerAll(pa, 'right');
		await pa.getByRole('button', { name: '提交答案' }).click();
		await pa.goto(`${site.server.url}progress/`);
		const [download] = await Promise.all([pa.waitForEvent('download'), pa.getByRole('button', { name: '导出为文件' }).click()]);
		const file = readFileSync((await download.path())!, 'utf8');
		await a.close();

		const b = await newContext(site.browser);
		const pb = await b.newPage();
		await pb.goto(`${site.server.url}progress/`);
		await pb.waitForFunction(() => document.querySelector('[data-required-text]')?.textContent?.startsWith('已通过'));
		const tampered = JSON.parse(file);
		tampered.data.name = '别人';
		await pb.locator('[data-import]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
		await pb.waitForFunction(() => document.querySelector('[data-message]')?.textContent?.includes('导入失败'));
		await expect(pb.locator('tr[data-module] [data-quiz]').first().textContent()).resolves.not.toContain('已通过');
		await pb.locator('[data-import]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(file) });
		await pb.waitForFunction(() => document.querySelector('[data-message]')?.textContent?.includes('已导入'));
		await expect(pb.locator(`tr[data-module="${required[0].key}"] [data-quiz]`).textContent()).resolves.toContain('已通过');
		pb.once('dialog', (d) => d.accept());
		await pb.getByRole('button', { name: '清除我的学习数据' }).click();
		await expect(pb.locator(`tr[data-module="${required[0].key}"] [data-quiz]`).textContent()).resolves.toBe('未作答');
		await b.close();
	});
});

describe('progress on pages already open', () => {
	it('/start/, /progress/ and the quiz follow a quiz passed or the progress cleared in another tab, without a reload', async () => {
		const context = await newContext(site.browser);
		const quiz = await context.newPage();
		const problems = watch(quiz);
		const pass = async (key: string) => {
			await quiz.bringToFront();
			await quiz.goto(`${site.server.url}${key}/`);
			await answerAll(quiz, 'right');
			await quiz.getByRole('button', { name: '提交答案' }).click();
			await expect(quiz.locator('[data-result]').textContent()).resolves.toMatch(/^通过/);
		};
		await pass(required[0].key);
		const start = await context.newPage();
		problems.push(...watch(start));
		await start.goto(`${site.server.url}start/`);
		const summary = (text: string) =>
			start.waitForFunction((t) => document.querySelector('[data-progress-summary]')?.textContent === t, text, { polling: 100 });
		await summary(`你已通过 1/${required.length} 个必修模块。`);
		const progress = await context.newPage();
		problems.push(...watch(progress));
		await progress.goto(`${site.server.url}progress/`);
		const requiredText = (n: number) =>
			progress.waitForFunction((t) => document.querySelector('[data-required-text]')?.textContent?.startsWith(t), `已通过 ${n}/`, {
				polling: 100,
			});
		await requiredText(1);

		await pass(required[1].key);
		await summary(`你已通过 2/${required.length} 个必修模块。`);
		await expect(start.locator(`[data-step="${required[1].key}"] [data-status]`).textContent()).resolves.toBe('✓ 已通过，最好成绩 100%');
		await requiredText(2);
		await expect(progress.locator(`tr[data-module="${required[1].key}"] [data-quiz]`).textContent()).resolves.toBe('✓ 已通过，最好成绩 100%');

		progress.once('dialog', (d) => d.accept());
		await progress.getByRole('button', { name: '清除我的学习数据' }).click();
		await summary('');
		await quiz.waitForFunction(() => document.querySelector<HTMLElement>('handbook-quiz [data-record]')?.hidden === true, undefined, {
			polling: 100,
		});
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('bad browser storage', () => {
	it('garbage in localStorage breaks no page, and the quiz still works', async () => {
		const context = await newContext(site.browser);
		await context.addInitScript(() => {
			try {
				// Garbage under the current key and under the older format's key, which the store would migrate.
				localStorage.setItem('handbook:progress:v2', '{"version":2,"quizzes":"garbage');
				localStorage.setItem('handbook:progress:v1', '{"version":1,"quizzes":"garbage');
				localStorage.setItem('handbook:textsize', '💥');
			} catch {}
		});
		const page = await context.newPage();
		const problems = watch(page);
		for (const r of all) await page.goto(site.server.url + r.slice(1));
		await page.goto(site.server.url + firstQuizPage.slice(1));
		await answerAll(page, 'right');
		await page.getByRole('button', { name: '提交答案' }).click();
		await expect(page.locator('[data-result]').textContent()).resolves.toMatch(/^通过/);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('storage that throws (blocked) still lets the quiz run for the visit', async () => {
		const context = await newContext(site.browser);
		await context.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('blocked', 'SecurityError');
				},
			});
		});
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(site.server.url + firstQuizPage.slice(1));
		await answerAll(page, 'right');
		await page.getByRole('button', { name: '提交答案' }).click();
		await expect(page.locator('[data-result]').textContent()).resolves.toContain('本次成绩只在关闭页面前有效');
		await page.goto(`${site.server.url}progress/`);
		await page.goto(site.server.url);
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('without JavaScript', () => {
	it('each question shows its answer and explanation in a details element', async () => {
		const context = await newContext(site.browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(site.server.url + firstQuizPage.slice(1));
		const details = page.locator('details.quiz__answer');
		const n = await page.locator('fieldset.quiz__question').count();
		await expect(details.count()).resolves.toBe(n);
		await details.first().locator('summary').click();
		await expect(details.first().textContent()).resolves.toContain('答案');
		await context.close();
	});
});

describe('keyboard only', () => {
	it('completes a quiz with Tab, arrow keys, Space and Enter', async () => {
		const context = await newContext(site.browser);
		const page = await context.newPage();
		await page.goto(site.server.url + firstQuizPage.slice(1));
		const { quizId, data } = await gradable(page);
		await quizReady(page);
		// Start from the link to the paper test, the last control before the questions: the next Tab lands on the
		// first question's options.
		await page.locator('.quiz .quiz__paper a').focus();
		for (const q of data.questions) {
			await page.keyboard.press('Tab');
			const focusedName = await page.evaluate(() => (document.activeElement as HTMLInputElement).name);
			expect(focusedName).toBe(`${quizId}-${q.id}`);
			if (q.type === 'multiple') {
				const optionCount = q.options.length;
				for (let i = 0; i < optionCount; i++) {
					const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
					if (q.answer.includes(value)) await page.keyboard.press('Space');
					if (i < optionCount - 1) await page.keyboard.press('Tab');
				}
			} else {
				// A radio group: arrows move and select; find the answer by moving through the group.
				for (let i = 0; i < q.options.length; i++) {
					const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
					if (value === q.answer[0]) {
						await page.keyboard.press('Space');
						break;
					}
					await page.keyboard.press('ArrowDown');
				}
			}
		}
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('提交答案');
		await page.keyboard.press('Enter');
		await expect(page.locator('[data-result]').textContent()).resolves.toMatch(/^通过/);
		await context.close();
	});
});
