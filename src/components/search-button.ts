/**
 * The header's search button (`<handbook-search>`). Without JavaScript it is a link to /search/. With it, a click,
 * `/` or Ctrl+K opens the search dialog (search-dialog.ts). Once the page has loaded and is idle (unless the reader
 * asked the browser to save data), the dialog's code and the engine's files are fetched into the cache; the
 * pointer, a finger or the keyboard focus on the button then starts the engine. A click opens the box at once; it
 * answers as soon as the engine is ready. Nothing of it is part of the page's own load: the dialog and the engine come by dynamic import().
 */

type Dialog = typeof import('./search-dialog');
let dialog: Promise<Dialog> | undefined;
// A failed load (a lost connection) is tried again on the next use.
const loadDialog = () =>
	(dialog ??= import('./search-dialog').catch((e: unknown) => {
		dialog = undefined;
		throw e;
	}));

/**
 * Puts the engine's files in the browser's cache without running them (a reader who only reads pays the download
 * once, but no WebAssembly compilation on every page). Pagefind's script is a module, which the browser caches
 * for import() only when it is preloaded as one.
 */
function prefetchEngine(bundle: string): void {
	// Once the offline copy controls the page, these files are in it already.
	if (navigator.serviceWorker?.controller || document.querySelector('link[data-search-prefetch]')) return;
	for (const [file, rel] of [
		['pagefind.js', 'modulepreload'],
		['pagefind-worker.js', 'prefetch'],
		['wasm.unknown.pagefind', 'prefetch'],
	]) {
		const link = document.createElement('link');
		link.rel = rel;
		link.href = `${bundle}${file}`;
		link.dataset.searchPrefetch = '';
		document.head.append(link);
	}
}

/** After the load event, when the main thread is idle (a timeout for browsers without requestIdleCallback). */
function whenIdle(run: () => void) {
	const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 1500));
	if (document.readyState === 'complete') idle();
	else addEventListener('load', idle, { once: true });
}

class HandbookSearch extends HTMLElement {
	connectedCallback() {
		const link = this.querySelector('a')!;
		const { base, bundle, edition, mode } = this.dataset as { base: string; bundle: string; edition: string; mode: string };
		// The offline (file://) edition has no search dialog: the shortcuts open its search page.
		const open = () =>
			mode === 'page'
				? window.location.assign(link.href)
				: loadDialog().then(
						(d) => d.openSearch(base, bundle, edition),
						() => window.location.assign(link.href),
					);
		// The /search/ page has its own search box: no dialog there.
		if (mode !== 'page' && !document.querySelector('handbook-search-page')) {
			const warm = () => void loadDialog().then((d) => d.prepareSearch(base, bundle, edition), () => undefined);
			for (const type of ['pointerenter', 'touchstart', 'focus']) link.addEventListener(type, warm, { once: true, passive: true });
			const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;
			if (!saveData)
				whenIdle(() => {
					prefetchEngine(bundle);
					void loadDialog().catch(() => undefined); // the dialog's own code (a few kB), not the engine
				});
		}
		link.addEventListener('click', (e) => {
			if (mode === 'page') return;
			if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return; // let “open in new tab” work
			e.preventDefault();
			void open();
		});
		document.addEventListener('keydown', (e) => {
			const t = e.target as HTMLElement;
			const typing = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
			if ((e.key === '/' && !typing && !e.ctrlKey && !e.metaKey) || (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey))) {
				e.preventDefault();
				void open();
			}
		});
	}
}
customElements.define('handbook-search', HandbookSearch);
