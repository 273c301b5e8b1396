/** What every build step shares: the built folder, its pages, and the one way a step reports a problem. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Edition } from '../../env';

/** A failed step or check of the built site, with one line per page and cause. */
export class DistError extends Error {
	constructor(title: string, lines: string[]) {
		super(`构建检查未通过：${title}\n${lines.map((l) => `  ✗ ${l}`).join('\n')}`);
		this.name = 'DistError';
	}
}

export interface BuildContext {
	/** The built site's folder. */
	root: string;
	/** The path the site is served under (`/` for the file edition). */
	base: string;
	edition: Edition;
	/** Bytes the service worker's precache may hold (web edition). */
	precacheBudget: number;
}

/**
 * One step after Astro has written the pages. It reads and writes the folder, throws `DistError` on a problem,
 * and returns a line for the build log (more lines may follow it).
 */
export type Step = (build: BuildContext) => Promise<string> | string;

/** Every file under `dir` (relative, with `/`), in the order of a walk that visits each folder's names sorted. */
export function filesUnder(dir: string): string[] {
	const files = readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
	const segments = new Map(files.map((f) => [f, f.split('/')]));
	return files.sort((a, b) => {
		const [x, y] = [segments.get(a)!, segments.get(b)!];
		for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
		return x.length - y.length;
	});
}

export interface DistPage {
	/** Path of the HTML file relative to dist. */
	file: string;
	/** The address the page is served at, base included (`/handbook/duties/overview/`). */
	url: string;
	html: string;
}

/** Every HTML page of the build except the search bundle's and Astro's asset folders. */
export function distPages(dist: string, base: string): DistPage[] {
	return filesUnder(dist)
		.filter((file) => file.endsWith('.html') && !/^(pagefind|_astro)\//.test(file))
		.map((file) => ({
			file,
			url: base + (file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file),
			html: readFileSync(join(dist, file), 'utf8'),
		}))
		.sort((a, b) => a.url.localeCompare(b.url));
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
