/**
 * The offline edition's search page (`<handbook-offline-search>`): the online page's box and results
 * (search-page.ts) on Pagefind from the plain scripts pagefind/files.js and pagefind/pagefind.js put on the page.
 */
import { PAGEFIND_OPTIONS } from '../lib/offline-search';
import type { PagefindApi } from '../lib/search-results';
import { HIGHLIGHT_PARAM } from '../lib/search-settings';
import { mount } from './search-view';

declare global {
	interface Window {
		HandbookPagefind?: { createInstance(options: typeof PAGEFIND_OPTIONS): PagefindApi };
	}
}

class HandbookOfflineSearch extends HTMLElement {
	#pagefind?: PagefindApi;

	connectedCallback() {
		if (!window.HandbookPagefind) {
			this.querySelector('[data-summary]')!.textContent = '搜索没有加载，请确认手册文件夹里的 pagefind 文件夹完整。';
			return;
		}
		const base = new URL('..', location.href);
		const view = mount(this, {
			engine: async () => (this.#pagefind ??= window.HandbookPagefind!.createInstance(PAGEFIND_OPTIONS)),
			// Pages are folders with an index.html in the unzipped handbook.
			link: (url, typed) => {
				const [path, hash] = url.split('#');
				const u = new URL(`${path.replace(/^\//, '')}index.html`, base);
				u.searchParams.set(HIGHLIGHT_PARAM, typed);
				return `${u.href}${hash ? `#${encodeURIComponent(hash)}` : ''}`;
			},
			failure: '这个浏览器无法运行手册的搜索。可以从首页按栏目浏览，或查术语表。',
		});
		void view.showFilters().catch(() => undefined);
	}
}

customElements.define('handbook-offline-search', HandbookOfflineSearch);
