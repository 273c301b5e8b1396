/**
 * Pagefind in the online edition, through its public JS API (pagefind.app/docs/api): the module is imported from
 * this edition's bundle the first time a search box needs it and configured with the handbook's search settings.
 * One engine per page, shared by the header dialog and /search/.
 */
import type { PagefindApi } from '../lib/search-results';
import { EXCERPT_WORDS, HIGHLIGHT_PARAM, RANKING } from '../lib/search-settings';

interface PagefindModule extends PagefindApi {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
}

let loading: Promise<PagefindApi> | undefined;

export function onlineEngine(base: string, bundle: string, edition: string): Promise<PagefindApi> {
	loading ??= (async () => {
		const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindModule;
		await pagefind.options({
			baseUrl: base,
			excerptLength: EXCERPT_WORDS,
			ranking: RANKING,
			highlightParam: HIGHLIGHT_PARAM,
			// A fixed tag per edition (instead of Pagefind's per-request timestamp) lets the offline cache answer the request.
			metaCacheTag: edition,
		});
		// Loads the index entry, the language's metadata and the WebAssembly now, not at the first keystroke.
		await pagefind.init();
		return pagefind;
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}

/** A result link: Pagefind's address (with the highlight parameter), its anchor encoded as the browser writes it. */
export function onlineLink(url: string): string {
	const u = new URL(url, location.origin);
	return `${u.pathname}${u.search}${u.hash}`;
}

