/**
 * Checks on the finished build in dist/: every internal link and #anchor resolves (and no page uses an id twice,
 * which would leave an anchor ambiguous), nothing is loaded from another site, and each page stays inside its size
 * budgets. Run by the build; a failure names the page and the cause.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
	/** Gzipped HTML of a content page without its article text (and quiz). */
	shellHtml: 10 * 1024,
	/** Gzipped JavaScript a page loads before any interaction: its scripts and their static imports. */
	initialJs: 8 * 1024,
	/** Gzipped CSS a page loads. */
	css: 12 * 1024,
};

export interface DistPage {
	/** Path of the HTML file relative to dist. */
	file: string;
	/** The address the page is served at, base included (`/handbook/duties/overview/`). */
	url: string;
	html: string;
}

const decode = (s: string) =>
	s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e as 'amp']);

/** Every HTML page of the build except the search bundle's files. */
export function distPages(dist: string, base: string): DistPage[] {
	const pages: DistPage[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) {
				if (name !== 'pagefind' && name !== '_astro') walk(path);
			} else if (name.endsWith('.html')) {
				const file = relative(dist, path).split('\\').join('/');
				const url = base + (file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file);
				pages.push({ file, url, html: readFileSync(path, 'utf8') });
			}
		}
	};
	walk(dist);
	return pages.sort((a, b) => a.url.localeCompare(b.url));
}

function ids(html: string): Set<string> {
	return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1])));
}

/** Ids a page uses more than once, with how often. */
function repeatedIds(html: string): [string, number][] {
	const counts = new Map<string, number>();
	for (const m of html.matchAll(/\sid="([^"]*)"/g)) {
		const id = decode(m[1]);
		counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return [...counts].filter(([, n]) => n > 1);
}

/** Links and resource references of a page: [kind, raw value]. */
function references(html: string): { tag: string; value: string }[] {
	const out: { tag: string; value: string }[] = [];
	for (const m of html.matchAll(/<(a|link|script|img|source|iframe|form)\b[^>]*?\s(href|src|action)="([^"]*)"/g)) {
		out.push({ tag: m[1], value: decode(m[3]) });
	}
	return out;
}

/** Broken internal links and anchors, ids used twice, and resources from other sites: one line per problem. */
export function checkLinks(dist: string, base: string, pages = distPages(dist, base)): string[] {
	const problems: string[] = [];
	const byUrl = new Map(pages.map((p) => [p.url, p]));
	const anchors = new Map<string, Set<string>>();
	const anchorsOf = (p: DistPage) => {
		let set = anchors.get(p.url);
		if (!set) anchors.set(p.url, (set = ids(p.html)));
		return set;
	};
	const origin = 'http://handbook.invalid';
	for (const page of pages) {
		for (const [id, n] of repeatedIds(page.html)) problems.push(`${page.file}: id “${id}” 用了 ${n} 次，指向它的锚点不唯一`);
		for (const { tag, value } of references(page.html)) {
			if (/^(mailto|tel|data|blob|javascript):/i.test(value) || value === '') continue;
			const target = new URL(value, origin + page.url);
			if (target.origin !== origin) {
				if (tag !== 'a') problems.push(`${page.file}: 引用了外部资源 ${value}`);
				continue;
			}
			const path = decodeURIComponent(target.pathname).replace(/\/index\.html$/, '/');
			if (!path.startsWith(base)) {
				problems.push(`${page.file}: 链接 ${value} 不在站点路径 ${base} 之内`);
				continue;
			}
			let targetPage = byUrl.get(path);
			if (!targetPage) {
				const file = join(dist, path.slice(base.length));
				const isFile = existsSync(file) && statSync(file).isFile();
				if (!isFile) {
					problems.push(`${page.file}: 链接 ${value} 指向不存在的页面或文件`);
					continue;
				}
				if (!target.hash) continue;
				targetPage = byUrl.get(path);
				if (!targetPage) continue;
			}
			if (target.hash) {
				const id = decodeURIComponent(target.hash.slice(1));
				if (!anchorsOf(targetPage).has(id)) problems.push(`${page.file}: 链接 ${value} 的锚点 #${id} 在 ${targetPage.file} 中不存在`);
			}
		}
	}
	return problems;
}

export interface PageWeight {
	file: string;
	/** Gzipped HTML without the article text and quiz. */
	shell: number;
	/** Gzipped article text and quiz, reported separately. */
	article: number;
	js: number;
	css: number;
}

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

function staticImports(code: string): string[] {
	const out: string[] = [];
	// Static imports only (`import x from "./a.js"`, `import "./a.js"`, `export … from`); dynamic import() loads on demand.
	for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["']([^"']+\.m?js)["']/g)) out.push(m[1]);
	return out;
}

/** The weight of every content page, measured as a browser would load it from dist. */
export function measurePages(dist: string, base: string, pages = distPages(dist, base)): PageWeight[] {
	const fileOf = (url: string, from: string) => {
		const u = new URL(url, `http://x${from}`);
		return join(dist, decodeURIComponent(u.pathname).slice(base.length));
	};
	const jsCache = new Map<string, number>();
	const weights: PageWeight[] = [];
	for (const page of pages) {
		const { html } = page;
		// Scripts: module and classic scripts the HTML loads, inline or by src, plus everything they import statically.
		const seen = new Set<string>();
		let js = 0;
		const addFile = (file: string) => {
			if (seen.has(file) || !existsSync(file)) return;
			seen.add(file);
			const code = readFileSync(file, 'utf8');
			if (!jsCache.has(file)) jsCache.set(file, gz(code));
			js += jsCache.get(file)!;
			for (const imp of staticImports(code)) addFile(imp.startsWith('/') ? fileOf(imp, page.url) : join(file, '..', imp));
		};
		for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
			const attrs = m[1];
			if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
			const src = /\ssrc="([^"]+)"/.exec(attrs)?.[1];
			if (src) addFile(fileOf(decode(src), page.url));
			else {
				js += gz(m[2]);
				for (const imp of staticImports(m[2])) addFile(fileOf(imp, page.url));
			}
		}
		let css = 0;
		for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
			const file = fileOf(decode(m[1]), page.url);
			if (existsSync(file)) css += gz(readFileSync(file));
		}
		for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += gz(m[1]);
		const articleParts = [...html.matchAll(/<article\b[^>]*data-pagefind-body[\s\S]*?<\/article>|<handbook-quiz\b[\s\S]*?<\/handbook-quiz>/g)].map(
			(m) => m[0],
		);
		let shellHtml = html;
		for (const part of articleParts) shellHtml = shellHtml.replace(part, '');
		weights.push({ file: page.file, shell: gz(shellHtml), article: articleParts.length ? gz(articleParts.join('')) : 0, js, css });
	}
	return weights;
}

/** Pages past a budget, one line each. Content pages are those with an article; every page counts for JS and CSS. */
export function overBudget(weights: PageWeight[]): string[] {
	const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
	const out: string[] = [];
	for (const w of weights) {
		if (w.article > 0 && w.shell > BUDGETS.shellHtml) out.push(`${w.file}: HTML（不含正文）${kb(w.shell)} 超过 ${kb(BUDGETS.shellHtml)}`);
		if (w.js > BUDGETS.initialJs) out.push(`${w.file}: 首屏 JavaScript ${kb(w.js)} 超过 ${kb(BUDGETS.initialJs)}`);
		if (w.css > BUDGETS.css) out.push(`${w.file}: CSS ${kb(w.css)} 超过 ${kb(BUDGETS.css)}`);
	}
	return out;
}

/** A short table for the build log: budget, largest page and median per measure. */
export function budgetTable(weights: PageWeight[]): string {
	const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
	const content = weights.filter((w) => w.article > 0);
	const row = (label: string, list: PageWeight[], pick: (w: PageWeight) => number, budget?: number) => {
		const sorted = [...list].sort((a, b) => pick(a) - pick(b));
		const max = sorted.at(-1);
		const median = sorted[Math.floor(sorted.length / 2)];
		return `  ${label.padEnd(22)} ${(budget ? kb(budget) : '—').padStart(9)} ${max ? kb(pick(max)).padStart(9) : ''} ${median ? kb(pick(median)).padStart(9) : ''}  ${max?.file ?? ''}`;
	};
	return [
		`  ${'项目（gzip）'.padEnd(20)} ${'上限'.padStart(8)} ${'最大'.padStart(8)} ${'中位'.padStart(8)}  最大的页面`,
		row('内容页 HTML（不含正文）', content, (w) => w.shell, BUDGETS.shellHtml),
		row('内容页正文（另计）', content, (w) => w.article),
		row('首屏 JavaScript', weights, (w) => w.js, BUDGETS.initialJs),
		row('CSS', weights, (w) => w.css, BUDGETS.css),
	].join('\n');
}
