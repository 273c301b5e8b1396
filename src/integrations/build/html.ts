/**
 * Built pages as the build's checks and the file edition see them: parsed with ultrahtml, never matched with
 * regular expressions. Reading gives every element with its attributes decoded; writing replaces only the tags
 * it is asked to (an open tag is written again from its attributes) and leaves every other byte of the page as
 * Astro wrote it.
 */
import { posix } from 'node:path';
import { ELEMENT_NODE, type ElementNode, type Node, parse, walkSync } from 'ultrahtml';

export interface Element {
	/** Lower-case tag name. */
	name: string;
	/** Attributes with their entities decoded (`''` for a bare attribute such as `hidden`). */
	attrs: Record<string, string>;
	/** Where the open tag is in the page. */
	open: { start: number; end: number };
	/** Where the whole element is, open tag to close tag (the open tag alone for a void element). */
	outer: { start: number; end: number };
	/** Where the close tag is, if the element has one. */
	close?: { start: number; end: number };
	/** The text of a script or style element, as written. */
	text: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Character references to characters: `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;`, `&#39;`, `&#x27;`. */
export function decode(text: string): string {
	return text.replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi, (ref, dec?: string, hex?: string, name?: string) => {
		if (dec) return String.fromCodePoint(Number(dec));
		if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
		return NAMED[name!.toLowerCase()] ?? ref;
	});
}

/** An attribute value escaped as Astro escapes it. */
export function encode(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Every element of the page, in document order. */
export function elements(html: string): Element[] {
	const out: Element[] = [];
	walkSync(parse(html) as Node, (node) => {
		if (node.type !== ELEMENT_NODE) return;
		const el = node as ElementNode;
		const [open, close = open] = el.loc;
		const raw = el.attributes;
		out.push({
			name: el.name.toLowerCase(),
			attrs: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), decode(v)])),
			open: { start: open.start, end: open.end },
			outer: { start: open.start, end: close.end },
			close: el.loc.length > 1 ? { start: close.start, end: close.end } : undefined,
			text: el.name === 'script' || el.name === 'style' ? el.children.map((c) => (c as { value?: string }).value ?? '').join('') : '',
		});
	});
	return out;
}

/** Every id on the page, in document order, repeats included. */
export function ids(html: string): string[] {
	return elements(html).flatMap((el) => (el.attrs.id === undefined ? [] : [el.attrs.id]));
}

/** Ids the page uses more than once, with how often. */
export function repeatedIds(html: string): [string, number][] {
	const counts = new Map<string, number>();
	for (const id of ids(html)) counts.set(id, (counts.get(id) ?? 0) + 1);
	return [...counts].filter(([, n]) => n > 1);
}

/** The attribute of each element that links to or loads another address. */
const LINKING: Record<string, string> = { a: 'href', link: 'href', script: 'src', img: 'src', source: 'src', iframe: 'src', form: 'action' };

/** The page's links and loaded resources (decoded): `<a href>`, `<link href>`, `<script src>`, `<img src>`, … */
export function references(html: string): { tag: string; value: string }[] {
	return elements(html).flatMap((el) => {
		const value = el.attrs[LINKING[el.name]];
		return value === undefined || !Object.hasOwn(LINKING, el.name) ? [] : [{ tag: el.name, value }];
	});
}

/** The page with some stretches replaced (`text` for `start`…`end`); the stretches must not overlap. */
export function splice(html: string, edits: { start: number; end: number; text: string }[]): string {
	let out = '';
	let at = 0;
	for (const e of [...edits].sort((a, b) => a.start - b.start)) {
		out += html.slice(at, e.start) + e.text;
		at = e.end;
	}
	return out + html.slice(at);
}

/**
 * The page with new attribute values on some elements: `change` returns the attributes to set (decoded values)
 * or nothing. Those open tags are written again, their other attributes as they were.
 */
export function setAttributes(html: string, change: (el: Element) => Record<string, string> | undefined): string {
	const edits: { start: number; end: number; text: string }[] = [];
	for (const el of elements(html)) {
		const set = change(el);
		if (!set || Object.keys(set).length === 0) continue;
		const source = html.slice(el.open.start, el.open.end);
		const attrs = Object.entries({ ...el.attrs, ...set })
			.map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${encode(v)}"`))
			.join('');
		edits.push({ ...el.open, text: `<${el.name}${attrs}${source.endsWith('/>') ? ' />' : '>'}` });
	}
	return edits.length ? splice(html, edits) : html;
}

/** The page with some elements renamed (`rename` returns the new tag name or nothing), attributes and content kept. */
export function renameElements(html: string, rename: (el: Element) => string | undefined): string {
	const edits: { start: number; end: number; text: string }[] = [];
	for (const el of elements(html)) {
		const name = rename(el);
		if (!name || name === el.name) continue;
		const open = html.slice(el.open.start, el.open.end);
		edits.push({ ...el.open, text: `<${name}${open.slice(1 + el.name.length)}` });
		if (el.close) edits.push({ ...el.close, text: `</${name}>` });
	}
	return edits.length ? splice(html, edits) : html;
}

/** The page without the elements `match` picks (each with everything inside it). */
export function removeElements(html: string, match: (el: Element) => boolean): string {
	const edits: { start: number; end: number; text: string }[] = [];
	for (const el of elements(html)) {
		const last = edits.at(-1);
		if (last && el.outer.start < last.end) continue; // inside an element already removed
		if (match(el)) edits.push({ ...el.outer, text: '' });
	}
	return edits.length ? splice(html, edits) : html;
}

/** A relative reference from the page at `fromUrl` to the site path `target` (with query/hash), index.html made explicit. */
export function relativeLink(fromUrl: string, target: string): string {
	const m = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(target)!;
	let path = m[1];
	if (path.endsWith('/')) path += 'index.html';
	const fromDir = fromUrl.endsWith('/') ? fromUrl : posix.dirname(fromUrl);
	let rel = posix.relative(fromDir, path);
	if (!rel.startsWith('.')) rel = `./${rel}`;
	return rel + (m[2] ?? '') + (m[3] ?? '');
}

/** The page with every root-relative `href`, `src` and `action` made relative to the page at `url` (file://). */
export function relativize(html: string, url: string): string {
	return setAttributes(html, (el) => {
		const set: Record<string, string> = {};
		for (const attr of ['href', 'src', 'action']) {
			const value = el.attrs[attr];
			if (value?.startsWith('/') && !value.startsWith('//')) set[attr] = relativeLink(url, value);
		}
		return set;
	});
}

/**
 * The page without what only a server can honour: the Content-Security-Policy meta tag (from file:// the
 * scripts are re-bundled and no hash would match) and the web app manifest link.
 */
export function stripServerOnly(html: string): string {
	return removeElements(
		html,
		(el) =>
			(el.name === 'meta' && el.attrs['http-equiv']?.toLowerCase() === 'content-security-policy') ||
			(el.name === 'link' && el.attrs.rel === 'manifest'),
	);
}
