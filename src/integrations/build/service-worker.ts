/**
 * Generates the service worker with Workbox after the search index is written, so the precache holds every page,
 * asset and Pagefind file of this edition, each with a revision hash. Navigations are answered from the cache (the
 * 404 page for unknown paths); a new edition installs beside the old one and waits until the reader accepts it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW, type ManifestEntry } from 'workbox-build';
import { pageSections } from '../../lib/sections';
import { type BuildContext, DistError, mb } from './dist';

export interface ServiceWorkerResult {
	count: number;
	size: number;
}

/**
 * What /about/ reads to show how far the offline copy has downloaded: the number of files and bytes in the
 * precache. Written beside sw.js after the precache list is made, so it is not itself in it.
 */
export const OFFLINE_COPY_FILE = 'offline-copy.json';
export interface OfflineCopy {
	files: number;
	bytes: number;
}

/**
 * The order the offline copy downloads in (Workbox fetches its precache in manifest order), so that what a reader
 * needs next arrives first on a slow line: the search engine and index, then the styles and scripts, the start
 * page and the pages of the sections in reading order, everything else last.
 */
export function precacheRank(path: string): number {
	if (path.startsWith('pagefind/')) return /\.(js|json|wasm)$|pf_meta$|wasm\./.test(path.split('/').pop()!) ? 0 : 1;
	if (path.startsWith('_astro/')) return 2;
	if (path === 'index.html' || path.startsWith('start/')) return 3;
	const section = pageSections.indexOf(path.split('/')[0] as (typeof pageSections)[number]);
	if (section >= 0) return 4 + section;
	return 4 + pageSections.length;
}

/** The entries in download order; `prefix` is the site's base path, which their URLs start with. */
export function orderPrecache<T extends ManifestEntry>(entries: T[], prefix = '/'): T[] {
	const path = (url: string) => (url.startsWith(prefix) ? url.slice(prefix.length) : url.replace(/^\/+/, ''));
	return entries
		.map((e, i) => ({ e, i, rank: precacheRank(path(e.url)) }))
		.sort((a, b) => a.rank - b.rank || a.i - b.i)
		.map(({ e }) => e);
}

/** `budget`: the bytes the precache may hold (HANDBOOK_PRECACHE_BUDGET_MB, src/env.ts); no file past it is cached. */
export async function buildServiceWorker(dist: URL | string, base: string, budget: number): Promise<ServiceWorkerResult> {
	const root = typeof dist === 'string' ? dist : fileURLToPath(dist);
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const { count, size, warnings } = await generateSW({
		globDirectory: root,
		globPatterns: ['**/*.{html,css,js,mjs,svg,png,ico,webmanifest,json,wasm}', 'pagefind/**/*'],
		// Pagefind also writes its three ready-made interfaces (about 390 kB); the handbook uses its JS API and
		// builds its own results list, so a reader's offline copy need not download them.
		globIgnores: ['sw.js', 'sw.js.map', '**/*.map', 'pagefind/pagefind-ui.*', 'pagefind/pagefind-modular-ui.*', 'pagefind/pagefind-component-ui.*'],
		swDest: join(root, 'sw.js'),
		manifestTransforms: [async (entries) => ({ manifest: orderPrecache(entries, prefix), warnings: [] })],
		modifyURLPrefix: { '': prefix },
		directoryIndex: 'index.html',
		navigateFallback: `${prefix}404.html`,
		// The search bundle asks for its entry file with ?ts=<edition>; /search/?q= and ?highlight= are the same page.
		ignoreURLParametersMatching: [/^ts$/, /^q$/, /^highlight$/, /^utm_/],
		cleanupOutdatedCaches: true,
		clientsClaim: true,
		skipWaiting: false,
		inlineWorkboxRuntime: true,
		sourcemap: false,
		mode: 'production',
		maximumFileSizeToCacheInBytes: Math.max(budget, 8 * 1024 * 1024),
		cacheId: 'deputy-handbook',
	});
	if (warnings.length > 0) throw new DistError('Workbox 有警告', warnings);
	writeFileSync(join(root, OFFLINE_COPY_FILE), JSON.stringify({ files: count, bytes: size } satisfies OfflineCopy));
	return { count, size };
}

/** Web edition: the service worker, and the precache budget. */
export async function serviceWorker({ root, base, precacheBudget }: BuildContext): Promise<string> {
	const sw = await buildServiceWorker(root, base, precacheBudget);
	if (sw.size > precacheBudget) {
		throw new DistError('离线缓存超过上限', [`${sw.count} 个文件共 ${mb(sw.size)}，上限 ${mb(precacheBudget)}：请精简内容或资源`]);
	}
	return `离线缓存：${sw.count} 个文件，共 ${mb(sw.size)}（上限 ${mb(precacheBudget)}）`;
}
