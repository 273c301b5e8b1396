/**
 * Build benchmark: generates synthetic handbooks of 100, 1,000 and 3,000 pages and runs the full build on each
 * (pages, search index, service worker, checks). Prints time, peak memory and per-page cost.
 *   node bench/build.ts [sizes…]     e.g. node bench/build.ts 100 1000
 */
import { generate } from './generate.ts';
import { measure } from './measure.ts';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const runs = sizes.length ? sizes : [100, 1000, 3000];
const rows: string[] = [];
console.log('| 页数 | 构建时间 | 每页耗时 | 内存峰值 |');
console.log('|---:|---:|---:|---:|');
for (const n of runs) {
	const content = `bench/.work/content-${n}`;
	generate(n, content);
	const { seconds, peakBytes } = await measure('astro', ['build', '--outDir', `bench/.work/dist-${n}`], {
		HANDBOOK_CONTENT: content,
		ASTRO_TELEMETRY_DISABLED: '1',
		// Synthetic handbooks are many times the real one; the real 8 MB offline budget is checked by `npm test`.
		HANDBOOK_PRECACHE_BUDGET_MB: '1000',
	});
	const row = `| ${n} | ${seconds.toFixed(1)} s | ${((seconds * 1000) / n).toFixed(1)} ms | ${(peakBytes / 1024 / 1024).toFixed(0)} MB |`;
	rows.push(row);
	console.log(row);
}
