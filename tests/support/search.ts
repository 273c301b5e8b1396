/** Runs searches through the site's own Pagefind bundle inside a real page, the way the search UI does. */
import type { Page } from 'playwright-core';

export interface SearchHit {
	/** Path without the hash, e.g. /duties/guarantees/. */
	page: string;
	url: string;
	title: string;
}

// Written as a string so the test runner does not rewrite its dynamic import() for Node.
const RUN = `async ({ bundle, queries, limit }) => {
	const pf = await import(bundle + 'pagefind.js');
	await pf.options({ excerptLength: 20 });
	await pf.init();
	const out = [];
	for (const q of queries) {
		const res = await pf.search(q);
		const data = await Promise.all(res.results.slice(0, limit).map((r) => r.data()));
		out.push(data.map((d) => ({ url: d.url, page: d.url.split('#')[0], title: d.meta.title ?? '' })));
	}
	return out;
}`;

/** Top `limit` results for each query, as Pagefind returns them in the browser (its own query segmentation). */
export async function searchAll(page: Page, bundle: string, queries: string[], limit = 5): Promise<SearchHit[][]> {
	return page.evaluate(`(${RUN})(${JSON.stringify({ bundle, queries, limit })})`) as Promise<SearchHit[][]>;
}
