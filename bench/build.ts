/**
 * Build benchmark: generates synthetic handbooks of 100, 1,000 and 3,000 pages and runs the full build on each
 * (pages, search index, service worker, checks). Prints time, peak memory and per-page cost, then where the time
 * went (the content check, Astro's rendering, each step after it, from the build's own log) and which programs
 * held the memory at the peak.
 *   node bench/build.ts [sizes…]     e.g. node bench/build.ts 100 1000
 */
import { describeMemory, measure } from './measure.ts';
import { generate } from './generate.ts';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const runs = sizes.length ? sizes : [100, 1000, 3000];
const details: string[] = [];
console.log('| 页数 | 构建时间 | 每页耗时 | 内存峰值 |');
console.log('|---:|---:|---:|---:|');
for (const n of runs) {
	const content = `bench/.work/content-${n}`;
	generate(n, content);
	const m = await measure('astro', ['build', '--outDir', `bench/.work/dist-${n}`], {
		HANDBOOK_CONTENT: content,
		ASTRO_TELEMETRY_DISABLED: '1',
		// Synthetic handbooks are many times the real one; the real 8 MB offline budget is checked by `npm test`.
		HANDBOOK_PRECACHE_BUDGET_MB: '1000',
	});
	console.log(`| ${n} | ${m.seconds.toFixed(1)} s | ${((m.seconds * 1000) / n).toFixed(1)} ms | ${(m.peakBytes / 1024 / 1024).toFixed(0)} MB |`);
	// “[handbook] 搜索索引：3000 个页面（searchIndex，41234 ms）” and Astro's “3005 page(s) built in 1m 2s”.
	const steps = [...m.output.matchAll(/（(\w+)，(\d+) ms[），]/g)].map(([, step, ms]) => `${step} ${(Number(ms) / 1000).toFixed(1)} s`);
	const pages = /page\(s\) built in ([^\n]+)/.exec(m.output)?.[1] ?? '?';
	details.push(
		`${n} 页：页面和全部步骤 ${pages}，其中 ${steps.join('，')}；峰值时 ${describeMemory(m.atPeak)}；各自的峰值 ${describeMemory(m.peaks)}`,
	);
}
console.log(`\n${details.join('\n')}`);
