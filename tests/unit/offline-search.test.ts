/**
 * The offline edition's search: Pagefind's own script and index files for a few small pages, packed as the
 * file edition packs them (pagefind-pack.ts) and run here as the page runs them, asked as the page asks
 * (search-results.ts). Agreement with the online search on the real handbook is tested end to end, in Chromium
 * and Firefox (tests/e2e/offline-zip.test.ts); these pin the behaviours one by one.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGEFIND_GLOBAL, packPagefind } from '../../src/integrations/build/pagefind-pack';
import { searchIndexFiles } from '../../src/integrations/build/search-index';
import { PAGEFIND_OPTIONS, type PagefindApi, type PagefindResultData } from '../../src/lib/offline-search';
import { describe as describeResult, findPages } from '../../src/lib/search-results';
import { FILES_GLOBAL } from '../../src/lib/pagefind-files';

const SITE = 'tests/.tmp/offline-search-site';

const pages: Record<string, string> = {
	'heading/index.html': '<h1>质询</h1><p>本页说明质询的程序。</p><h2 id="联名">联名要求</h2><p>质询案需要代表联名提出。</p>',
	'body/index.html': '<h1>会议纪律</h1><p>会议期间可以提出质询，也可以提出询问。</p><p>&lt;b&gt;发言&lt;/b&gt;应当简明。</p>',
	'other/index.html': '<h1>闭会期间</h1><p>代表可以参加视察和专题调研。</p><h2 id="视察">视察</h2><p>视察前要做准备，写明 __proto__ 字样。</p>',
	'skip/index.html': '<h1>没有正文标记</h1><p>质询</p>',
};

let files: { path: string; content: Uint8Array }[];
let pack: Awaited<ReturnType<typeof packPagefind>>;
let pagefind: PagefindApi & { search(term: string | null): ReturnType<PagefindApi['search']> };

beforeAll(async () => {
	rmSync(SITE, { recursive: true, force: true });
	for (const [path, body] of Object.entries(pages)) {
		mkdirSync(join(SITE, path, '..'), { recursive: true });
		const marked = path.startsWith('skip/') ? `<main>${body}</main>` : `<main data-pagefind-body data-pagefind-meta="section:测试">${body}</main>`;
		writeFileSync(join(SITE, path), `<!doctype html><html lang="zh-cn"><head><title>t</title></head><body>${marked}</body></html>`);
	}
	files = await searchIndexFiles(SITE);
	pack = await packPagefind(files);
	// Pagefind reads the page's language from <html lang> (the edition's pages say zh-CN): the one part of a page
	// it needs here (no current script: it is not loaded from an address).
	(globalThis as { document?: unknown }).document = { currentScript: null, querySelector: () => ({ getAttribute: () => 'zh-CN' }) };
	runInThisContext(pack['files.js']);
	runInThisContext(pack['pagefind.js']);
	const api = (globalThis as Record<string, any>)[PAGEFIND_GLOBAL];
	pagefind = api.createInstance(PAGEFIND_OPTIONS);
}, 60_000);

afterAll(() => {
	delete (globalThis as { document?: unknown }).document;
	// Both are `var`s of the scripts, which cannot be deleted.
	(globalThis as Record<string, unknown>)[PAGEFIND_GLOBAL] = undefined;
	(globalThis as Record<string, unknown>)[FILES_GLOBAL] = undefined;
});

/** As the search pages ask: the pages for a typed question, each described as the results list shows it. */
async function searchOffline(pf: PagefindApi, typed: string) {
	const ranked = await findPages(pf, typed);
	return { total: ranked.length, results: await Promise.all(ranked.map(async (r) => describeResult(await r.data()))) };
}

async function urls(term: string): Promise<string[]> {
	const found = await pagefind.search(term);
	return Promise.all(found!.results.map(async (r) => (await r.data()).url));
}

describe('packPagefind', () => {
	it('runs Pagefind’s own script on its own index: the pages with their text, title, section and headings', async () => {
		const [r] = (await pagefind.search('联名'))!.results;
		const data = (await r.data()) as PagefindResultData & { content: string; word_count: number; anchors: { id: string; text: string }[] };
		expect(data.url).toBe('/heading/');
		expect(data.meta.title).toBe('质询');
		expect(data.meta.section).toBe('测试');
		expect(data.word_count).toBeGreaterThan(5);
		expect(data.anchors.map((a) => [a.id, a.text])).toEqual([['联名', '联名要求']]);
		expect(data.content).toContain('质询案需要代表联名提出');
		const all = await pagefind.search(null);
		expect((await Promise.all(all!.results.map(async (p) => (await p.data()).url))).sort()).toEqual(['/body/', '/heading/', '/other/']);
	});

	it('packs the files Pagefind’s script fetches, as Pagefind wrote them, and not its UI, worker or highlighter', () => {
		const packed = (globalThis as Record<string, any>)[FILES_GLOBAL] as Record<string, string>;
		const wanted = files.filter((f) => /^(pagefind-entry\.json|.*\.pf_meta|wasm\..*|(index|fragment|filter)\/.*)$/.test(f.path));
		expect(Object.keys(packed).sort()).toEqual(wanted.map((f) => f.path).sort());
		for (const f of wanted) expect(Buffer.from(packed[f.path], 'base64').equals(Buffer.from(f.content))).toBe(true);
		expect(Object.keys(packed).some((p) => /ui|worker|highlight|\.js$/.test(p))).toBe(false);
		expect(pack['pagefind.js']).not.toMatch(/\bimport\.meta\b|^export /m);
	});

	it('stops with the file’s name when Pagefind’s output lacks a file the search needs', async () => {
		await expect(packPagefind(files.filter((f) => !f.path.endsWith('.pf_meta')))).rejects.toThrow(/pf_meta/);
		await expect(packPagefind(files.filter((f) => f.path !== 'pagefind.js'))).rejects.toThrow(/pagefind\.js/);
		await expect(packPagefind(files.filter((f) => !f.path.startsWith('wasm.')))).rejects.toThrow(/wasm/);
		await expect(packPagefind(files.filter((f) => f.path !== 'pagefind-entry.json'))).rejects.toThrow(/pagefind-entry\.json/);
	});
});

describe('Pagefind’s ranking, with the online search page’s settings', () => {
	it('ranks a page with the word in its title and a heading above one with it in the body only', async () => {
		expect(await urls('质询')).toEqual(['/heading/', '/body/']);
	});

	it('requires every query word that occurs in the index, and ignores one that occurs nowhere (as Pagefind does)', async () => {
		expect(await urls('质询 视察')).toEqual([]);
		expect(await urls('视察 火星')).toEqual(['/other/']);
	});

	it('matches a query word as the beginning of longer index words', async () => {
		expect(await urls('视')).toContain('/other/');
	});

	it('keeps a word spelled like an object property (“__proto__”) as an ordinary word', async () => {
		expect(await urls('__proto__')).toEqual(['/other/']);
	});

	it('finds nothing for punctuation only', async () => {
		expect(await urls('，。！')).toEqual([]);
	});
});

describe('findPages and describe, as the search pages use them', () => {
	it('describes results: title, section, an excerpt with the words marked, the matching heading with its anchor', async () => {
		const { total, results } = await searchOffline(pagefind, '联名');
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
		const { results } = await searchOffline(pagefind, '会议期间怎么视察？');
		expect(results.map((r) => r.url)).toEqual(expect.arrayContaining(['/body/', '/other/']));
	});

	it('marks neighbouring matched words as one highlight', async () => {
		const { results } = await searchOffline(pagefind, '代表联名');
		expect(results[0].excerpt).toContain('<mark>代表联名</mark>');
	});

	it('escapes the page text in excerpts', async () => {
		const { results } = await searchOffline(pagefind, '询问');
		expect(results[0].url).toBe('/body/');
		expect(results[0].excerpt).toContain('&lt;b&gt;');
		expect(results[0].excerpt).not.toContain('<b>');
	});
});
