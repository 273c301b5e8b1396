/**
 * Turns Pagefind's index files of a built site into the offline edition's search index (src/lib/offline-search.ts):
 * the same pages, words, weights and headings, as plain data a `<script>` can carry. Pagefind's files are gzip
 * with a signature, then CBOR (pf_meta: pages and chunk list; pf_index: words and postings) or JSON
 * (pf_fragment: a page's address, text, meta and headings). Layouts are those of the pinned Pagefind 1.6.0; any
 * other shape stops the build with the file that did not fit.
 */
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import type { EncodedWord, OfflineIndex, OfflinePage } from '../lib/offline-search';

const SIGNATURE = 'pagefind_dcd';

export class PagefindFormatError extends Error {
	constructor(file: string, what: string) {
		super(`无法读取 Pagefind 索引文件 ${file}：${what}（离线版搜索按 Pagefind 1.6 的格式读取）`);
		this.name = 'PagefindFormatError';
	}
}

function unpack(file: { path: string; content: Uint8Array }): Buffer {
	let bytes: Buffer;
	try {
		bytes = gunzipSync(file.content);
	} catch (e) {
		throw new PagefindFormatError(file.path, `无法解压（${(e as Error).message}）`);
	}
	if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new PagefindFormatError(file.path, '缺少文件标记');
	return bytes.subarray(SIGNATURE.length);
}

function cbor(file: { path: string; content: Uint8Array }): unknown {
	try {
		return decode(unpack(file));
	} catch (e) {
		if (e instanceof PagefindFormatError) throw e;
		throw new PagefindFormatError(file.path, `CBOR 解码失败（${(e as Error).message}）`);
	}
}

const isArray = Array.isArray;

interface Fragment {
	url: string;
	content: string;
	word_count: number;
	meta: Record<string, string>;
	anchors: { element: string; id: string; text?: string; location: number }[];
}

export function offlineIndex(files: { path: string; content: Uint8Array }[]): OfflineIndex {
	const byName = new Map(files.map((f) => [f.path.split('/').pop()!, f]));
	const metaFile = files.find((f) => f.path.endsWith('.pf_meta'));
	if (!metaFile) throw new PagefindFormatError('pagefind.*.pf_meta', '没有找到');
	const meta = cbor(metaFile);
	if (!isArray(meta)) throw new PagefindFormatError(metaFile.path, '结构不符');
	const [version, pages, chunks, , , metaFields] = meta as [string, [string, number][], [string, string, string][], unknown, unknown, string[]?];
	if (typeof version !== 'string' || !isArray(pages) || !isArray(chunks)) throw new PagefindFormatError(metaFile.path, '结构不符');
	// The offline ranking copies Pagefind 1.6's; another version may rank differently even if its files still read.
	if (!version.startsWith('1.6.')) {
		throw new PagefindFormatError(metaFile.path, `索引由 Pagefind ${version} 生成；升级 Pagefind 时请同时核对 src/lib/offline-search.ts 的排序，并运行端到端的一致率测试`);
	}

	const offlinePages: OfflinePage[] = pages.map(([hash, words]) => {
		const file = byName.get(`${hash}.pf_fragment`);
		if (!file) throw new PagefindFormatError(`fragment/${hash}.pf_fragment`, '没有找到');
		let fragment: Fragment;
		try {
			fragment = JSON.parse(unpack(file).toString('utf8')) as Fragment;
		} catch (e) {
			if (e instanceof PagefindFormatError) throw e;
			throw new PagefindFormatError(file.path, `JSON 解析失败（${(e as Error).message}）`);
		}
		if (typeof fragment.content !== 'string' || !isArray(fragment.anchors)) throw new PagefindFormatError(file.path, '结构不符');
		return {
			url: fragment.url,
			words,
			title: fragment.meta.title ?? '',
			section: fragment.meta.section ?? '',
			content: fragment.content,
			anchors: fragment.anchors
				.filter((a) => /^h[1-6]$/i.test(a.element) && a.id && a.text)
				.map((a) => [a.id, a.text!, a.location] as [string, string, number]),
		};
	});

	const offlineChunks: OfflineIndex['chunks'] = chunks.map(([from, to, hash]) => {
		const file = byName.get(`${hash}.pf_index`);
		if (!file) throw new PagefindFormatError(`index/${hash}.pf_index`, '没有找到');
		const decoded = cbor(file);
		const entries = (isArray(decoded) ? decoded[0] : undefined) as [string, EncodedWord[0], EncodedWord[1]?][] | undefined;
		if (!isArray(entries)) throw new PagefindFormatError(file.path, '结构不符');
		const words: [string, EncodedWord][] = [];
		for (const [word, postings, variants] of entries) {
			if (typeof word !== 'string' || !isArray(postings)) throw new PagefindFormatError(file.path, `词条结构不符：${String(word)}`);
			// Empty trailing lists (no meta locations, no variants) are left out: most words have none.
			const trimmed = postings.map(([page, locs, metaLocs]) => (metaLocs?.length ? [page, locs, metaLocs] : [page, locs])) as EncodedWord[0];
			words.push([word, variants?.length ? [trimmed, variants] : [trimmed]]);
		}
		return [from, to, words];
	});

	return { pagefind: version, metaFields: metaFields ?? [], pages: offlinePages, chunks: offlineChunks };
}
