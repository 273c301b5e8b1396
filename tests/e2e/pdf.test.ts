/**
 * The PDF books, made by `npm run build:pdf` from dist/ and then read back as a reader's PDF viewer would: with
 * pdf-lib (pages, page size, outline) and poppler's pdftotext (what is printed on each page). The contents' page
 * numbers must be the pages the chapters really start on.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MadeBook } from '../../scripts/build-pdf';

const OUT = 'tests/.tmp/pdf';
let made: MadeBook[];

beforeAll(() => {
	const r = spawnSync('node', ['scripts/build-pdf.ts', '--dist', 'dist', '--out', OUT], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`build:pdf failed\n${r.stdout}\n${r.stderr}`);
	expect(r.stdout).toMatch(/PDF：\d+ 本/);
	made = JSON.parse(readFileSync(join(OUT, 'books.json'), 'utf8')).books;
}, 600_000);

/** The text printed on one page, line by line, without empty lines. */
function pageText(file: string, page: number): string[] {
	return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' })
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
}

const decode = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : '');

/** Titles of the outline (bookmarks), depth first. */
function outlineTitles(pdf: PDFDocument): string[] {
	const root = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
	const out: string[] = [];
	const walk = (item: PDFDict | undefined) => {
		for (let it = item; it; it = it.lookupMaybe(PDFName.of('Next'), PDFDict)) {
			out.push(decode(it.lookup(PDFName.of('Title'))));
			walk(it.lookupMaybe(PDFName.of('First'), PDFDict));
		}
	};
	walk(root?.lookupMaybe(PDFName.of('First'), PDFDict));
	return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('PDF books', () => {
	it('makes the whole handbook in A4 and A5, the rule table and one book per training module, within budget', () => {
		const files = made.map((b) => b.file);
		expect(files).toContain('代表履职学习手册（A4）.pdf');
		expect(files).toContain('代表履职学习手册（A5口袋本）.pdf');
		expect(files).toContain('规则速查表（A4）.pdf');
		const modules = files.filter((f) => f.startsWith('培训模块/'));
		const trainingPages = readFileSync('dist/print/index.html', 'utf8').match(/href="#print-training-/g) ?? [];
		expect(modules.length).toBe(trainingPages.length);
		for (const b of made) {
			expect(statSync(join(OUT, b.file)).size, b.file).toBe(b.bytes);
			expect(b.bytes, b.file).toBeLessThanOrEqual(b.budget);
		}
	});

	it('each PDF has the pages the build reported, in its paper size, with an outline and a title', async () => {
		for (const b of made) {
			const pdf = await PDFDocument.load(readFileSync(join(OUT, b.file)), { updateMetadata: false });
			expect(pdf.getPageCount(), b.file).toBe(b.pages);
			const { width, height } = pdf.getPage(0).getSize();
			const [w, h] = b.size === 'A4' ? [595, 842] : [420, 595];
			expect(Math.abs(width - w), `${b.file} width ${width}`).toBeLessThan(2);
			expect(Math.abs(height - h), `${b.file} height ${height}`).toBeLessThan(2);
			expect(outlineTitles(pdf).length, `${b.file} outline`).toBeGreaterThan(0);
		}
	});

	for (const file of ['代表履职学习手册（A4）.pdf', '代表履职学习手册（A5口袋本）.pdf']) {
		it(`${file}: cover, contents whose page numbers are the pages the chapters start on, running headers, page numbers`, async () => {
			const book = made.find((b) => b.file === file)!;
			const path = join(OUT, file);
			const cover = pageText(path, 1).join('');
			expect(cover).toContain('代表履职学习手册');
			expect(cover).toMatch(/法律依据核对至\d{4}年\d{1,2}月\d{1,2}日/);
			expect(cover).toMatch(/本版生成于\d{4}年/);

			const chapters = book.contents;
			expect(chapters.length).toBeGreaterThan(30);
			// The contents pages: every page before the first chapter, after the cover.
			const first = Math.min(...chapters.map((c) => c.page));
			const contents = Array.from({ length: first - 2 }, (_, i) => pageText(path, i + 2)).flat();
			for (const c of chapters) {
				// What the contents print for this chapter: its title, then the page number at the end of the line.
				const line = contents.find((l) => squash(l).replace(/^\d+\./, '').startsWith(squash(c.title)));
				expect(line, `${c.title} in the contents`).toBeDefined();
				const printed = Number(/(\d+)$/.exec(line!)?.[1]);
				expect(printed, `${c.title}: contents say ${printed}`).toBe(c.page);
				// …and that page is where the chapter begins: its title near the top, its number at the foot.
				const text = pageText(path, printed);
				expect(squash(text.slice(0, 4).join('')), `${c.title} on page ${printed}`).toContain(squash(c.title));
				expect(text.at(-1), `page number on page ${printed}`).toBe(String(printed));
			}
			// A right-hand page inside a long chapter names the chapter in its header; a left-hand one the book.
			const long = chapters.find((c, i) => (chapters[i + 1]?.page ?? book.pages + 1) - c.page >= 3)!;
			const odd = long.page % 2 === 1 ? long.page + 2 : long.page + 1;
			const even = odd - 1 === long.page ? odd + 1 : odd - 1;
			expect(squash(pageText(path, odd)[0])).toContain(squash(long.title));
			expect(pageText(path, even)[0]).toContain('代表履职学习手册');
			// The outline lists every chapter.
			const pdf = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
			const titles = outlineTitles(pdf).map(squash);
			for (const c of chapters) expect(titles, `outline: ${c.title}`).toContain(squash(c.title));
		});
	}

	it('a module book opens with the module and numbers its pages', () => {
		const b = made.find((m) => m.file.startsWith('培训模块/01 '))!;
		const title = b.file.replace(/^培训模块\/01 /, '').replace(/\.pdf$/, '');
		const path = join(OUT, b.file);
		expect(squash(pageText(path, 1).slice(0, 6).join(''))).toContain(squash(title));
		expect(pageText(path, b.pages).at(-1)).toBe(String(b.pages));
		expect(existsSync(path)).toBe(true);
	});
});
