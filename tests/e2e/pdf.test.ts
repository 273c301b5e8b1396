/**
 * The PDF books (src/integrations/build/pdf.ts) as the offline edition's build makes them into its folder and zip
 * (global-setup.ts), read back as a reader's PDF viewer would: with pdf-lib (pages, paper size, outline) and
 * poppler's pdftotext (what is printed on each page). The contents' page numbers must be the pages the chapters
 * really start on; every chapter of /print/ is in the contents and the outline.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ZIP_FOLDER, ZIP_NAME } from '../../src/integrations/build/offline';
import { books, PDF_FOLDER, printContents } from '../../src/integrations/build/pdf';
import { OFFLINE_DIST } from './global-setup';

const DIR = join(OFFLINE_DIST, PDF_FOLDER);
const list = books(OFFLINE_DIST);
const chapters = printContents(readFileSync(join(OFFLINE_DIST, 'print', 'index.html'), 'utf8'));

/** The text printed on one page, line by line, trimmed, without empty lines. */
function pageText(file: string, page: number): string[] {
	return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' })
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
}

const decodeText = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : '');

/** Titles of the outline (bookmarks), depth first. */
function outlineTitles(pdf: PDFDocument): string[] {
	const out: string[] = [];
	const walk = (item: PDFDict | undefined) => {
		for (let it = item; it; it = it.lookupMaybe(PDFName.of('Next'), PDFDict)) {
			out.push(decodeText(it.lookup(PDFName.of('Title'))));
			walk(it.lookupMaybe(PDFName.of('First'), PDFDict));
		}
	};
	walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
	return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');
const load = (file: string) => PDFDocument.load(readFileSync(join(DIR, file)), { updateMetadata: false });

describe('PDF books', () => {
	it('are the whole handbook in A4 and A5, the rule table and one per training module, each within its budget', () => {
		const files = list.map((b) => b.file);
		expect(files.slice(0, 3)).toEqual(['代表履职学习手册（A4）.pdf', '代表履职学习手册（A5口袋本）.pdf', '规则速查表（A4）.pdf']);
		const modules = chapters.filter((c) => c.key.startsWith('training/'));
		expect(modules.length).toBeGreaterThan(10);
		expect(files.slice(3)).toEqual(modules.map((m, i) => `培训模块/${String(i + 1).padStart(2, '0')} ${m.title}.pdf`));
		for (const b of list) expect(statSync(join(DIR, b.file)).size, b.file).toBeLessThanOrEqual(b.budget);
	});

	it('are in the zip, byte for byte', () => {
		const zip = unzipSync(readFileSync(join(OFFLINE_DIST, '..', ZIP_NAME)));
		for (const b of list) {
			const entry = zip[`${ZIP_FOLDER}/${PDF_FOLDER}/${b.file}`];
			expect(entry, b.file).toBeDefined();
			expect(Buffer.from(entry).equals(readFileSync(join(DIR, b.file))), b.file).toBe(true);
		}
	});

	it('each has its paper size, an outline, a page number at the foot of its last page', async () => {
		for (const b of list) {
			const pdf = await load(b.file);
			const { width, height } = pdf.getPage(0).getSize();
			const [w, h] = b.size === 'A4' ? [595, 842] : [420, 595];
			expect(Math.abs(width - w) < 2 && Math.abs(height - h) < 2, `${b.file}: ${width}×${height}`).toBe(true);
			expect(outlineTitles(pdf).length, `${b.file} outline`).toBeGreaterThan(0);
			const pages = pdf.getPageCount();
			expect(pageText(join(DIR, b.file), pages).at(-1), `${b.file} last page`).toBe(String(pages));
		}
	});

	for (const file of ['代表履职学习手册（A4）.pdf', '代表履职学习手册（A5口袋本）.pdf']) {
		it(`${file}: cover, contents whose page numbers are where the chapters start, running headers, outline`, async () => {
			const path = join(DIR, file);
			const pdf = await load(file);
			const cover = pageText(path, 1).join('');
			expect(cover).toContain('代表履职学习手册');
			expect(cover).toMatch(/法律依据核对至\d{4}年\d{1,2}月\d{1,2}日/);
			expect(cover).toMatch(/本版生成于\d{4}年\d{1,2}月\d{1,2}日/);
			expect(pageText(path, 1).at(-1), 'the cover carries no page number').not.toMatch(/^\d+$/);

			// The contents run from page 2 to the page before the first chapter; read them as printed. A title too
			// long for its line wraps, so lines without a number are kept and joined to the next numbered one.
			const printed: [string, number][] = [];
			const firstChapter = () => printed.find(([k]) => k.endsWith(squash(chapters[0].title)))?.[1];
			for (let page = 2; page < 30 && page < (firstChapter() ?? Infinity); page++) {
				let pending = '';
				for (const l of pageText(path, page)) {
					const m = /^(?:\d+\.\s*)?(.+?)\s+(\d+)$/.exec(l);
					if (m) {
						printed.push([squash(pending + m[1]), Number(m[2])]);
						pending = '';
					} else pending += l.replace(/^\d+\.\s*/, '');
				}
			}
			const pageOf = (title: string) => printed.find(([k]) => k.endsWith(squash(title)))?.[1];
			const titles = outlineTitles(pdf).map(squash);
			let previous = 0;
			for (const c of chapters) {
				const at = pageOf(c.title);
				expect(at, `${c.title} in the contents`).toBeDefined();
				expect(at!, `${c.title} after the chapter before it`).toBeGreaterThan(previous);
				previous = at!;
				// That page is where the chapter begins: its section and title at the top, its number at the foot.
				const text = pageText(path, at!);
				expect(squash(text.slice(0, 4).join('')), `${c.title} on page ${at}`).toContain(squash(c.title));
				expect(text.at(-1), `page number on page ${at}`).toBe(String(at));
				expect(titles, `outline: ${c.title}`).toContain(squash(c.title));
			}
			// Running headers: inside a chapter of three pages or more, the right-hand (odd) page names the chapter,
			// the left-hand (even) page the book.
			const starts = chapters.map((c) => pageOf(c.title)!);
			const i = starts.findIndex((s, k) => (starts[k + 1] ?? pdf.getPageCount() + 1) - s >= 3);
			const odd = starts[i] % 2 === 1 ? starts[i] + 2 : starts[i] + 1;
			const even = odd - 1 > starts[i] ? odd - 1 : odd + 1;
			expect(squash(pageText(path, odd)[0]), `header of page ${odd}`).toContain(squash(chapters[i].title));
			expect(pageText(path, even)[0], `header of page ${even}`).toContain('代表履职学习手册');
		});
	}

	it('a module book opens with the module title and has every question of its quiz left out', () => {
		const b = list.find((m) => m.file.startsWith('培训模块/01 '))!;
		const title = b.file.replace(/^培训模块\/01 /, '').replace(/\.pdf$/, '');
		const text = execFileSync('pdftotext', ['-layout', join(DIR, b.file), '-'], { encoding: 'utf8' });
		expect(squash(text.split('\n').slice(0, 12).join(''))).toContain(squash(title));
		expect(text).not.toContain('提交答案');
	});
});
