/**
 * Level-aware reading: a reader says on /start/ which level of people's congress they sit in, and every rule box
 * then leads with that level's rule and keeps the others one tap away; without a level, without JavaScript or with
 * broken storage, every level shows. /rules/ holds every rule by level in one table and prints on A4.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/integrations/content-source';
import { routes, useSite } from '../support/site';
import { newContext, watch } from '../support/watch';

const site = useSite();
const { model } = loadContent(process.env.HANDBOOK_CONTENT ?? 'content');

/** A content page whose first rule box has a 乡镇 value and at least one value for other levels. */
function thresholdPage(): { route: string; rule: string } {
	for (const route of routes('dist')) {
		const html = readFileSync(join('dist', route, 'index.html'), 'utf8');
		const box = /<handbook-rule[^>]*data-rule="([^"]+)"[^>]*data-defines="([^"]*)"[\s\S]*?<\/handbook-rule>/.exec(html);
		if (box && box[2].includes('乡镇') && (box[0].match(/class="rule__value"/g) ?? []).length > 1) return { route, rule: box[1] };
	}
	throw new Error('no page has a rule box with a 乡镇 value and other levels');
}

/** The level labels of the visible values of the first box of `rule`, in the order they show. */
const visibleLevels = (rule: string) =>
	`(() => [...document.querySelector('handbook-rule[data-rule="${rule}"]').querySelectorAll('.rule__value')]
		.filter((li) => li.offsetParent !== null)
		.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
		.map((li) => li.dataset.levels))()`;

describe('the reader’s level', () => {
	const { route, rule } = thresholdPage();
	const all = model.rules.find((r) => r.data.id === rule)!.data.values.map((v) => v.levels.join(' '));
	const township = all.find((l) => l.split(' ').includes('乡镇'))!;

	it('without a choice, a rule box shows every level in the order of the table', async () => {
		const page = await site.browser.newPage();
		const problems = watch(page);
		await page.goto(site.server.url + route.slice(1));
		expect(await page.evaluate(visibleLevels(rule))).toEqual(all);
		await expect(page.locator(`handbook-rule[data-rule="${rule}"] .rule__more`).isVisible()).resolves.toBe(false);
		expect(problems).toEqual([]);
		await page.close();
	});

	it('choosing 乡镇 on /start/ makes the box lead with the 乡镇 rule, the others one tap away, and can be undone', async () => {
		const context = await newContext(site.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${site.server.url}start/`);
		await page.getByRole('radio', { name: '乡镇' }).check();
		await expect(page.getByRole('status').filter({ hasText: '乡镇人大' }).count()).resolves.toBe(1);

		await page.goto(site.server.url + route.slice(1));
		expect(await page.evaluate(visibleLevels(rule))).toEqual([township]);
		const more = page.locator(`handbook-rule[data-rule="${rule}"]`).getByRole('button', { name: '看其他层级的规定' });
		await more.click();
		const unfolded: string[] = await page.evaluate(visibleLevels(rule));
		expect(unfolded[0]).toBe(township);
		expect([...unfolded].sort()).toEqual([...all].sort());
		const fold = page.locator(`handbook-rule[data-rule="${rule}"] .rule__more`);
		await expect(fold.getAttribute('aria-expanded')).resolves.toBe('true');
		await expect(fold.textContent()).resolves.toBe('只看我这一级');
		await fold.click();
		expect(await page.evaluate(visibleLevels(rule))).toEqual([township]);

		// The choice holds on the next visit, and the picker shows it.
		await page.goto(`${site.server.url}start/`);
		await expect(page.getByRole('radio', { name: '乡镇' }).isChecked()).resolves.toBe(true);
		await page.getByRole('radio', { name: /不选/ }).check();
		await page.goto(site.server.url + route.slice(1));
		expect(await page.evaluate(visibleLevels(rule))).toEqual(all);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('search and print keep every level even when one is chosen', async () => {
		const context = await newContext(site.browser);
		await context.addInitScript(() => localStorage.setItem('handbook:level', '乡镇'));
		const page = await context.newPage();
		await page.goto(site.server.url + route.slice(1));
		expect(await page.evaluate(visibleLevels(rule))).toEqual([township]);
		// Every level is in the page body the search index reads …
		const indexed = await page.locator('[data-pagefind-body] handbook-rule .rule__value').count();
		expect(indexed).toBeGreaterThanOrEqual(all.length);
		// … and print shows them all.
		await page.emulateMedia({ media: 'print' });
		expect(await page.evaluate(visibleLevels(rule))).toEqual(all);
		await context.close();
	});

	it('without JavaScript, or with garbage in storage, every level shows and nothing breaks', async () => {
		const noJs = await site.browser.newContext({ javaScriptEnabled: false });
		const p1 = await noJs.newPage();
		await p1.goto(`${site.server.url}start/`);
		await expect(p1.getByRole('radio', { name: '乡镇' }).count()).resolves.toBe(0); // the picker needs JavaScript
		await noJs.close();

		for (const garbage of ['township', '{"level":"乡镇"}', '']) {
			const context = await newContext(site.browser);
			await context.addInitScript((g) => localStorage.setItem('handbook:level', g), garbage);
			const page = await context.newPage();
			const problems = watch(page);
			await page.goto(site.server.url + route.slice(1));
			expect(await page.evaluate(visibleLevels(rule)), garbage).toEqual(all);
			await page.goto(`${site.server.url}start/`);
			await expect(page.getByRole('radio', { name: /不选/ }).isChecked()).resolves.toBe(true);
			expect(problems).toEqual([]);
			await context.close();
		}
	});
});

describe('/rules/', () => {
	it('lists every rule of the rule table, each level in its own column', async () => {
		const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
		const problems = watch(page);
		await page.goto(`${site.server.url}rules/`);
		const rows = await page.locator('.rules-table tbody tr[id]').evaluateAll((trs) => trs.map((tr) => tr.id));
		expect([...rows].sort()).toEqual(model.rules.map((r) => r.data.id).sort());
		const headers = await page.locator('.rules-table thead th').allTextContents();
		expect(headers).toEqual(['规则', '全国人大', '省级人大', '设区的市级人大', '县级人大', '乡镇人大']);
		// Every row covers the five level columns exactly once.
		const spans = await page
			.locator('.rules-table tbody tr[id]')
			.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].reduce((n, td) => n + td.colSpan, 0)));
		expect(new Set(spans)).toEqual(new Set([5]));
		expect(problems).toEqual([]);
		await page.close();
	});

	it('prints on A4: nothing wider than the page, every row on paper', async () => {
		const page = await site.browser.newPage({ viewport: { width: 718, height: 1000 } }); // A4 minus margins at 96 dpi
		await page.goto(`${site.server.url}rules/`);
		await page.emulateMedia({ media: 'print' });
		const fit = await page.evaluate(() => {
			const table = document.querySelector('.rules-table') as HTMLElement;
			const clipped = [...table.querySelectorAll('td, th')].filter((c) => c.scrollWidth > c.clientWidth + 1).length;
			return { table: table.getBoundingClientRect().width, page: document.documentElement.clientWidth, clipped };
		});
		expect(fit.table).toBeLessThanOrEqual(fit.page);
		expect(fit.clipped).toBe(0);
		const pdf = await page.pdf({ format: 'A4' });
		const sheets = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
		expect(sheets).toBeGreaterThanOrEqual(1);
		expect(sheets).toBeLessThanOrEqual(8);
		await page.close();
	});
});
