/**
 * Search benchmark: builds synthetic handbooks of 1,000 and 5,000 pages and measures Pagefind in Chromium on a
 * cold page: index size on disk, bytes fetched for the first query, first-query latency (loading the search
 * bundle, index chunks and WebAssembly included) and the median warm query over 20 queries.
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

console.log('| 页数 | 索引大小 | 首次查询下载 | 首次查询耗时 | 热查询中位数（20 次） |');
console.log('|---:|---:|---:|---:|---:|');
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
	console.log(
		`| ${n} | ${(dirSize(join(dist, 'pagefind')) / 1024 / 1024).toFixed(1)} MB | ${(bytes / 1024).toFixed(0)} KB | ${result.firstMs.toFixed(0)} ms | ${result.warmMedianMs.toFixed(1)} ms |`,
	);
	await context.close();
	await server.close();
}
await browser.close();
