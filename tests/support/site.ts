/** Facts about a built site on disk, and the browser-plus-server fixture the end-to-end tests share. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { distPages } from '../../src/integrations/build/dist';
import { launch } from './browser';
import { serve, type StaticServer } from './static-server';

/** One Chromium and one static server of `dist` for a test file, started before its tests and closed after. */
export function useSite(dist = 'dist', base = '/'): { browser: Browser; server: StaticServer } {
	const site = {} as { browser: Browser; server: StaticServer };
	beforeAll(async () => {
		site.browser = await launch();
		site.server = await serve(dist, base);
	});
	afterAll(async () => {
		await site.browser?.close();
		await site.server?.close();
	});
	return site;
}

/** Every page route of a build (`/`, `/duties/overview/` …): the pages the build's own checks walk, minus 404. */
export function routes(dist: string): string[] {
	return distPages(dist, '/')
		.map((p) => p.url)
		.filter((url) => url.endsWith('/'))
		.sort();
}

/**
 * Visits every route in `tabs` pages of one context at once and returns what `visit` returned, in the order of the
 * routes. A page walk is mostly the browser's renderer at work; with one tab, one of the machine's two cores waits.
 * `open` is called on each new page first (to watch it, say).
 */
export async function walk<T>(
	context: BrowserContext,
	routes: readonly string[],
	visit: (page: Page, route: string) => Promise<T>,
	{ tabs = 2, open = () => {} }: { tabs?: number; open?: (page: Page) => void } = {},
): Promise<T[]> {
	const results: T[] = new Array(routes.length);
	let next = 0;
	const worker = async () => {
		const page = await context.newPage();
		open(page);
		try {
			while (next < routes.length) {
				const i = next++;
				results[i] = await visit(page, routes[i]);
			}
		} catch (e) {
			next = routes.length; // the other tabs stop after their current page
			throw e;
		} finally {
			await page.close();
		}
	};
	const done = await Promise.allSettled(Array.from({ length: Math.min(tabs, routes.length) }, worker));
	const failed = done.find((d) => d.status === 'rejected');
	if (failed) throw failed.reason;
	return results;
}
