/**
 * Side by side with Starlight: the same generated Chinese pages (bench/generate.ts) built by the handbook and by a
 * pinned Starlight, installed by this bench into its own folder (bench/.work/starlight-app, not a dependency of the
 * site). Builds and browser runs alternate between the two; the table gives medians and handbook/Starlight ratios:
 * build time and peak memory; bytes and requests of a content page; first paint and load on a throttled profile;
 * first query (click on the search button → first result shown) for a common, a middle and a rare word, with its
 * bytes and requests; a warm query; and the first query over a slow line emulated at the server, once while the
 * handbook's offline copy downloads over the same line and once with service workers blocked, which shows what the
 * download costs the reader's first search. Pages are served gzipped, as a production host would.
 *   node bench/compare.ts [pages=400] [runs=3]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../tests/support/browser.ts';
import { serve, type StaticServer } from '../tests/support/static-server.ts';
import { generate } from './generate.ts';
import { measure } from './measure.ts';

const pages = Number(process.argv[2] ?? 400);
const runs = Number(process.argv[3] ?? 3);
const WORK = 'bench/.work';
const APP = join(WORK, 'starlight-app');
/** Pinned, as the site's own dependencies are; Astro matches the handbook's. */
const STARLIGHT_DEPS = { astro: '7.3.5', '@astrojs/starlight': '0.42.4' };
/**
 * The same line emulated at the server, shared by the page and its service worker (the browser's emulation does
 * not slow a worker's requests, so the offline copy would download at full speed beside a throttled page).
 */
const SLOW_LINE = { latencyMs: 150, bytesPerSecond: (1.6e6 / 8) * 0.9 };
/** Chrome DevTools' “Slow 4G”: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
/** A word on nearly every page, one on some, one on few (by document frequency in the generated text). */
const QUERIES = { common: '代表', middle: '食品安全', rare: '充电桩' };
const WARM = '老旧小区';
const SECTIONS = ['training', 'duties', 'method', 'suggestions'];

interface Site {
	name: 'handbook' | 'starlight';
	dist: string;
	/** The search button, the query box and a result link, as a reader meets them. */
	open: string;
	input: string;
	result: string;
}
const handbook: Site = {
	name: 'handbook',
	dist: join(WORK, `compare-handbook-${pages}`),
	open: 'handbook-search a',
	input: 'dialog.search-dialog input[type=search]',
	result: 'dialog.search-dialog .pf-result-link',
};
const starlight: Site = {
	name: 'starlight',
	dist: join(APP, 'dist'),
	open: 'site-search button[data-open-modal]',
	input: 'site-search input.pagefind-ui__search-input',
	result: 'site-search .pagefind-ui__result-link',
};

/** The generated handbook pages as Starlight docs: same titles, descriptions and bodies; a sidebar group per section. */
function writeStarlightApp(content: string) {
	mkdirSync(APP, { recursive: true });
	writeFileSync(
		join(APP, 'package.json'),
		`${JSON.stringify({ name: 'starlight-bench', private: true, type: 'module', dependencies: STARLIGHT_DEPS }, null, '\t')}\n`,
	);
	writeFileSync(
		join(APP, 'astro.config.mjs'),
		`import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
export default defineConfig({
	integrations: [
		starlight({
			title: '代表履职学习手册',
			defaultLocale: 'root',
			locales: { root: { label: '简体中文', lang: 'zh-CN' } },
			sidebar: ${JSON.stringify(SECTIONS.map((s) => ({ label: s, items: [{ autogenerate: { directory: s } }] })))},
		}),
	],
});
`,
	);
	mkdirSync(join(APP, 'src'), { recursive: true });
	writeFileSync(
		join(APP, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
	);
	const docs = join(APP, 'src/content/docs');
	rmSync(docs, { recursive: true, force: true });
	mkdirSync(docs, { recursive: true });
	writeFileSync(join(docs, 'index.md'), '---\ntitle: 代表履职学习手册\ndescription: 合成的测试手册。\n---\n\n合成的测试手册，用于对照构建和搜索的性能。\n');
	for (const section of SECTIONS) {
		mkdirSync(join(docs, section), { recursive: true });
		for (const file of readdirSync(join(content, section))) {
			const source = readFileSync(join(content, section, file), 'utf8');
			const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source)!;
			const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(front)?.[1] ?? '';
			writeFileSync(
				join(docs, section, file.replace(/\.mdx$/, '.md')),
				`---\ntitle: ${field('title')}\ndescription: ${field('description')}\nsidebar:\n  order: ${field('order')}\n---\n${body}`,
			);
		}
	}
	if (!existsSync(join(APP, 'node_modules/@astrojs/starlight'))) {
		console.error(`installing Starlight ${STARLIGHT_DEPS['@astrojs/starlight']} into ${APP} …`);
		execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: APP, stdio: 'inherit' });
	}
}

function build(site: Site, content: string) {
	const env = { ASTRO_TELEMETRY_DISABLED: '1' };
	if (site.name === 'handbook') {
		return measure('astro', ['build', '--outDir', site.dist], { ...env, HANDBOOK_CONTENT: content, HANDBOOK_PRECACHE_BUDGET_MB: '1000' });
	}
	return measure(join(process.cwd(), APP, 'node_modules/.bin/astro'), ['build', '--root', APP], env);
}

/**
 * Counts what crosses the network for a page and its workers (Pagefind fetches its index and WebAssembly from a
 * worker): requests, and bytes as transferred (compressed body and headers). A service worker's own fetches (the
 * handbook's offline copy) are not in it.
 */
function traffic(page: Page) {
	const t = { bytes: 0, requests: 0, pending: [] as Promise<void>[] };
	page.on('request', () => (t.requests += 1));
	page.on('requestfinished', (r) => {
		t.pending.push(
			r.sizes().then(
				(s) => void (t.bytes += s.responseBodySize + s.responseHeadersSize),
				() => {},
			),
		);
	});
	return { read: async () => (await Promise.all(t.pending), { bytes: t.bytes, requests: t.requests }) };
}

async function freshPage(browser: Browser, throttle: boolean, workers: 'allow' | 'block' = 'allow'): Promise<{ page: Page; close: () => Promise<void> }> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: workers });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
	if (throttle) await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
	return { page, close: () => context.close() };
}

/** Bytes, requests, first paint and load of a content page, cold. */
async function pageLoad(browser: Browser, url: string, throttle: boolean) {
	const { page, close } = await freshPage(browser, throttle);
	const t = traffic(page);
	await page.goto(url, { waitUntil: 'load' });
	const timing = await page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
		const fcp = performance.getEntriesByName('first-contentful-paint')[0];
		return { fcp: fcp?.startTime ?? Number.NaN, load: nav.loadEventEnd };
	});
	const result = { ...timing, ...(await t.read()) };
	await close();
	return result;
}

/** Click on the search button → first result link visible; the bytes and requests in between; then a warm query. */
async function firstQuery(browser: Browser, site: Site, url: string, query: string, throttle: boolean, workers: 'allow' | 'block' = 'allow') {
	const { page, close } = await freshPage(browser, throttle, workers);
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForTimeout(1500); // the reader reads a moment before searching
	const t = traffic(page);
	const started = Date.now();
	await page.locator(site.open).first().click();
	const input = page.locator(site.input).first();
	await input.waitFor({ state: 'visible', timeout: 30_000 });
	await input.pressSequentially(query, { delay: 30 });
	await page.locator(site.result).first().waitFor({ state: 'visible', timeout: 60_000 });
	const ms = Date.now() - started;
	const cost = { ms, ...(await t.read()) };
	// Warm: a different word in the same box, until a result for it shows.
	const before = await page.locator(site.result).first().getAttribute('href');
	const warmStart = Date.now();
	await input.fill(WARM);
	await page.waitForFunction(
		({ sel, before }) => {
			const a = document.querySelector(sel);
			return a !== null && a.getAttribute('href') !== before && (a as HTMLElement).offsetParent !== null;
		},
		{ sel: site.result, before },
		{ timeout: 30_000 },
	);
	const warm = Date.now() - warmStart;
	await close();
	return { ...cost, warm };
}

const median = (xs: number[]) => {
	const s = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
	return s.length ? s[Math.floor((s.length - 1) / 2)] : Number.NaN;
};

type Row = { what: string; unit: 'ms' | 's' | 'MB' | 'kB' | ''; h: number[]; s: number[] };
const rows = new Map<string, Row>();
function record(what: string, unit: Row['unit'], site: Site['name'], value: number) {
	const row = rows.get(what) ?? { what, unit, h: [], s: [] };
	(site === 'handbook' ? row.h : row.s).push(value);
	rows.set(what, row);
}

const content = join(WORK, `compare-content-${pages}`);
generate(pages, content);
writeStarlightApp(content);
const browser = await launch();
const samplePage = 'duties/p1/';
for (let run = 0; run < runs; run++) {
	const order = run % 2 === 0 ? [handbook, starlight] : [starlight, handbook];
	for (const site of order) {
		const b = await build(site, content);
		record('build', 's', site.name, b.seconds);
		record('build peak memory', 'MB', site.name, b.peakBytes / 1024 / 1024);
	}
	for (const site of order) {
		const server: StaticServer = await serve(site.dist, '/', 0, { gzip: true });
		const url = `${server.url}${samplePage}`;
		const fast = await pageLoad(browser, url, false);
		record('content page: bytes (gzip)', 'kB', site.name, fast.bytes / 1024);
		record('content page: requests', '', site.name, fast.requests);
		const slow = await pageLoad(browser, url, true);
		record('Slow 4G: first paint', 'ms', site.name, slow.fcp);
		record('Slow 4G: load', 'ms', site.name, slow.load);
		for (const [kind, q] of Object.entries(QUERIES)) {
			for (const throttle of [false, true]) {
				const r = await firstQuery(browser, site, url, q, throttle);
				const profile = throttle ? 'Slow 4G' : 'no throttling';
				record(`first query “${q}” (${kind}), ${profile}`, 'ms', site.name, r.ms);
				if (!throttle) {
					record(`first query “${q}”: bytes`, 'kB', site.name, r.bytes / 1024);
					record(`first query “${q}”: requests`, '', site.name, r.requests);
					record('warm query', 'ms', site.name, r.warm);
				}
			}
		}
		await server.close();
		// The first search while the offline copy downloads over the same slow line, and with workers blocked.
		const slowLine = await serve(site.dist, '/', 0, { gzip: true, line: SLOW_LINE });
		for (const workers of ['allow', 'block'] as const) {
			const r = await firstQuery(browser, site, `${slowLine.url}${samplePage}`, QUERIES.common, false, workers);
			const what = workers === 'allow' ? 'the offline copy downloading beside it' : 'service workers blocked';
			record(`first query “${QUERIES.common}”, slow line at the server, ${what}`, 'ms', site.name, r.ms);
		}
		await slowLine.close();
	}
	console.error(`run ${run + 1}/${runs} done`);
}
await browser.close();

const fmt = (x: number, unit: Row['unit']) =>
	Number.isNaN(x) ? '—' : `${x.toLocaleString('en-US', { maximumFractionDigits: unit === 's' || unit === 'kB' ? 1 : 0 })}${unit ? ` ${unit}` : ''}`;
console.log(`\n${pages} generated pages, medians of ${runs} alternating runs (machine: ${process.arch}, ${(await import('node:os')).cpus().length} cores)\n`);
console.log('| what | handbook | Starlight | handbook/Starlight |');
console.log('|---|---:|---:|---:|');
for (const r of rows.values()) {
	const h = median(r.h);
	const s = median(r.s);
	console.log(`| ${r.what} | ${fmt(h, r.unit)} | ${fmt(s, r.unit)} | ${(h / s).toFixed(2)} |`);
}
