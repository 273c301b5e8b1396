/**
 * The `fetch` that Pagefind's own script uses in the offline edition (opened from file://, where browsers refuse
 * fetch() of local files). The build injects it into that script in place of the browser's fetch
 * (src/integrations/build/pagefind-pack.ts); nothing else on the page sees it. Requests under the index path are
 * answered with the index files that `pagefind/files.js`, a plain script, put on the page; every other request
 * goes to the browser's own fetch.
 */

/** Where Pagefind is told its files are (its `basePath`); the path only names them, nothing is loaded from it. */
export const INDEX_PATH = '/pagefind/';

/** The global that `pagefind/files.js` sets: Pagefind's files by their path in its bundle, base64-encoded. */
export const FILES_GLOBAL = 'HANDBOOK_PAGEFIND_FILES';

declare global {
	var HANDBOOK_PAGEFIND_FILES: Record<string, string> | undefined;
}

function bytes(base64: string): Uint8Array<ArrayBuffer> {
	const binary = atob(base64);
	const out = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
	return out;
}

export function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
	const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
	if (!url.startsWith(INDEX_PATH)) return globalThis.fetch(input, init);
	// Pagefind adds a cache-busting query to its entry file; a server would ignore it too.
	const path = url.slice(INDEX_PATH.length).split(/[?#]/)[0];
	const files = globalThis[FILES_GLOBAL];
	const file = files && Object.hasOwn(files, path) ? files[path] : undefined;
	if (file === undefined) return Promise.resolve(new Response(null, { status: 404, statusText: 'Not Found' }));
	return Promise.resolve(new Response(bytes(file)));
}
