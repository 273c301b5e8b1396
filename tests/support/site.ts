/** Facts about a built site on disk, and the browser-plus-server fixture the end-to-end tests share. */
import type { Browser } from 'playwright-core';
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
