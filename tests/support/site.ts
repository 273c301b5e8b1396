/** Facts about a built site on disk, and the browser-plus-server fixture the end-to-end tests share. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
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

/** Every page route of a build (`/`, `/duties/overview/` …), from its index.html files. */
export function routes(dist: string): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) {
				if (name !== '_astro' && name !== 'pagefind') walk(path);
			} else if (name === 'index.html') {
				const rel = relative(dist, dir).split('\\').join('/');
				out.push(rel ? `/${rel}/` : '/');
			}
		}
	};
	walk(dist);
	return out.sort();
}
