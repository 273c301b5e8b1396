/**
 * Pagefind for the offline edition opened from file://. Browsers refuse module scripts and fetch() of local
 * files there, but run classic scripts and compile WebAssembly from bytes in memory. So the edition gets
 * Pagefind's own files as two classic scripts:
 *   - `pagefind/files.js`: the index files Pagefind's script asks for (entry, meta, WebAssembly, index chunks,
 *     fragments, filters), as Pagefind wrote them, base64-encoded;
 *   - `pagefind/pagefind.js`: Pagefind's own pagefind.js, bundled into a classic script on the global
 *     `HandbookPagefind`, its `fetch` answered from those files (src/lib/pagefind-files.ts).
 * The page then searches with the engine, ranking and excerpts of the online edition (src/lib/offline-search.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { FILES_GLOBAL } from '../../lib/pagefind-files.ts';
import { type BuildContext, DistError, mb } from './dist';
import { searchIndexFiles } from './search-index';

/** The global name of Pagefind's search API in the offline edition. */
export const PAGEFIND_GLOBAL = 'HandbookPagefind';

/** Pagefind's files that its script fetches while searching (not its UI, highlighter or worker scripts). */
const INDEX_FILE = /^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|wasm\.[^/]+\.pagefind|(index|fragment|filter)\/[^/]+)$/;

/** The two scripts, from the files Pagefind made for the built pages (`searchIndexFiles`). */
export async function packPagefind(files: { path: string; content: Uint8Array }[]): Promise<{ 'pagefind.js': string; 'files.js': string }> {
	const script = files.find((f) => f.path === 'pagefind.js');
	const index = files.filter((f) => INDEX_FILE.test(f.path));
	const present = {
		'pagefind.js': script,
		'pagefind-entry.json': index.some((f) => f.path === 'pagefind-entry.json'),
		'pagefind.*.pf_meta': index.some((f) => f.path.endsWith('.pf_meta')),
		'wasm.*.pagefind': index.some((f) => f.path.endsWith('.pagefind')),
	};
	const missing = Object.entries(present).flatMap(([name, found]) => (found ? [] : [`Pagefind 的输出里没有 ${name}`]));
	if (missing.length > 0) throw new DistError('离线版搜索无法打包 Pagefind 的文件', missing);
	const bundled = await build({
		stdin: { contents: new TextDecoder().decode(script!.content), loader: 'js', sourcefile: 'pagefind.js' },
		bundle: true,
		format: 'iife',
		globalName: PAGEFIND_GLOBAL,
		inject: [fileURLToPath(new URL('../../lib/pagefind-files.ts', import.meta.url))],
		// Pagefind finds its files from its own address when no basePath is given; the edition always gives one.
		define: { 'import.meta.url': 'undefined' },
		minify: true,
		target: 'es2022',
		write: false,
		logLevel: 'silent',
	});
	const data = Object.fromEntries(index.map((f) => [f.path, Buffer.from(f.content).toString('base64')]));
	return {
		'pagefind.js': bundled.outputFiles[0].text,
		'files.js': `globalThis.${FILES_GLOBAL}=${JSON.stringify(data)};\n`,
	};
}

/** File edition: the pages indexed as the web edition indexes them, and the two scripts written to pagefind/. */
export async function pagefindPack({ root }: BuildContext): Promise<string> {
	const pack = await packPagefind(await searchIndexFiles(root));
	mkdirSync(join(root, 'pagefind'), { recursive: true });
	for (const [name, text] of Object.entries(pack)) writeFileSync(join(root, 'pagefind', name), text);
	return `搜索：Pagefind（脚本 ${mb(Buffer.byteLength(pack['pagefind.js']))}，索引文件 ${mb(Buffer.byteLength(pack['files.js']))}）`;
}
