/**
 * The trainer's class table (/trainer/) and the paper tests (/paper/<quiz>/), in Chromium against the built
 * handbook. The export files are made by the real progress store, as a deputy's browser makes them.
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completion, type ModuleInfo } from '../../src/lib/completion';
import { ProgressStore, type StorageLike } from '../../src/lib/progress-store';
import { axeViolations } from '../support/axe';
import { useSite } from '../support/site';
import { newContext, watch } from '../support/watch';

const site = useSite();

/** This edition's modules, from the JSON island the build put on /trainer/. */
function modules(): ModuleInfo[] {
	const html = readFileSync('dist/trainer/index.html', 'utf8');
	return JSON.parse(/<handbook-trainer[^>]*>\s*<script type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]);
}
const all = modules();
const required = all.filter((m) => m.required && m.quiz);

function memory(): StorageLike {
	const m = new Map<string, string>();
	return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

/** An export file from the real store: `passed` required modules passed; with the completion code when complete. */
function exported(name: string, passed: number, passedOn: string, exportedOn: string): string {
	const store = new ProgressStore(memory());
	store.setName(name);
	for (const m of required.slice(0, passed)) store.recordAttempt(m.quiz!, m.hash!, 100, true, new Date(`${passedOn}T02:00:00Z`));
	const file = JSON.parse(store.exportFile(new Date(`${exportedOn}T02:00:00Z`)));
	const code = completion(all, store.read()).code;
	return JSON.stringify(code ? { ...file, code } : file, null, 2);
}

const zhang = exported('张伟', required.length, '2026-03-10', '2026-03-11');
const li = exported('李娜', 2, '2026-03-09', '2026-03-12');
const zhao = exported('赵敏', required.length, '2026-03-08', '2026-03-13');
/** 王强 passed one module, then made the file say he passed them all. */
const tampered = (() => {
	const f = JSON.parse(exported('王强', 1, '2026-03-10', '2026-03-11'));
	for (const m of required) f.data.quizzes[m.quiz!] = { ...Object.values(f.data.quizzes)[0]!, hash: m.hash };
	return JSON.stringify(f, null, 2);
})();
const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function tableRows(page: Page): Promise<string[][]> {
	return page.locator('[data-rows] tr').evaluateAll((trs) =>
		trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
	);
}

describe('the class table', () => {
	let context: BrowserContext;
	let page: Page;
	let problems: string[];
	/** Every request any page of the context makes once the trainer page has loaded. */
	const requests: string[] = [];
	beforeAll(async () => {
		context = await newContext(site.browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
		page = await context.newPage();
		problems = watch(page);
		await page.goto(`${site.server.url}trainer/`, { waitUntil: 'networkidle' });
		await page.locator('handbook-trainer[data-ready]').waitFor({ state: 'attached' });
		// The service worker has saved the handbook for offline use and the page has fetched what it fetches after
		// loading: from here on, any request would be the page sending or fetching something because of the files.
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.waitForLoadState('networkidle');
		context.on('request', (r) => {
			if (!/^(blob|data):/.test(r.url())) requests.push(r.url());
		});
	});
	afterAll(() => context.close());

	it('is reached from /about/, says nothing leaves the browser, and is kept out of search', async () => {
		expect(readFileSync('dist/about/index.html', 'utf8')).toContain('href="/trainer/"');
		await expect(page.locator('[data-privacy]').textContent()).resolves.toContain('文件只在这台电脑的浏览器里读取，不会上传');
		await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
		await expect(page.locator('[data-pagefind-body]').count()).resolves.toBe(0);
		const input = page.locator('input[type="file"][data-files]');
		await expect(input.getAttribute('accept')).resolves.toBe('.json,application/json');
		await expect(input.evaluate((i: HTMLInputElement) => i.multiple)).resolves.toBe(true);
	});

	it('reads three files, one tampered: two rows, and the tampered file refused with the reason', async () => {
		await page.setInputFiles('[data-files]', [json('张伟.json', zhang), json('王强.json', tampered), json('李娜.json', li)]);
		await page.locator('[data-rows] tr').nth(1).waitFor();
		const rows = await tableRows(page);
		const n = required.length;
		expect(rows).toHaveLength(2);
		expect(rows[0][0]).toBe('张伟');
		expect(rows[0][1]).toBe(`${n}/${n} 已完成`);
		expect(rows[0][2]).toBe('—');
		expect(rows[0][3]).toBe('2026-03-10');
		expect(rows[0][4]).toBe('2026-03-11');
		expect(rows[0][5]).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4} ✓ 一致$/);
		expect(rows[0][5]).toContain(JSON.parse(zhang).code);
		expect(rows[0][6]).toBe('张伟.json');
		expect(rows[1]).toEqual(['李娜', `2/${n}`, '—', '—', '2026-03-12', '—', '李娜.json']);
		await expect(page.locator('[data-refused] li').allTextContents()).resolves.toEqual([
			'王强.json：文件内容与校验码不符，可能被改动过，未导入。',
		]);
		await expect(page.locator('[data-counts]').textContent()).resolves.toBe('共 2 人：已完成 1 人，未完成 1 人。');
	});

	it('adds the rows of more files, dropped or picked, and refuses the same record twice', async () => {
		// Dropped onto the drop zone, as a trainer drags files from a folder.
		await page.locator('[data-drop]').evaluate((zone, text) => {
			const dt = new DataTransfer();
			dt.items.add(new File([text], '赵敏.json', { type: 'application/json' }));
			zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
		}, zhao);
		await page.locator('[data-rows] tr').nth(2).waitFor();
		await page.setInputFiles('[data-files]', [json('张伟（又发了一次）.json', zhang)]);
		await page.locator('[data-refused] li').nth(1).waitFor();
		expect((await tableRows(page)).map((r) => r[0])).toEqual(['张伟', '李娜', '赵敏']);
		await expect(page.locator('[data-refused] li').nth(1).textContent()).resolves.toBe(
			'张伟（又发了一次）.json：与 张伟.json 是同一份记录，未重复计入。',
		);
		await expect(page.locator('[data-message]').textContent()).resolves.toContain('1 个文件未计入');
	});

	it('sorts by a column header, with aria-sort, both ways', async () => {
		const names = async () => (await tableRows(page)).map((r) => r[0]);
		const header = (label: string) => page.locator('th[data-col]', { has: page.getByRole('button', { name: label, exact: true }) });
		await page.getByRole('button', { name: '姓名', exact: true }).click();
		await expect(header('姓名').getAttribute('aria-sort')).resolves.toBe('ascending');
		expect(await names()).toEqual(['李娜', '张伟', '赵敏']); // pinyin order: Li, Zhang, Zhao
		await page.getByRole('button', { name: '姓名', exact: true }).click();
		await expect(header('姓名').getAttribute('aria-sort')).resolves.toBe('descending');
		expect(await names()).toEqual(['赵敏', '张伟', '李娜']);
		await page.getByRole('button', { name: '完成日期', exact: true }).click();
		await expect(header('姓名').getAttribute('aria-sort')).resolves.toBeNull();
		await expect(header('完成日期').getAttribute('aria-sort')).resolves.toBe('ascending');
		expect(await names()).toEqual(['赵敏', '张伟', '李娜']); // 03-08, 03-10, and no date last
		await page.getByRole('button', { name: '导出日期', exact: true }).click();
		await page.getByRole('button', { name: '导出日期', exact: true }).click();
		expect(await names()).toEqual(['赵敏', '李娜', '张伟']);
	});

	it('filters by 已完成/未完成 and by name', async () => {
		const names = async () => (await tableRows(page)).map((r) => r[0]);
		await page.getByLabel('已完成').check();
		expect(await names()).toEqual(['赵敏', '张伟']);
		await expect(page.locator('[data-counts]').textContent()).resolves.toBe('共 3 人：已完成 2 人，未完成 1 人，当前显示 2 人。');
		await page.getByLabel('未完成').check();
		expect(await names()).toEqual(['李娜']);
		await page.getByLabel('全部').check();
		await page.getByLabel('按姓名查找').fill('张');
		expect(await names()).toEqual(['张伟']);
		await page.getByLabel('按姓名查找').fill('');
		expect(await names()).toHaveLength(3);
	});

	it('downloads the table as 培训班学习情况.csv, UTF-8 with BOM, as Excel reads it', async () => {
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
		expect(download.suggestedFilename()).toBe('培训班学习情况.csv');
		const csv = readFileSync((await download.path())!, 'utf8');
		expect(csv.startsWith('\uFEFF姓名,必修模块通过,必修模块总数,全部通过,完成日期,')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines).toHaveLength(5);
		const n = required.length;
		// In the order the table shows (sorted by 导出日期, newest first).
		expect(lines[1]).toBe(`赵敏,${n},${n},是,2026-03-08,,,,2026-03-13,${JSON.parse(zhao).code},是,赵敏.json`);
		expect(lines[2]).toBe(`李娜,2,${n},否,,,,,2026-03-12,,,李娜.json`);
		expect(lines[3]).toBe(`张伟,${n},${n},是,2026-03-10,,,,2026-03-11,${JSON.parse(zhang).code},是,张伟.json`);
	});

	it('sends nothing anywhere: no request while the files were read, sorted, filtered and exported', () => {
		expect(requests).toEqual([]);
		expect(problems).toEqual([]);
	});

	it('passes axe with the table filled', async () => {
		await expect(axeViolations(page, '/trainer/ with files')).resolves.toEqual([]);
	});

	it('prints only the title line and the table', async () => {
		await page.emulateMedia({ media: 'print' });
		const shown = await page.evaluate(() => {
			const out: string[] = [];
			for (const el of document.body.querySelectorAll('*')) {
				const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
				if (own && el.checkVisibility() && !el.closest('.trainer-print')) out.push(`${el.tagName}: ${el.textContent!.trim().slice(0, 30)}`);
			}
			return out;
		});
		expect(shown).toEqual([]);
		await expect(page.locator('.trainer-print__title').isVisible()).resolves.toBe(true);
		await expect(page.locator('.trainer-print__title').textContent()).resolves.toMatch(/培训班学习情况（\d{4}-\d{2}-\d{2}）/);
		await expect(page.locator('[data-counts]').isVisible()).resolves.toBe(true);
		await expect(page.locator('[data-rows] tr').count()).resolves.toBe(3);
		await page.emulateMedia({ media: 'screen' });
	});

	it('清空 empties the table and keeps nothing in storage', async () => {
		await page.getByRole('button', { name: '清空' }).click();
		await expect(page.locator('[data-result]').isHidden()).resolves.toBe(true);
		await expect(page.locator('[data-refused]').isHidden()).resolves.toBe(true);
		await expect(page.locator('[data-rows] tr').count()).resolves.toBe(0);
		const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
		expect(stored).not.toContain('张伟');
		await page.reload();
		await page.locator('handbook-trainer[data-ready]').waitFor({ state: 'attached' });
		await expect(page.locator('[data-rows] tr').count()).resolves.toBe(0);
	});
});

describe('the paper tests', () => {
	interface Bank {
		questions: { id: string; type: string; prompt: string; explanation: string; answer: unknown; options?: { id: string; text: string }[] }[];
	}
	const quiz = required[0].quiz!;
	const bank = yaml.load(readFileSync(`content/quizzes/${quiz}.yaml`, 'utf8')) as Bank;
	let page: Page;
	let problems: string[];
	beforeAll(async () => {
		page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
		problems = watch(page);
	});
	afterAll(() => page.close());

	it('is linked from the module page next to the quiz and from /trainer/', async () => {
		const module = readFileSync(`dist/${required[0].key}/index.html`, 'utf8');
		expect(module).toMatch(new RegExp(`<a href="/paper/${quiz}/">打印纸质测验</a>`));
		expect(readFileSync('dist/trainer/index.html', 'utf8')).toContain(`href="/paper/${quiz}/"`);
	});

	it('has every question of the bank, with boxes and no answers, and the key on a new printed page', async () => {
		await page.goto(`${site.server.url}paper/${quiz}/`);
		await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
		await expect(page.locator('[data-pagefind-body]').count()).resolves.toBe(0);
		await expect(page.locator('.paper__fields').textContent()).resolves.toMatch(/姓名.*单位.*日期/);
		const items = page.locator('[data-questions] > li');
		await expect(items.count()).resolves.toBe(bank.questions.length);
		const test = (await page.locator('.paper__test').textContent())!;
		expect(test).not.toContain('答案');
		for (const [i, q] of bank.questions.entries()) {
			const text = (await items.nth(i).textContent())!;
			expect(text).toContain(q.prompt);
			expect(text).not.toContain(q.explanation);
			const options = q.type === 'truefalse' ? ['正确', '错误'] : q.options!.map((o) => o.text);
			await expect(items.nth(i).locator('.paper__box').count()).resolves.toBe(options.length);
			for (const o of options) expect(text).toContain(o);
		}
		// Nothing in the questions part marks the right option.
		await expect(page.locator('.paper__test strong, .paper__test input, .paper__test [data-answer]').count()).resolves.toBe(0);

		const key = page.locator('[data-key]');
		expect(await page.evaluate(() => {
			const t = document.querySelector('.paper__test')!;
			const k = document.querySelector('[data-key]')!;
			return Boolean(t.compareDocumentPosition(k) & Node.DOCUMENT_POSITION_FOLLOWING);
		})).toBe(true);
		const rows = await key.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
		expect(rows).toHaveLength(bank.questions.length);
		for (const [i, q] of bank.questions.entries()) {
			expect(rows[i][0]).toBe(String(i + 1));
			const letters = (ids: string[]) => q.options!.flatMap((o, j) => (ids.includes(o.id) ? [String.fromCharCode(65 + j)] : [])).join('');
			const want = q.type === 'truefalse' ? (q.answer ? '√' : '×') : letters(q.type === 'single' ? [q.answer as string] : (q.answer as string[]));
			expect(rows[i][1].startsWith(want)).toBe(true);
			expect(rows[i][2]).toContain(String((q as unknown as { source: string }).source).split('#')[1]);
		}
		await page.emulateMedia({ media: 'print' });
		await expect(key.evaluate((el) => getComputedStyle(el).breakBefore)).resolves.toBe('page');
		await expect(page.locator('.paper__screen').isHidden()).resolves.toBe(true);
		await expect(page.locator('.site-header').isHidden()).resolves.toBe(true);
		await page.emulateMedia({ media: 'screen' });
		expect(problems).toEqual([]);
	});

	it('passes axe', async () => {
		await expect(axeViolations(page, `/paper/${quiz}/`)).resolves.toEqual([]);
		await page.goto(`${site.server.url}trainer/`);
		await expect(axeViolations(page, '/trainer/ empty')).resolves.toEqual([]);
	});
});
