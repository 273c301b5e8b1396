/**
 * Loads Pagefind's Component UI when it is first needed and configures it for this handbook: Chinese labels,
 * the site's base path, and the search bundle of this edition. Shared by the header dialog and /search/.
 */

import { EXCERPT_WORDS, RANKING, searchQuestion } from './query';

interface PagefindResult {
	id: string;
	score: number;
}
interface PagefindSearch {
	results: PagefindResult[];
	unfilteredResultCount?: number;
}
interface PagefindApi {
	search(term: string | null, options?: object): Promise<PagefindSearch>;
	options(options: object): Promise<void>;
	__handbookQueries__?: boolean;
}
interface PagefindInstance {
	triggerSearch(term: string): void;
	on(event: 'search', cb: (term: string) => void): void;
	searchTerm?: string;
	__load__(): Promise<void>;
	__pagefind__: PagefindApi | null;
}
declare global {
	interface Window {
		PagefindComponents?: { getInstanceManager(): { getInstance(name: string): PagefindInstance } };
	}
}

let loading: Promise<void> | undefined;

function load(bundle: string): Promise<void> {
	loading ??= new Promise<void>((resolve, reject) => {
		const css = document.createElement('link');
		css.rel = 'stylesheet';
		css.href = `${bundle}pagefind-component-ui.css`;
		document.head.append(css);
		const script = document.createElement('script');
		script.src = `${bundle}pagefind-component-ui.js`;
		script.onload = () => resolve();
		script.onerror = () => {
			loading = undefined;
			reject(new Error('搜索组件加载失败'));
		};
		document.head.append(script);
	});
	return loading;
}

/** The `<pagefind-config>` element that points the UI at this edition's index. */
export function configElement(base: string, bundle: string, edition: string): HTMLElement {
	const config = document.createElement('pagefind-config');
	config.setAttribute('bundle-path', bundle);
	config.setAttribute('base-url', base);
	config.setAttribute('lang', 'zh-cn');
	config.setAttribute('highlight-param', 'highlight');
	config.setAttribute('excerpt-length', String(EXCERPT_WORDS));
	// A fixed tag per edition (instead of Pagefind's per-request timestamp) lets the offline cache answer the request.
	config.setAttribute('meta-cache-tag', edition);
	return config;
}

export async function ensureSearchUI(bundle: string): Promise<void> {
	await load(bundle);
}

export function instance(): PagefindInstance | undefined {
	return window.PagefindComponents?.getInstanceManager().getInstance('default');
}

/**
 * Teaches the UI's Pagefind instance to read questions: the typed query is reduced to its meaningful words
 * (src/lib/query.ts); if fewer than five pages contain all of them, pages containing some of them follow.
 * Uses the Component UI's loaded Pagefind instance (pinned Pagefind 1.6.0).
 */
export async function prepareQueries(ui: PagefindInstance): Promise<void> {
	await ui.__load__();
	const pf = ui.__pagefind__;
	if (!pf || pf.__handbookQueries__) return;
	await pf.options({ ranking: RANKING });
	const search = pf.search.bind(pf);
	pf.search = async (term, options) => {
		if (term === null || term.trim() === '') return search(term, options);
		let first: PagefindSearch | undefined;
		const results = await searchQuestion(term, async (query) => {
			const found = await search(query, options);
			first ??= found;
			return found.results;
		});
		return results === first!.results ? first! : { ...first!, results, unfilteredResultCount: results.length };
	};
	pf.__handbookQueries__ = true;
}

/**
 * Puts the search UI's and the engine's files in the browser's cache without running them (a reader who only reads
 * pays the download once, but no parsing or WebAssembly compilation on every page).
 */
export function prefetchSearch(bundle: string): void {
	// Once the offline copy controls the page, these files are in it already.
	if (navigator.serviceWorker?.controller || document.querySelector('link[data-search-prefetch]')) return;
	for (const file of ['pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind']) {
		const link = document.createElement('link');
		link.rel = 'prefetch';
		link.href = `${bundle}${file}`;
		link.dataset.searchPrefetch = '';
		document.head.append(link);
	}
}

type SearchModal = HTMLElement & { open(): void };
let preparing: Promise<SearchModal | undefined> | undefined;

/**
 * Gets the search dialog ready without showing it: the Component UI's files, its (closed) dialog, and Pagefind's
 * engine with this edition's index entry. Called when the reader is about to search (the pointer, a finger or the
 * keyboard focus reaches the search button), so that the click opens a box that answers at once.
 * Resolves to undefined when the UI cannot load (the caller falls back to the /search/ page).
 */
export function prepareSearch(base: string, bundle: string, edition: string): Promise<SearchModal | undefined> {
	preparing ??= (async () => {
		document.body.append(configElement(base, bundle, edition));
		const modal = document.createElement('pagefind-modal') as SearchModal;
		document.body.append(modal);
		try {
			await ensureSearchUI(bundle);
		} catch {
			modal.remove();
			preparing = undefined;
			return undefined;
		}
		await customElements.whenDefined('pagefind-modal');
		const ui = instance();
		if (ui) await prepareQueries(ui);
		return modal;
	})();
	return preparing;
}

/** Opens the search dialog, preparing it first if that has not happened yet. */
export async function openSearch(base: string, bundle: string, edition: string): Promise<void> {
	const modal = await prepareSearch(base, bundle, edition);
	if (!modal) {
		window.location.href = `${base}search/`;
		return;
	}
	modal.open();
}
