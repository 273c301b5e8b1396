/**
 * Builds the Pagefind index inside `astro build` through Pagefind's Node API: every page's
 * `data-pagefind-body` is indexed, everything else (navigation, quiz answers) is not.
 */
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export interface IndexResult {
	pages: number;
}

export async function buildSearchIndex(dist: URL | string): Promise<IndexResult> {
	const root = typeof dist === 'string' ? dist : fileURLToPath(dist);
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
	if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
	try {
		const added = await index.addDirectory({ path: root });
		if (added.errors.length > 0) throw new Error(`Pagefind 索引出错：${added.errors.join('; ')}`);
		const written = await index.writeFiles({ outputPath: `${root.replace(/\/$/, '')}/pagefind` });
		if (written.errors.length > 0) throw new Error(`Pagefind 写文件出错：${written.errors.join('; ')}`);
		return { pages: added.page_count };
	} finally {
		await pagefind.close();
	}
}
