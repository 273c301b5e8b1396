/**
 * Generates the service worker with Workbox after the search index is written, so the precache holds every page,
 * asset and Pagefind file of this edition, each with a revision hash. Navigations are answered from the cache (the
 * 404 page for unknown paths); a new edition installs beside the old one and waits until the reader accepts it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { type BuildContext, DistError, mb } from './dist';

export interface ServiceWorkerResult {
	count: number;
	size: number;
}

/** `budget`: the bytes the precache may hold (HANDBOOK_PRECACHE_BUDGET_MB, src/env.ts); no file past it is cached. */
export async function buildServiceWorker(dist: URL | string, base: string, budget: number): Promise<ServiceWorkerResult> {
	const root = typeof dist === 'string' ? dist : fileURLToPath(dist);
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const { count, size, warnings } = await generateSW({
		globDirectory: root,
		globPatterns: ['**/*.{html,css,js,mjs,svg,png,ico,webmanifest,json,wasm}', 'pagefind/**/*'],
		globIgnores: ['sw.js', 'sw.js.map', '**/*.map'],
		swDest: join(root, 'sw.js'),
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
