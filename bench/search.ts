/**
 * Search benchmark: builds synthetic handbooks of 1,000 and 5,000 pages and measures Pagefind in Chromium on a
 * cold page: index size on disk, bytes fetched for the first query, first-query latency (loading the search
 * bundle, index chunks and WebAssembly included) and the median warm query over 20 queries. Then, as a reader on a
 * phone (375 px) sees it on /search/: for a few queries typed into the box, the time until the first result is
 * shown, the browser's layout and style time (Chromium's own counters) until the list settles, and how many result
 * items the page built.
 *   node bench/search.ts [sizes…]
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../tests/support/browser.ts';
import { serve } from '../tests/support/static-server.ts';
import { generate } from './generate.ts';
import { measure } from './measure.ts';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const runs = sizes.length ? sizes : [1000, 5000];
const UI_QUERIES = ['代表', '视察', '建议怎么写'];
const QUERIES = ['代表', '建议答复', '预算', '联系群众', '视察', '食品安全', '质询', '闭会期间', '监督', '培训', '社区', '老旧小区', '审议', '交办', '督办', '满意度', '言论免责', '调研', '群众', '条文'];

function dirSize(dir: string): number {
	let total = 0;
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		total += statSync(p).isDirectory() ? dirSize(p) : statSync(p).size;
	}
	return total;
}

const PROBE = `async ({ first, warm }) => {
	const t0 = performance.now();
	const pf = await import('/pagefind/pagefind.js');
	await pf.init();
	const r0 = await pf.search(first);
	await Promise.all(r0.results.slice(0, 5).map((r) => r.data()));
	const firstMs = performance.now() - t0;
	const times = [];
	for (const q of warm) {
		const t = performance.now();
		const r = await pf.search(q);
		await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	return { firstMs, warmMedianMs: times[Math.floor(times.length / 2)], firstResults: r0.results.length };
}`;

/** In the page: types `q` into the search page's box; resolves when its first result is shown. */
const TYPE = `async (q) => {
	const input = [...document.querySelectorAll('main input[type=search]')].at(-1);
	const t0 = performance.now();
	input.focus();
	input.value = q;
	input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: q }));
	await new Promise((resolve) => {
		const check = () => {
			const summary = document.querySelector('main [role=status], main pagefind-summary')?.textContent ?? '';
			const first = document.querySelector('main .pf-results > .pf-result .pf-result-link');
			if (summary.includes(q) && first) resolve(); else requestAnimationFrame(check);
		};
		check();
	});
	return performance.now() - t0;
}`;

async function uiRows(browser: Awaited<ReturnType<typeof launch>>, url: string) {
	const context = await browser.newContext({ viewport: { width: 375, height: 740 }, serviceWorkers: 'block' });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable');
	const layout = async () => {
		const { metrics } = await cdp.send('Performance.getMetrics');
		const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
		return (m.LayoutDuration + m.RecalcStyleDuration) * 1000;
	};
	await page.goto(`${url}search/`);
	// The box is ready once the page has its results list.
	await page.waitForSelector('main ul.pf-results', { state: 'attached', timeout: 15_000 });
	const rows: string[] = [];
	for (const q of UI_QUERIES) {
		const before = await layout();
		const ms = (await page.evaluate(`(${TYPE})(${JSON.stringify(q)})`)) as number;
		await page.waitForTimeout(1500);
		const after = await layout();
		const items = await page.locator('main .pf-results > .pf-result').count();
		const total = /(\d+)\s*个/.exec((await page.locator('main [role=status], main pagefind-summary').first().textContent()) ?? '')?.[1] ?? '?';
		rows.push(`${q} ${ms.toFixed(0)} ms / ${(after - before).toFixed(0)} ms / ${items} 项（共 ${total}）`);
	}
	await context.close();
	return rows;
}

console.log('| 页数 | 索引大小 | 首次查询下载 | 首次查询耗时 | 热查询中位数（20 次） | /search/，375 px：首个结果 / 布局与样式 / 结果项 |');
console.log('|---:|---:|---:|---:|---:|---|');
const browser = await launch();
for (const n of runs) {
	const content = `bench/.work/content-${n}`;
	const dist = `bench/.work/dist-${n}`;
	generate(n, content);
	await measure('astro', ['build', '--outDir', dist], {
		HANDBOOK_CONTENT: content,
		ASTRO_TELEMETRY_DISABLED: '1',
		HANDBOOK_PRECACHE_BUDGET_MB: '1000',
	});
	const server = await serve(dist, '/');
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${server.url}about/`);
	let bytes = 0;
	page.on('response', async (res) => {
		if (res.url().includes('/pagefind/')) bytes += (await res.body().catch(() => Buffer.alloc(0))).length;
	});
	const result = (await page.evaluate(`(${PROBE})(${JSON.stringify({ first: QUERIES[0], warm: QUERIES.slice(1).concat(QUERIES[0]) })})`)) as {
		firstMs: number;
		warmMedianMs: number;
		firstResults: number;
	};
	await page.waitForTimeout(200);
	await context.close();
	const ui = await uiRows(browser, server.url);
	console.log(
		`| ${n} | ${(dirSize(join(dist, 'pagefind')) / 1024 / 1024).toFixed(1)} MB | ${(bytes / 1024).toFixed(0)} KB | ${result.firstMs.toFixed(0)} ms | ${result.warmMedianMs.toFixed(1)} ms | ${ui.join('；')} |`,
	);
	await server.close();
}
await browser.close();
