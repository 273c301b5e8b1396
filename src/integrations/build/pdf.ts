/**
 * The handbook as PDF books, made from a built site in the Chromium the tests use and laid out by Paged.js
 * (contents with page numbers, running headers, page numbers):
 *   - the whole handbook with its cover (version, date of the legal basis) and contents, A4 and a pocket A5 edition;
 *   - one A4 PDF per training module;
 *   - the rule table (/rules/), A4.
 * Each PDF carries an outline (bookmarks) from its headings and is tagged for screen readers. `npm run build:pdf`
 * makes them from dist/ into dist-pdf/ (scripts/build-pdf.ts); the file edition's build puts them into its folder,
 * and so into the zip (the `pdfBooks` step).
 */
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { SITE_NAME } from '../../lib/site.ts';
import { launch } from '../../../tests/support/browser.ts';
import { serve } from '../../../tests/support/static-server.ts';
import { type BuildContext, DistError } from './dist.ts';
import { decode, elements } from './html.ts';

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
	/**
	 * For a book of one page of the site: the name in the header of its right-hand pages. Such a book needs no
	 * contents and is printed by Chromium itself (which draws margin boxes but has no string-set); the whole
	 * handbook is laid out by Paged.js, for its contents' page numbers and chapter headers.
	 */
	chapter?: string;
}

export interface MadeBook extends Book {
	pages: number;
	bytes: number;
}

const MB = 1024 * 1024;
const BOOK_CSS = readFileSync(new URL('../../styles/book.css', import.meta.url), 'utf8');
const PAGED_JS = fileURLToPath(new URL('../dist/paged.polyfill.js', import.meta.resolve('pagedjs')));

/** The chapters /print/ lists in its contents, in order: page key (`training/system`) and title. */
export function printContents(html: string): { key: string; title: string }[] {
	const all = elements(html);
	const nav = all.find((el) => el.name === 'nav' && el.attrs['aria-label'] === '全书目录');
	if (!nav) return [];
	return all
		.filter((el) => el.name === 'a' && el.open.start > nav.outer.start && el.outer.end <= nav.outer.end && el.close)
		.filter((a) => a.attrs.href?.startsWith('#print-'))
		.map((a) => ({ key: a.attrs.href.slice('#print-'.length).replace('-', '/'), title: decode(html.slice(a.open.end, a.close!.start)) }));
}

/** The books made from a built site: the training modules are read, in order, from the /print/ contents. */
export function books(dist: string): Book[] {
	const modules = printContents(readFileSync(join(dist, 'print', 'index.html'), 'utf8'))
		.filter((c) => c.key.startsWith('training/'))
		.map((c) => ({ id: c.key.slice('training/'.length), title: c.title }));
	if (modules.length === 0) throw new Error('在 /print/ 的目录里找不到培训模块。');
	return [
		{ file: `${SITE_NAME}（A4）.pdf`, path: '/print/', size: 'A4', name: SITE_NAME, budget: 8 * MB },
		{ file: `${SITE_NAME}（A5口袋本）.pdf`, path: '/print/', size: 'A5', name: SITE_NAME, budget: 8 * MB },
		{ file: '规则速查表（A4）.pdf', path: '/rules/', size: 'A4', name: SITE_NAME, chapter: '规则速查', budget: 2 * MB },
		...modules.map(
			(m, i): Book => ({
				file: `培训模块/${String(i + 1).padStart(2, '0')} ${m.title}.pdf`,
				path: `/training/${m.id}/`,
				size: 'A4',
				name: `${SITE_NAME} · 培训课程`,
				chapter: m.title,
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
@page :left { @top-left { content: ${JSON.stringify(book.name)}; } }
${book.chapter ? `@page :right { @top-right { content: ${JSON.stringify(book.chapter)}; } }` : ''}`,
		});
		if (book.chapter) {
			mkdirSync(dirname(outFile), { recursive: true });
			await page.pdf({ path: outFile, preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
			const pages = (await PDFDocument.load(readFileSync(outFile), { updateMetadata: false })).getPageCount();
			return { ...book, pages, bytes: statSync(outFile).size };
		}
		await page.evaluate(() => {
			(window as unknown as { PagedConfig: object }).PagedConfig = { auto: false };
		});
		await page.addScriptTag({ path: PAGED_JS });
		const pages = await page.evaluate(async () => {
			const paged = (window as unknown as { PagedPolyfill: { preview(): Promise<{ total: number }> } }).PagedPolyfill;
			return (await paged.preview()).total;
		});
		if (errors.length) throw new Error(`${book.path}：页面脚本出错：${errors.join('; ')}`);
		mkdirSync(dirname(outFile), { recursive: true });
		await page.pdf({ path: outFile, preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
		return { ...book, pages, bytes: statSync(outFile).size };
	} finally {
		await context.close();
	}
}

/** Makes every book from a built site; two at a time (one per core). */
export async function buildPdfs(dist: string, out: string): Promise<MadeBook[]> {
	const list = books(dist);
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

/** Makes the books into `out`; a book over its budget is an error. */
export async function writePdfs(dist: string, out: string): Promise<{ made: MadeBook[]; seconds: number }> {
	const started = Date.now();
	const made = await buildPdfs(dist, out);
	const over = made.filter((b) => b.bytes > b.budget);
	if (over.length) throw new DistError('PDF 超过大小上限', over.map((b) => `${b.file}: ${(b.bytes / MB).toFixed(2)} MB，上限 ${(b.budget / MB).toFixed(2)} MB`));
	return { made, seconds: (Date.now() - started) / 1000 };
}

/** The folder of the file edition that holds its PDF books. */
export const PDF_FOLDER = '打印版PDF';

/** File edition: the PDF books in the edition's folder, so the zip carries them. */
export async function pdfBooks({ root }: BuildContext): Promise<string> {
	const { made, seconds } = await writePdfs(root, join(root, PDF_FOLDER));
	return `PDF：${made.length} 本，在 ${PDF_FOLDER}/，${seconds.toFixed(1)} 秒\n${bookTable(made)}`;
}
