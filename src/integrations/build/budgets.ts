/** The size budgets of every page, measured as a browser would load it from the built folder. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initSync, parse as parseModule } from 'es-module-lexer';
import type { Edition } from '../../env';
import { type BuildContext, DistError, distPages, kb } from './dist';
import { elements, splice } from './html';

export interface Budgets {
	/** Gzipped HTML of a content page without its article text (and quiz). */
	shellHtml: number;
	/** Gzipped JavaScript a page loads before any interaction: its scripts and their static imports. */
	initialJs: number;
	/** Gzipped CSS a page loads. */
	css: number;
}

export const BUDGETS: Record<Edition, Budgets> = {
	web: { shellHtml: 10 * 1024, initialJs: 8 * 1024, css: 12 * 1024 },
	// From file:// a page loads one classic script, read from disk, with everything its modules would otherwise load
	// on demand: about 28.3 kB on most pages (measured with this content: the quiz with its review scheduler, the
	// reading modes and read-aloud, and the header's search dialog, which from file:// never runs because the button
	// opens the search page, but is bundled all the same; shell HTML 5.5 kB at most, CSS about 6 kB). Pagefind's index, which the search page loads as a script too (pagefind/files.js,
	// 1.4 MB), is data and counts against the zip's budget instead (build/offline.ts).
	file: { shellHtml: 10 * 1024, initialJs: 32 * 1024, css: 12 * 1024 },
};

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

initSync();

/** The modules `code` imports statically (`import … from`, `import "…"`, `export … from`); import() loads on demand. */
function staticImports(code: string): string[] {
	try {
		return parseModule(code)[0].flatMap((i) => (i.t === 1 && i.n && /\.m?js$/.test(i.n) ? [i.n] : []));
	} catch {
		return []; // not a module
	}
}

/** The weight of every page, measured as a browser would load it from dist. */
export function measurePages(dist: string, base: string, pages = distPages(dist, base)): PageWeight[] {
	const fileOf = (url: string, from: string) => {
		const u = new URL(url, `http://x${from}`);
		return join(dist, decodeURIComponent(u.pathname).slice(base.length));
	};
	const jsCache = new Map<string, number>();
	const searchIndexScript = join(dist, 'pagefind', 'files.js');
	const weights: PageWeight[] = [];
	for (const page of pages) {
		const { html } = page;
		const all = elements(html);
		// Scripts: module and classic scripts the HTML loads, inline or by src, plus everything they import statically.
		const seen = new Set<string>();
		let js = 0;
		const addFile = (file: string) => {
			if (seen.has(file) || file === searchIndexScript || !existsSync(file)) return;
			seen.add(file);
			const code = readFileSync(file, 'utf8');
			if (!jsCache.has(file)) jsCache.set(file, gz(code));
			js += jsCache.get(file)!;
			for (const imp of staticImports(code)) addFile(imp.startsWith('/') ? fileOf(imp, page.url) : join(file, '..', imp));
		};
		let css = 0;
		for (const el of all) {
			if (el.name === 'script' && !/^application\/(ld\+)?json$/.test(el.attrs.type ?? '')) {
				const src = el.attrs.src;
				if (src !== undefined) addFile(fileOf(src, page.url));
				else {
					js += gz(el.text);
					for (const imp of staticImports(el.text)) addFile(fileOf(imp, page.url));
				}
			} else if (el.name === 'link' && el.attrs.rel === 'stylesheet' && el.attrs.href) {
				const file = fileOf(el.attrs.href, page.url);
				if (existsSync(file)) css += gz(readFileSync(file));
			} else if (el.name === 'style') css += gz(el.text);
		}
		// The article and the quiz, outermost only.
		const parts: { start: number; end: number; text: string }[] = [];
		for (const el of all) {
			const isPart = (el.name === 'article' && 'data-pagefind-body' in el.attrs) || el.name === 'handbook-quiz';
			if (isPart && !(parts.length && el.outer.start < parts.at(-1)!.end)) parts.push({ ...el.outer, text: '' });
		}
		const article = parts.map((p) => html.slice(p.start, p.end)).join('');
		weights.push({ file: page.file, shell: gz(splice(html, parts)), article: parts.length ? gz(article) : 0, js, css });
	}
	return weights;
}

/** Pages past a budget, one line each. Content pages are those with an article; every page counts for JS and CSS. */
export function overBudget(weights: PageWeight[], budgets: Budgets = BUDGETS.web): string[] {
	const out: string[] = [];
	for (const w of weights) {
		if (w.article > 0 && w.shell > budgets.shellHtml) out.push(`${w.file}: HTML（不含正文）${kb(w.shell)} 超过 ${kb(budgets.shellHtml)}`);
		if (w.js > budgets.initialJs) out.push(`${w.file}: 首屏 JavaScript ${kb(w.js)} 超过 ${kb(budgets.initialJs)}`);
		if (w.css > budgets.css) out.push(`${w.file}: CSS ${kb(w.css)} 超过 ${kb(budgets.css)}`);
	}
	return out;
}

/** A short table for the build log: budget, largest page and median per measure. */
export function budgetTable(weights: PageWeight[], budgets: Budgets = BUDGETS.web): string {
	const content = weights.filter((w) => w.article > 0);
	const row = (label: string, list: PageWeight[], pick: (w: PageWeight) => number, budget?: number) => {
		const sorted = [...list].sort((a, b) => pick(a) - pick(b));
		const max = sorted.at(-1);
		const median = sorted[Math.floor(sorted.length / 2)];
		return `  ${label.padEnd(22)} ${(budget ? kb(budget) : '—').padStart(9)} ${max ? kb(pick(max)).padStart(9) : ''} ${median ? kb(pick(median)).padStart(9) : ''}  ${max?.file ?? ''}`;
	};
	return [
		`  ${'项目（gzip）'.padEnd(20)} ${'上限'.padStart(8)} ${'最大'.padStart(8)} ${'中位'.padStart(8)}  最大的页面`,
		row('内容页 HTML（不含正文）', content, (w) => w.shell, budgets.shellHtml),
		row('内容页正文（另计）', content, (w) => w.article),
		row('首屏 JavaScript', weights, (w) => w.js, budgets.initialJs),
		row('CSS', weights, (w) => w.css, budgets.css),
	].join('\n');
}

export function checkBudgets({ root, base, edition }: BuildContext): string {
	const budgets = BUDGETS[edition];
	const weights = measurePages(root, base);
	const over = overBudget(weights, budgets);
	if (over.length > 0) throw new DistError(`${over.length} 处超出大小预算`, over);
	return `大小预算通过：${weights.length} 个页面。页面大小：\n${budgetTable(weights, budgets)}`;
}
