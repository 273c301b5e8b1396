/** The checks the build runs on dist/, each made to fail on purpose by a small planted mistake. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BUDGETS, measurePages, overBudget } from '../../src/integrations/build/budgets';
import { brokenLinks } from '../../src/integrations/build/links';
import { orderPrecache } from '../../src/integrations/build/service-worker';

const DIST = 'tests/.tmp/check-dist';

function write(file: string, text: string) {
	mkdirSync(dirname(join(DIST, file)), { recursive: true });
	writeFileSync(join(DIST, file), text);
}
const page = (body: string, head = '') =>
	`<!doctype html><html lang="zh-CN"><head><title>t</title>${head}</head><body>${body}</body></html>`;

beforeEach(() => {
	rmSync(DIST, { recursive: true, force: true });
	write('index.html', page('<a href="/a/">A</a> <a href="/a/#第一节">第一节</a> <a href="#top">top</a><p id="top"></p>'));
	write('a/index.html', page('<h2 id="第一节">第一节</h2><script type="module" src="/_astro/a.js"></script>'));
	write('_astro/a.js', 'import{x}from"./b.js";x();');
	write('_astro/b.js', 'export const x=()=>import("./lazy.js");');
	write('_astro/lazy.js', `console.log(${JSON.stringify('x'.repeat(50_000))});`);
});

describe('internal links and anchors', () => {
	it('pass when every link and anchor resolves', () => {
		expect(brokenLinks(DIST, '/')).toEqual([]);
	});

	it('a dead anchor names the page, the link and the missing anchor', () => {
		write('b/index.html', page('<a href="/a/#第二节">x</a>'));
		expect(brokenLinks(DIST, '/')).toEqual(['b/index.html: 链接 /a/#第二节 的锚点 #第二节 在 a/index.html 中不存在']);
	});

	it('an id used twice on a page names the page and the id (an anchor to it would be ambiguous)', () => {
		write('b/index.html', page('<h2 id="常见误区">一</h2><h2 id="常见误区">二</h2><h2 id="会前准备">三</h2>'));
		expect(brokenLinks(DIST, '/')).toEqual(['b/index.html: id “常见误区” 用了 2 次，指向它的锚点不唯一']);
	});

	it('a link to a missing page names the page and the link', () => {
		write('b/index.html', page('<a href="../nowhere/">x</a>'));
		expect(brokenLinks(DIST, '/')).toEqual(['b/index.html: 链接 ../nowhere/ 指向不存在的页面或文件']);
	});

	it('a link to a file that is not a page must exist; an anchor on it is not checked (only pages have ids)', () => {
		write('doc.pdf', '%PDF-1.4');
		write('b/index.html', page('<a href="/doc.pdf#page=2">ok</a><a href="/gone.pdf#page=2">x</a>'));
		expect(brokenLinks(DIST, '/')).toEqual(['b/index.html: 链接 /gone.pdf#page=2 指向不存在的页面或文件']);
	});

	it('an external script is refused; a link to another site is allowed', () => {
		write('b/index.html', page('<a href="https://www.npc.gov.cn/">全国人大网</a><script src="https://cdn.example.com/x.js"></script>'));
		expect(brokenLinks(DIST, '/')).toEqual(['b/index.html: 引用了外部资源 https://cdn.example.com/x.js']);
	});

	it('under a base path, a link that leaves it is reported', () => {
		rmSync(DIST, { recursive: true, force: true });
		write('index.html', page('<a href="/handbook/a/">ok</a><a href="/a/">outside</a>'));
		write('a/index.html', page(''));
		expect(brokenLinks(DIST, '/handbook/')).toEqual(['index.html: 链接 /a/ 不在站点路径 /handbook/ 之内']);
	});
});

describe('size budgets', () => {
	it('count scripts and their static imports, not what loads on demand', () => {
		const a = measurePages(DIST, '/').find((w) => w.file === 'a/index.html')!;
		expect(a.js).toBeGreaterThan(0);
		expect(a.js).toBeLessThan(1024);
		expect(overBudget(measurePages(DIST, '/'))).toEqual([]);
	});

	it('an oversized script fails with the page and the size', () => {
		// Random text does not compress: 12 kB of it is well past the 8 kB budget.
		let noise = '';
		for (let i = 0; i < 12_000; i++) noise += String.fromCharCode(33 + Math.floor(Math.random() * 90));
		write('_astro/big.js', `console.log(${JSON.stringify(noise)});`);
		write('c/index.html', page('<script type="module" src="/_astro/big.js"></script>'));
		const over = overBudget(measurePages(DIST, '/'));
		expect(over).toHaveLength(1);
		expect(over[0]).toMatch(new RegExp(`^c/index.html: 首屏 JavaScript \\d+\\.\\d kB 超过 ${BUDGETS.web.initialJs / 1024}\\.0 kB$`));
	});

	it('measures the page shell without its article, and the article separately', () => {
		write('d/index.html', page(`<nav>导航</nav><article data-pagefind-body>${'正文内容'.repeat(3000)}</article>`));
		const d = measurePages(DIST, '/').find((w) => w.file === 'd/index.html')!;
		expect(d.article).toBeGreaterThan(0);
		expect(d.shell).toBeLessThan(300);
	});
});

describe('the offline copy’s download order', () => {
	it('search engine and index first, then styles and scripts, the start pages, the sections in reading order, the rest', () => {
		const urls = [
			'/handbook/about/index.html',
			'/handbook/method/overview/index.html',
			'/handbook/duties/overview/index.html',
			'/handbook/pagefind/fragment/zh-cn_1.pf_fragment',
			'/handbook/_astro/BaseLayout.css',
			'/handbook/training/system/index.html',
			'/handbook/index.html',
			'/handbook/pagefind/pagefind.js',
			'/handbook/pagefind/wasm.zh-cn.pagefind',
			'/handbook/start/index.html',
			'/handbook/suggestions/writing/index.html',
		];
		const ordered = orderPrecache(urls.map((url) => ({ url, revision: '1' })), '/handbook/').map((e) => e.url.slice('/handbook/'.length));
		expect(ordered).toEqual([
			'pagefind/pagefind.js',
			'pagefind/wasm.zh-cn.pagefind',
			'pagefind/fragment/zh-cn_1.pf_fragment',
			'_astro/BaseLayout.css',
			'index.html',
			'start/index.html',
			'training/system/index.html',
			'duties/overview/index.html',
			'suggestions/writing/index.html',
			'method/overview/index.html',
			'about/index.html',
		]);
	});
});
