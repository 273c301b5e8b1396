/**
 * `npm run build:pdf`: the handbook as PDF books, made from the built site (dist/, built first if missing) in the
 * Chromium the tests use, laid out by Paged.js (contents with page numbers, running headers, page numbers):
 *   - the whole handbook with its cover (version, date of the legal basis) and contents, A4 and a pocket A5 edition;
 *   - one A4 PDF per training module;
 *   - the rule table (/rules/), A4.
 * Each PDF carries an outline (bookmarks) from its headings and is tagged for screen readers. Writes dist-pdf/ and
 * prints a table of page counts and sizes; fails when a book exceeds its size budget.
 *
 *   node scripts/build-pdf.ts [--dist dist] [--out dist-pdf]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SITE_NAME } from '../src/lib/site.ts';
import { launch } from '../tests/support/browser.ts';
import { serve } from '../tests/support/static-server.ts';

export interface Book {
	/** Path of the PDF inside the output folder. */
	file: string;
	/** Site path of the page it is made from, e.g. /print/. */
	path: string;
	size: 'A4' | 'A5';
	/** Shown in the header of left-hand pages and as the PDF's title. */
	name: string;
	/** Size budget in bytes. */
	budget: number;
}

export interface MadeBook extends Book {
	pages: number;
	bytes: number;
	/** Page number of each chapter in the contents, as laid out (whole books only). */
	contents: { title: string; page: number }[];
}

const MB = 1024 * 1024;
const BOOK_CSS = readFileSync(new URL('../src/styles/book.css', import.meta.url), 'utf8');
const PAGED_JS = new URL('../node_modules/pagedjs/dist/paged.polyfill.js', import.meta.url).pathname;

/** The content version of a built site, as its /print/ cover states it: the books are made from that version. */
export function siteVersion(dist: string): string {
	const print = readFileSync(join(dist, 'print', 'index.html'), 'utf8');
	return /<section class="book-cover[^"]*" data-version="([^"]*)"/.exec(print)?.[1] ?? '';
}

/** The books made from a built site: the training modules are read, in order, from the /print/ contents. */
export function books(dist: string): Book[] {
	const print = readFileSync(join(dist, 'print', 'index.html'), 'utf8');
	const contents = print.slice(print.indexOf('<nav aria-label="全书目录"'), print.indexOf('</nav>', print.indexOf('<nav aria-label="全书目录"')));
	const modules = [...contents.matchAll(/<a href="#print-training-([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ id: m[1], title: m[2] }));
	if (modules.length === 0) throw new Error('在 /print/ 的目录里找不到培训模块。');
	return [
		{ file: `${SITE_NAME}（A4）.pdf`, path: '/print/', size: 'A4', name: SITE_NAME, budget: 8 * MB },
		{ file: `${SITE_NAME}（A5口袋本）.pdf`, path: '/print/', size: 'A5', name: SITE_NAME, budget: 8 * MB },
		{ file: '规则速查表（A4）.pdf', path: '/rules/', size: 'A4', name: `${SITE_NAME} · 规则速查`, budget: 2 * MB },
		...modules.map(
			(m, i): Book => ({
				file: `培训模块/${String(i + 1).padStart(2, '0')} ${m.title}.pdf`,
				path: `/training/${m.id}/`,
				size: 'A4',
				name: `${SITE_NAME} · 培训课程`,
				budget: 2 * MB,
			}),
		),
	];
}

async function makeBook(browser: Browser, url: string, book: Book, outFile: string): Promise<MadeBook> {
	// A book is the page as it reads without JavaScript (every level of a rule, every answer in its box): the site's
	// script files are not loaded and its inline ones cannot define their elements, so none of them acts on the pages
	// Paged.js rearranges. Paged.js is injected by the builder and writes inline styles, which the pages' CSP would
	// refuse, so the CSP is bypassed here.
	const context = await browser.newContext({ bypassCSP: true, colorScheme: 'light' });
	try {
		await context.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
		await context.addInitScript(() => {
			customElements.define = () => {};
		});
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(url, { waitUntil: 'load' });
		await page.emulateMedia({ media: 'print' });
		const small = book.size === 'A5';
		await page.evaluate((small) => document.documentElement.classList.toggle('book-small', small), small);
		await page.addStyleTag({
			content: `${BOOK_CSS}
@page { size: ${book.size}; ${small ? 'margin: 14mm 12mm 13mm;' : ''} }
@page :left { @top-left { content: ${JSON.stringify(book.name)}; } }`,
		});
		await page.evaluate(() => {
			(window as unknown as { PagedConfig: object }).PagedConfig = { auto: false };
		});
		await page.addScriptTag({ path: PAGED_JS });
		const laidOut = await page.evaluate(async () => {
			const paged = (window as unknown as { PagedPolyfill: { preview(): Promise<{ total: number }> } }).PagedPolyfill;
			const flow = await paged.preview();
			// The page on which each chapter starts, as Paged.js numbered it: what the contents print.
			const contents = [...document.querySelectorAll<HTMLAnchorElement>('.book-contents a')].map((a) => {
				const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
				const pageEl = target?.closest('.pagedjs_page');
				return { title: a.textContent?.trim() ?? '', page: Number(pageEl?.getAttribute('data-page-number') ?? 0) };
			});
			return { total: flow.total, contents };
		});
		if (errors.length) throw new Error(`${book.path}：页面脚本出错：${errors.join('; ')}`);
		mkdirSync(dirname(outFile), { recursive: true });
		await page.pdf({ path: outFile, preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
		return { ...book, pages: laidOut.total, bytes: statSync(outFile).size, contents: laidOut.contents };
	} finally {
		await context.close();
	}
}

/** Makes every book from a built site; two at a time (one per core). */
export async function buildPdfs(dist: string, out: string, only?: (b: Book) => boolean): Promise<MadeBook[]> {
	const list = books(dist).filter(only ?? (() => true));
	rmSync(out, { recursive: true, force: true });
	const server = await serve(dist);
	const browser = await launch();
	try {
		const made: MadeBook[] = new Array(list.length);
		let next = 0;
		const worker = async () => {
			while (next < list.length) {
				const i = next++;
				made[i] = await makeBook(browser, new URL(list[i].path.slice(1), server.url).href, list[i], join(out, list[i].file));
			}
		};
		await Promise.all([worker(), worker()]);
		return made;
	} finally {
		await browser.close();
		await server.close();
	}
}

export function bookTable(made: MadeBook[]): string {
	const mb = (n: number) => `${(n / MB).toFixed(2)} MB`;
	return made.map((b) => `  ${b.bytes > b.budget ? '✗' : '✓'} ${b.file}  ${b.size}  ${b.pages} 页  ${mb(b.bytes)}（上限 ${mb(b.budget)}）`).join('\n');
}

async function main() {
	const arg = (name: string, fallback: string) => {
		const i = process.argv.indexOf(name);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	const dist = arg('--dist', 'dist');
	const out = arg('--out', 'dist-pdf');
	if (!existsSync(join(dist, 'print', 'index.html'))) {
		console.log(`${dist}/ 还没有构建，先运行 astro build。`);
		const r = spawnSync('astro', ['build', '--outDir', dist], { stdio: 'inherit' });
		if (r.status !== 0) process.exit(r.status ?? 1);
	}
	const started = Date.now();
	const made = await buildPdfs(dist, out);
	console.log(`PDF：${made.length} 本，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒，在 ${out}/：\n${bookTable(made)}`);
	writeFileSync(join(out, 'books.json'), `${JSON.stringify({ version: siteVersion(dist), books: made }, null, 2)}\n`);
	const over = made.filter((b) => b.bytes > b.budget);
	if (over.length) {
		console.error(`${over.length} 本 PDF 超过大小上限。`);
		process.exit(1);
	}
}

if (import.meta.main) await main();
