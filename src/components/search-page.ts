/**
 * The search pages: /search/ online (`<handbook-search-page>`, here) and in the offline edition
 * (search-page-offline.ts). Both are a form that works without JavaScript; with it the box searches as the reader
 * types (search-view.ts), reads `?q=` so a search can be linked and bookmarked, and keeps the address in step.
 * Online, the box and its engine load as soon as the page has started, but not as part of its first screen (the
 * form is that), as the header's dialog does: by dynamic import().
 */

class HandbookSearchPage extends HTMLElement {
	async connectedCallback() {
		const { base, bundle, edition } = this.dataset as { base: string; bundle: string; edition: string };
		const [{ onlineEngine, onlineLink }, { mount }] = await Promise.all([import('./search-online'), import('./search-view')]);
		const view = mount(this, {
			engine: () => onlineEngine(base, bundle, edition),
			link: onlineLink,
			failure: '搜索没有加载。可以从首页按栏目浏览，或查术语表。',
		});
		await view.showFilters().catch(() => undefined);
	}
}

customElements.define('handbook-search-page', HandbookSearchPage);
