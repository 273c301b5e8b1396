/** Facts about a built site on disk: its routes, for tests that visit every page. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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
