/**
 * Builds the Pagefind index through Pagefind's Node API: every page's `data-pagefind-body` is indexed, everything
 * else (navigation, quiz answers) is not. The online edition writes the files next to the site; the file://
 * edition takes them in memory and packs them into plain scripts (see pagefind-pack.ts). Both use these settings, so
 * both editions search the same words with the same weights.
 */
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { SEARCH_LANGUAGE } from '../../lib/search-settings.ts';
import { type BuildContext, DistError, type Step } from './dist';

export interface IndexResult {
	pages: number;
}

async function withIndex<T>(
	dist: URL | string,
	use: (index: pagefind.PagefindIndex, root: string, pages: number) => Promise<T>,
	meanwhile: () => Promise<unknown> = async () => {},
): Promise<T> {
	const root = typeof dist === 'string' ? dist : fileURLToPath(dist);
	const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
	if (!index) throw new DistError('Pagefind 无法启动', errors);
	try {
		// The request goes to Pagefind's own process at once; it indexes there while `meanwhile` runs here.
		const adding = index.addDirectory({ path: root });
		adding.catch(() => {}); // awaited below; a failure of `meanwhile` must not leave it unhandled
		await meanwhile();
		const added = await adding;
		if (added.errors.length > 0) throw new DistError('Pagefind 索引出错', added.errors);
		return await use(index, root, added.page_count);
	} finally {
		await pagefind.close();
	}
}

/** Indexes the built site and writes the index to `pagefind/` inside it, running `meanwhile` while Pagefind indexes. */
export function buildSearchIndex(dist: URL | string, meanwhile?: () => Promise<unknown>): Promise<IndexResult> {
	return withIndex(
		dist,
		async (index, root, pages) => {
			const written = await index.writeFiles({ outputPath: `${root.replace(/\/$/, '')}/pagefind` });
			if (written.errors.length > 0) throw new DistError('Pagefind 写文件出错', written.errors);
			return { pages };
		},
		meanwhile,
	);
}

/** Indexes the built site and returns the index files (path relative to the bundle, bytes) without writing them. */
export function searchIndexFiles(dist: URL | string): Promise<{ path: string; content: Uint8Array }[]> {
	return withIndex(dist, async (index) => {
		const { files, errors } = await index.getFiles();
		if (errors.length > 0) throw new DistError('Pagefind 读取索引出错', errors);
		return files;
	});
}

/**
 * Web edition: the search index next to the pages, with `beside` (steps that need no index, such as the checks of
 * the pages) run in this process while Pagefind indexes in its own, so the build waits for the longer of the two
 * rather than for both. Each step beside it gets its own line and time in the log.
 */
export function searchIndexBeside(...beside: Step[]): Step {
	const searchIndex = async (build: BuildContext) => {
		const lines: string[] = [];
		const { pages } = await buildSearchIndex(build.root, async () => {
			for (const step of beside) {
				const started = Date.now();
				const [first, ...rest] = (await step(build)).split('\n');
				lines.push(`${first}（${step.name}，${Date.now() - started} ms，与建索引同时）`, ...rest);
			}
		});
		return [`搜索索引：${pages} 个页面`, ...lines].join('\n');
	};
	return searchIndex;
}
