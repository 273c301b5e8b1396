/**
 * The file edition's own steps: browsers refuse module scripts from file://, and Firefox gives every local file a
 * storage of its own. So each page's module scripts become one classic script, the progress store gets a page of
 * its own, and the folder is zipped for the USB stick.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { type BuildContext, DistError, distPages, filesUnder, mb } from './dist';
import { elements, splice } from './html';

/** How esbuild writes a classic script for file://: one self-contained, minified function, kept in memory. */
const CLASSIC = { bundle: true, format: 'iife', minify: true, write: false, target: 'es2022', logLevel: 'silent' } as const;

/** The folder's name inside the zip. */
export const ZIP_FOLDER = '代表履职学习手册';
/** The zip, next to the built folder (dist-offline/handbook → dist-offline/handbook-offline.zip). */
export const ZIP_NAME = 'handbook-offline.zip';
/** The site itself is about 2 MB zipped; the PDF books (pdf.ts, each within its own budget) about 17 MB more. */
export const ZIP_BUDGET = 32 * 1024 * 1024;

/**
 * Each page's module scripts (inline or by src, and all they import, dynamic imports included) bundled into one
 * classic script in `_offline/`, loaded with `defer` where the first of them was. Pages with the same scripts
 * share a bundle.
 */
export async function classicScripts({ root, base }: BuildContext): Promise<string> {
	const bundles = new Map<string, string>();
	for (const page of distPages(root, base)) {
		const modules = elements(page.html).filter((el) => el.name === 'script' && el.attrs.type === 'module');
		if (modules.length === 0) continue;
		const key = createHash('sha256')
			.update(modules.map((m) => m.attrs.src ?? m.text).join('\0'))
			.digest('hex')
			.slice(0, 12);
		if (!bundles.has(key)) {
			const entry = modules.map((m, i) => `import ${JSON.stringify(m.attrs.src ?? `virtual:inline-${i}`)};`).join('\n');
			const result = await build({
				stdin: { contents: entry, resolveDir: root, loader: 'js' },
				...CLASSIC,
				plugins: [
					{
						name: 'site-paths',
						setup(b) {
							b.onResolve({ filter: /^virtual:inline-\d+$/ }, (a) => ({ path: a.path, namespace: 'inline' }));
							b.onLoad({ filter: /.*/, namespace: 'inline' }, (a) => ({
								contents: modules[Number(a.path.split('-').pop())].text,
								loader: 'js',
								resolveDir: root,
							}));
							b.onResolve({ filter: /^\// }, (a) => ({ path: join(root, a.path.slice(base.length)) }));
							// Vite's preload helper adds <link rel=modulepreload> for lazy chunks, resolved against
							// import.meta.url; in one classic script everything is already loaded, so it only runs the import.
							b.onLoad({ filter: /preload-helper\.[^/]*\.js$/ }, (a) => {
								const name = /export\s*\{\s*\w+\s+as\s+(\w+)\s*\}/.exec(readFileSync(a.path, 'utf8'))?.[1] ?? 't';
								return { contents: `const run = (load) => load();\nexport { run as ${name} };`, loader: 'js' };
							});
						},
					},
				],
			});
			if (result.errors.length > 0) throw new DistError(`${page.file} 的脚本无法打包`, result.errors.map((e) => e.text));
			const file = `_offline/${key}.js`;
			mkdirSync(join(root, '_offline'), { recursive: true });
			writeFileSync(join(root, file), result.outputFiles[0].contents);
			bundles.set(key, `${base}${file}`);
		}
		const [first, ...rest] = modules;
		const edits = [{ ...first.outer, text: `<script defer src="${bundles.get(key)}"></script>` }, ...rest.map((m) => ({ ...m.outer, text: '' }))];
		writeFileSync(join(root, page.file), splice(page.html, edits));
	}
	return `脚本：${bundles.size} 个脚本包`;
}

/**
 * `_offline/store.html`: the one page whose storage every page of the edition shares (src/lib/store-page.ts,
 * bundled here into its only script).
 */
export async function storePage({ root }: BuildContext): Promise<string> {
	const result = await build({
		stdin: {
			contents: `import { serveStore } from './store-page.ts';\nserveStore();`,
			resolveDir: fileURLToPath(new URL('../../lib/', import.meta.url)),
			loader: 'ts',
		},
		...CLASSIC,
	});
	const script = result.outputFiles[0].text.trim();
	mkdirSync(join(root, '_offline'), { recursive: true });
	writeFileSync(
		join(root, '_offline', 'store.html'),
		`<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>学习记录存储</title></head><body><script>${script}</script></body></html>\n`,
	);
	return `学习记录存储页：_offline/store.html（脚本 ${Buffer.byteLength(script)} 字节）`;
}

/** The folder as a zip beside it, every file inside the folder `代表履职学习手册/`, within its budget. */
export function zip({ root }: BuildContext): string {
	const entries: Record<string, Uint8Array> = {};
	const files = filesUnder(root);
	for (const file of files) entries[`${ZIP_FOLDER}/${file}`] = readFileSync(join(root, file));
	const data = zipSync(entries, { level: 9 });
	const out = join(dirname(root), ZIP_NAME);
	if (data.length > ZIP_BUDGET) throw new DistError('离线版超过大小上限', [`${ZIP_NAME}: ${mb(data.length)} 超过 ${mb(ZIP_BUDGET)}`]);
	writeFileSync(out, data);
	return `离线版：${out}，${files.length} 个文件，${mb(data.length)}（上限 ${mb(ZIP_BUDGET)}）。打开方式：解压后双击“${ZIP_FOLDER}/index.html”，或直接打开 ${join(root, 'index.html')}`;
}
