/** The `fetch` that Pagefind's script uses in the offline edition: index files from the page, the rest untouched. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FILES_GLOBAL, fetch, INDEX_PATH } from '../../src/lib/pagefind-files';

const files = { 'pagefind-entry.json': Buffer.from('{"version":"1.6.0"}').toString('base64'), 'index/a.pf_index': Buffer.from([0, 1, 2, 255]).toString('base64') };

afterEach(() => {
	globalThis[FILES_GLOBAL] = undefined;
	vi.unstubAllGlobals();
});

describe('fetch for Pagefind in the offline edition', () => {
	it('answers requests under the index path with the packed file’s bytes, whatever the query', async () => {
		globalThis[FILES_GLOBAL] = files;
		const entry = await fetch(`${INDEX_PATH}pagefind-entry.json?ts=1764580000`);
		expect(entry.ok).toBe(true);
		expect(await entry.json()).toEqual({ version: '1.6.0' });
		const chunk = await fetch(`${INDEX_PATH}index/a.pf_index`);
		expect([...new Uint8Array(await chunk.arrayBuffer())]).toEqual([0, 1, 2, 255]);
	});

	it('answers 404 for a file the edition does not have, names of object properties included', async () => {
		globalThis[FILES_GLOBAL] = files;
		for (const name of ['index/b.pf_index', '__proto__', 'constructor', 'toString']) {
			const r = await fetch(`${INDEX_PATH}${name}`);
			expect(r.status, name).toBe(404);
		}
		globalThis[FILES_GLOBAL] = undefined;
		expect((await fetch(`${INDEX_PATH}pagefind-entry.json`)).status).toBe(404);
	});

	it('passes every other request to the browser’s fetch', async () => {
		const browserFetch = vi.fn(async () => new Response('page'));
		vi.stubGlobal('fetch', browserFetch);
		globalThis[FILES_GLOBAL] = files;
		const r = await fetch('/duties/overview/', { method: 'GET' });
		expect(await r.text()).toBe('page');
		expect(browserFetch).toHaveBeenCalledWith('/duties/overview/', { method: 'GET' });
	});
});
