/**
 * The offline edition's search: Pagefind's index of a few small pages, decoded (offline-index.ts) and searched the
 * way Pagefind searches it (offline-search.ts). Agreement with Pagefind in the browser on the real handbook is
 * tested end to end (tests/e2e/offline-zip.test.ts); these pin the behaviours one by one.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { beforeAll, describe, expect, it } from 'vitest';
import { offlineIndex, PagefindFormatError } from '../../src/integrations/offline-index';
import { searchIndexFiles } from '../../src/integrations/search-index';
import { HANDBOOK_RANKING, type OfflineIndex, rankPages, searchOffline } from '../../src/lib/offline-search';

const SITE = 'tests/.tmp/offline-search-site';

const pages: Record<string, string> = {
	'heading/index.html': '<h1>质询</h1><p>本页说明质询的程序。</p><h2 id="联名">联名要求</h2><p>质询案需要代表联名提出。</p>',
	'body/index.html': '<h1>会议纪律</h1><p>会议期间可以提出质询，也可以提出询问。</p><p>发言应当简明。</p>',
	'other/index.html': '<h1>闭会期间</h1><p>代表可以参加视察和专题调研。</p><h2 id="视察">视察</h2><p>视察前要做准备。</p>',
	'skip/index.html': '<h1>没有正文标记</h1><p>质询</p>',
};

let index: OfflineIndex;
let files: { path: string; content: Uint8Array }[];

beforeAll(async () => {
	rmSync(SITE, { recursive: true, force: true });
	for (const [path, body] of Object.entries(pages)) {
		mkdirSync(join(SITE, path, '..'), { recursive: true });
		const marked = path.startsWith('skip/') ? `<main>${body}</main>` : `<main data-pagefind-body data-pagefind-meta="section:测试">${body}</main>`;
		writeFileSync(join(SITE, path), `<!doctype html><html lang="zh-cn"><head><title>t</title></head><body>${marked}</body></html>`);
	}
	files = await searchIndexFiles(SITE);
	index = offlineIndex(files);
}, 60_000);

const urls = (ranked: { page: number }[]) => ranked.map((r) => index.pages[r.page].url);

describe('offlineIndex', () => {
	it('reads Pagefind’s pages with their text, title, section and headings', () => {
		expect(index.pagefind).toMatch(/^1\.6\./);
		expect(index.pages.map((p) => p.url).sort()).toEqual(['/body/', '/heading/', '/other/']);
		const heading = index.pages.find((p) => p.url === '/heading/')!;
		expect(heading.title).toBe('质询');
		expect(heading.section).toBe('测试');
		expect(heading.words).toBeGreaterThan(5);
		expect(heading.anchors.map(([id, text]) => [id, text])).toEqual([['联名', '联名要求']]);
		expect(heading.content.split('\u200B').join('')).toContain('质询案需要代表联名提出');
		expect(index.metaFields).toContain('title');
		expect(index.chunks.length).toBeGreaterThan(0);
	});

	it('stops with the file’s name when a file is not what Pagefind 1.6 writes', () => {
		const broken = files.map((f) => (f.path.endsWith('.pf_index') ? { ...f, content: new Uint8Array([1, 2, 3]) } : f));
		expect(() => offlineIndex(broken)).toThrow(/pf_index/);
		const noSignature = files.map((f) => (f.path.endsWith('.pf_meta') ? { ...f, content: new Uint8Array(gzipSync('not pagefind')) } : f));
		expect(() => offlineIndex(noSignature)).toThrow(PagefindFormatError);
		expect(() => offlineIndex(files.filter((f) => !f.path.endsWith('.pf_meta')))).toThrow(/pf_meta/);
	});

	it('refuses an index from another Pagefind version, whose ranking the offline copy does not follow', () => {
		const otherVersion = files.map((f) => {
			if (!f.path.endsWith('.pf_meta')) return f;
			const meta = decode(gunzipSync(f.content).subarray('pagefind_dcd'.length)) as unknown[];
			meta[0] = '1.7.0';
			const bytes = Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(encode(meta))]);
			return { ...f, content: new Uint8Array(gzipSync(bytes)) };
		});
		expect(() => offlineIndex(otherVersion)).toThrow(/Pagefind 1\.7\.0/);
	});
});

describe('rankPages', () => {
	it('ranks a page with the word in its title and a heading above one with it in the body only', () => {
		expect(urls(rankPages(index, '质询', HANDBOOK_RANKING))).toEqual(['/heading/', '/body/']);
	});

	it('requires every query word that occurs in the index, and ignores one that occurs nowhere (as Pagefind does)', () => {
		expect(urls(rankPages(index, '质询 视察', HANDBOOK_RANKING))).toEqual([]);
		expect(urls(rankPages(index, '视察 火星', HANDBOOK_RANKING))).toEqual(['/other/']);
	});

	it('matches a query word as the beginning of longer index words', () => {
		const found = urls(rankPages(index, '视', HANDBOOK_RANKING));
		expect(found).toContain('/other/');
	});

	it('keeps a word spelled like an object property (“__proto__”) as an ordinary word', () => {
		const copy: OfflineIndex = structuredClone(index);
		const page = copy.pages.findIndex((p) => p.url === '/other/');
		copy.chunks.push(['__proto__', '__proto__', [['__proto__', [[[page, [-25, 0]]]]]]]);
		const found = rankPages(copy, '__proto__', HANDBOOK_RANKING);
		expect(found.map((r) => copy.pages[r.page].url)).toEqual(['/other/']);
	});

	it('finds nothing for punctuation only', () => {
		expect(rankPages(index, '，。！', HANDBOOK_RANKING)).toEqual([]);
	});
});

describe('searchOffline', () => {
	it('describes results: title, section, an excerpt with the words marked, the matching heading with its anchor', async () => {
		const { total, results } = await searchOffline(index, '联名');
		expect(total).toBe(1);
		const [r] = results;
		expect(r.url).toBe('/heading/');
		expect(r.title).toBe('质询');
		expect(r.section).toBe('测试');
		expect(r.excerpt).toContain('<mark>联名</mark>');
		expect(r.subResults).toEqual([expect.objectContaining({ url: '/heading/#联名', heading: '联名要求' })]);
		expect(r.subResults[0].excerpt).toContain('<mark>联名</mark>');
	});

	it('reads questions: a question whose words never all meet on one page still finds the pages with some of them', async () => {
		const { results } = await searchOffline(index, '会议期间怎么视察？');
		expect(results.map((r) => r.url)).toEqual(expect.arrayContaining(['/body/', '/other/']));
	});

	it('marks neighbouring matched words as one highlight', async () => {
		const { results } = await searchOffline(index, '代表联名');
		expect(results[0].excerpt).toContain('<mark>代表联名</mark>');
	});

	it('escapes the page text in excerpts', async () => {
		const copy: OfflineIndex = structuredClone(index);
		const page = copy.pages.find((p) => p.url === '/body/')!;
		page.content = page.content.replace('发言', '<b>发言</b>');
		const { results } = await searchOffline(copy, '询问');
		expect(results[0].excerpt).not.toContain('<b>');
	});
});
