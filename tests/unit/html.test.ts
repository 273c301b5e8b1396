/** The build's HTML helpers: what they read from a page and the only bytes they change. */
import { describe, expect, it } from 'vitest';
import {
	decode,
	elements,
	ids,
	references,
	relativeLink,
	relativize,
	removeElements,
	renameElements,
	repeatedIds,
	setAttributes,
	stripServerOnly,
} from '../../src/integrations/build/html';

const page = (head: string, body: string) => `<!DOCTYPE html><html lang="zh-CN"><head>${head}</head><body>${body}</body></html>`;

describe('decode', () => {
	it('decodes the references Astro writes, numeric ones in both forms, and leaves unknown ones', () => {
		expect(decode('&amp; &lt; &gt; &quot; &#39; &#x27; &apos; &#8212; &#x4e2d; &nbsp;')).toBe(`& < > " ' ' ' — 中 \u00a0`);
		expect(decode('&copy2; &unknown; a&b')).toBe('&copy2; &unknown; a&b');
		expect(decode('&amp;lt;')).toBe('&lt;');
	});
});

describe('ids', () => {
	it('reads every id in order, decoded, repeats included', () => {
		const html = page('', `<h2 id="常见误区">一</h2><p id="a&#x27;b">x</p><h2 id="常见误区">二</h2><svg><g id="icon"></g></svg>`);
		expect(ids(html)).toEqual(['常见误区', "a'b", '常见误区', 'icon']);
		expect(repeatedIds(html)).toEqual([['常见误区', 2]]);
	});

	it('does not read text that only looks like an attribute (in a script, a comment or text)', () => {
		const html = page(`<script>const tpl = '<h2 id="top">';</script>`, `<!-- <p id="top"> --><p>写 id="top" 即可</p><p id="top"></p>`);
		expect(ids(html)).toEqual(['top']);
	});
});

describe('references', () => {
	it('reads the linking attribute of each element, decoded, in order', () => {
		const html = page(
			'<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/a.js?x=1&amp;y=2"></script>',
			'<a href="/duties/#&#x27;q&#x27;">a</a><img src="/i.png" alt=""><form action="/search/"></form><a>none</a><div href="/no/"></div>',
		);
		expect(references(html)).toEqual([
			{ tag: 'link', value: '/_astro/a.css' },
			{ tag: 'script', value: '/_astro/a.js?x=1&y=2' },
			{ tag: 'a', value: "/duties/#'q'" },
			{ tag: 'img', value: '/i.png' },
			{ tag: 'form', value: '/search/' },
		]);
	});

	it('reads the text of scripts as written, with < and </ inside', () => {
		const [script] = elements(page('<script type="module">if (1 < 2) document.write("<\\/p>");</script>', '')).filter((e) => e.name === 'script');
		expect(script.text).toBe('if (1 < 2) document.write("<\\/p>");');
	});
});

describe('relativize', () => {
	it('makes root-relative links relative to the page, index.html explicit, query and hash kept', () => {
		expect(relativeLink('/duties/overview/', '/duties/')).toBe('../index.html');
		expect(relativeLink('/', '/search/?q=质询#r')).toBe('./search/index.html?q=质询#r');
		expect(relativeLink('/404.html', '/_astro/a.css')).toBe('./_astro/a.css');
	});

	it('rewrites href, src and action and nothing else; other bytes stay as they were', () => {
		const body = '<a class="card" href="/duties/overview/#第一节">x</a> <img src="/i.png" alt="" hidden> <a href="https://www.npc.gov.cn/">y</a> <a href="#top">z</a> <a href="//cdn.example.com/">w</a><p data-base="/">t</p>';
		const out = relativize(page('<link rel="icon" href="/favicon.svg" />', body), '/training/');
		expect(out).toBe(
			page(
				'<link rel="icon" href="../favicon.svg" />',
				'<a class="card" href="../duties/overview/index.html#第一节">x</a> <img src="../i.png" alt hidden> <a href="https://www.npc.gov.cn/">y</a> <a href="#top">z</a> <a href="//cdn.example.com/">w</a><p data-base="/">t</p>',
			),
		);
	});

	it('encodes what it writes and keeps the other attributes as written', () => {
		const out = relativize('<a title="&quot;引号&quot;" href="/search/?q=a&amp;b">x</a>', '/');
		expect(out).toBe('<a title="&quot;引号&quot;" href="./search/index.html?q=a&amp;b">x</a>');
	});
});

describe('stripServerOnly', () => {
	it('removes the CSP meta tag and the manifest link, and nothing else', () => {
		const csp = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-abc='">`;
		const head = `<meta charset="utf-8">${csp}<link rel="manifest" href="/manifest.webmanifest"><link rel="icon" href="/favicon.svg">`;
		expect(stripServerOnly(page(head, '<p>正文</p>'))).toBe(page('<meta charset="utf-8"><link rel="icon" href="/favicon.svg">', '<p>正文</p>'));
	});
});

describe('setAttributes and removeElements', () => {
	it('write only the tags they are asked to', () => {
		const html = '<h2 id="a">A</h2>\n<p id="b" class="x">B <span id="c">C</span></p>';
		expect(setAttributes(html, (el) => (el.attrs.id === 'b' ? { id: 'p-b' } : undefined))).toBe(
			'<h2 id="a">A</h2>\n<p id="p-b" class="x">B <span id="c">C</span></p>',
		);
		expect(removeElements(html, (el) => el.name === 'p' || el.name === 'span')).toBe('<h2 id="a">A</h2>\n');
	});
});

describe('renameElements', () => {
	it('renames open and close tags, keeping attributes, content and every other byte', () => {
		const html = '<h2 id="a" class="x">A <em>b</em></h2>\n<h3>C</h3><p>h2</p><br />';
		const down = (el: { name: string }) => (/^h[2-5]$/.test(el.name) ? `h${Number(el.name[1]) + 1}` : undefined);
		expect(renameElements(html, down)).toBe('<h3 id="a" class="x">A <em>b</em></h3>\n<h4>C</h4><p>h2</p><br />');
		expect(renameElements(html, () => undefined)).toBe(html);
	});
});
