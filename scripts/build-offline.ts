/**
 * `npm run build:offline`: the handbook as a folder and a zip that open by double-clicking index.html, from a USB
 * stick or an unzipped download, with no server and no network (file://).
 *
 * Browsers refuse ES modules, fetch() and WebAssembly from file://, and root-relative links point at the root of
 * the disk there. So, from the same content as the online site, this:
 *   1. builds the site with HANDBOOK_EDITION=file (no service worker, no Pagefind, an in-page search page);
 *   2. builds a search index from the built pages' article text and writes it as a plain script, search-index.js;
 *   3. bundles each page's module scripts into one classic script (dynamic imports included);
 *   4. rewrites every internal link and asset to a relative path, pointing at index.html files;
 *   5. zips the folder and checks the 10 MB budget.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { ELEMENT_NODE, type Node, parse, TEXT_NODE } from 'ultrahtml';
import { checkLinks } from '../src/integrations/check-dist.ts';
import { buildOfflineIndex, type SourceDoc, type SourceSection } from '../src/lib/offline-search.ts';

const ROOT = 'dist-offline';
const OUT = join(ROOT, 'handbook');
const ZIP = join(ROOT, 'handbook-offline.zip');
export const ZIP_BUDGET = 10 * 1024 * 1024;

function htmlFiles(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
		else if (name.endsWith('.html')) out.push(p);
	}
	return out;
}

/** The site path of a built page: dist-offline/handbook/duties/overview/index.html → /duties/overview/. */
function pageUrl(file: string): string {
	const rel = relative(OUT, file).split('\\').join('/');
	return `/${rel.replace(/index\.html$/, '')}`;
}

// ---------- 2. the search index, from what the online index reads: the data-pagefind-body element ----------

function attr(node: Node, name: string): string | undefined {
	return node.type === ELEMENT_NODE ? node.attributes?.[name] : undefined;
}
function textOf(node: Node): string {
	if (node.type === TEXT_NODE) return node.value;
	if (node.type !== ELEMENT_NODE && node.type !== 0) return '';
	if (node.type === ELEMENT_NODE && (attr(node, 'data-pagefind-ignore') !== undefined || attr(node, 'hidden') !== undefined)) return '';
	return (node.children ?? []).map(textOf).join('');
}
function findBody(node: Node): Node | undefined {
	if (node.type === ELEMENT_NODE && attr(node, 'data-pagefind-body') !== undefined) return node;
	for (const c of node.children ?? []) {
		const f = findBody(c);
		if (f) return f;
	}
	return undefined;
}
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const squash = (s: string) => decode(s).replace(/\s+/g, ' ').trim();

const HEADING_WEIGHT: Record<string, number> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };

/** The page's indexed text, split into sections at headings with ids, each text run with Pagefind's weight. */
function extractDoc(html: string, url: string): SourceDoc | undefined {
	const body = findBody(parse(html));
	if (!body) return undefined;
	const title = squash(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '').replace(/ · 代表履职学习手册$/, '');
	const section = /section:([^"]+)"/.exec(/data-pagefind-meta="[^"]*"/.exec(html)?.[0] ?? '')?.[1] ?? '';
	const sections: (SourceSection & { runs: [string, number][] })[] = [{ anchor: '', heading: title, level: 1, text: '', runs: [] }];
	const walk = (node: Node, weight: number) => {
		if (node.type === TEXT_NODE) {
			const t = squash(node.value);
			if (!t) return;
			const cur = sections.at(-1)!;
			cur.runs.push([t, weight]);
			if (weight === 1) cur.text += `${t} `;
			return;
		}
		if (node.type !== ELEMENT_NODE) return;
		if (attr(node, 'data-pagefind-ignore') !== undefined || attr(node, 'hidden') !== undefined) return;
		const explicit = attr(node, 'data-pagefind-weight');
		let w = explicit ? Number(explicit) : weight;
		const level = HEADING_WEIGHT[node.name];
		if (level !== undefined) {
			if (!explicit) w = level;
			const id = attr(node, 'id');
			if (id && node.name !== 'h1') {
				sections.push({ anchor: decode(id), heading: squash(textOf(node)), level: Number(node.name[1]), text: '', runs: [] });
			}
		}
		for (const c of node.children ?? []) walk(c, w);
		if (['p', 'li', 'td', 'th', 'dd', 'dt', 'div', 'section'].includes(node.name)) sections.at(-1)!.text += ' ';
	};
	walk(body, 1);
	for (const s of sections) s.text = s.text.replace(/\s+/g, ' ').trim();
	return { url, title, section, sections: sections.filter((s) => s.runs.length > 0 || s.anchor === '') };
}

// ---------- 3 and 4: classic scripts and relative links ----------

/** A relative reference from the page at `fromUrl` to the site path `target` (with query/hash), index.html made explicit. */
export function relativeLink(fromUrl: string, target: string): string {
	const m = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(target)!;
	let path = m[1];
	if (path.endsWith('/')) path += 'index.html';
	const fromDir = fromUrl.endsWith('/') ? fromUrl : posix.dirname(fromUrl);
	let rel = posix.relative(fromDir, path);
	if (!rel.startsWith('.')) rel = `./${rel}`;
	return rel + (m[2] ?? '') + (m[3] ?? '');
}

async function bundleScripts(html: string, url: string, cache: Map<string, string>): Promise<string> {
	const modules = [...html.matchAll(/<script type="module"(?: src="([^"]+)")?>([\s\S]*?)<\/script>/g)];
	if (modules.length === 0) return html;
	const entry = modules
		.map((m, i) => (m[1] ? `import ${JSON.stringify(decode(m[1]))};` : `import "virtual:inline-${i}";`))
		.join('\n');
	const key = createHash('sha256').update(modules.map((m) => m[1] ?? m[2]).join('\0')).digest('hex').slice(0, 12);
	if (!cache.has(key)) {
		const result = await build({
			stdin: { contents: entry, resolveDir: OUT, loader: 'js' },
			bundle: true,
			format: 'iife',
			minify: true,
			write: false,
			target: 'es2022',
			logLevel: 'silent',
			plugins: [
				{
					name: 'site-paths',
					setup(b) {
						b.onResolve({ filter: /^virtual:inline-\d+$/ }, (a) => ({ path: a.path, namespace: 'inline' }));
						b.onLoad({ filter: /.*/, namespace: 'inline' }, (a) => ({
							contents: modules[Number(a.path.split('-').pop())][2],
							loader: 'js',
							resolveDir: OUT,
						}));
						b.onResolve({ filter: /^\// }, (a) => ({ path: join(process.cwd(), OUT, a.path) }));
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
		const file = `/_offline/${key}.js`;
		mkdirSync(join(OUT, '_offline'), { recursive: true });
		writeFileSync(join(OUT, file), result.outputFiles[0].contents);
		cache.set(key, file);
	}
	let replaced = false;
	return html.replace(/<script type="module"(?: src="[^"]+")?>[\s\S]*?<\/script>/g, () => {
		if (replaced) return '';
		replaced = true;
		return `<script defer src="${cache.get(key)}"></script>`;
	});
}

function relativize(html: string, url: string): string {
	return html
		.replace(/<meta http-equiv="content-security-policy"[^>]*>/, '')
		.replace(/<link rel="manifest"[^>]*>/, '')
		.replace(/(\s(?:href|src|action)=")(\/[^"]*)"/g, (_, a, target) => `${a}${relativeLink(url, decode(target))}"`);
}

// ---------- the build ----------

async function main() {
	rmSync(ROOT, { recursive: true, force: true });
	const started = Date.now();
	const r = spawnSync('astro', ['build', '--outDir', OUT], {
		stdio: 'inherit',
		env: { ...process.env, HANDBOOK_EDITION: 'file', BASE: '/', ASTRO_TELEMETRY_DISABLED: '1' },
	});
	if (r.status !== 0) process.exit(r.status ?? 1);

	const files = htmlFiles(OUT);
	const docs: SourceDoc[] = [];
	for (const f of files) {
		const doc = extractDoc(readFileSync(f, 'utf8'), pageUrl(f));
		if (doc) docs.push(doc);
	}
	const index = buildOfflineIndex(docs);
	writeFileSync(join(OUT, 'search-index.js'), `window.HANDBOOK_SEARCH_INDEX=${JSON.stringify(index)};\n`);

	const cache = new Map<string, string>();
	for (const f of files) {
		const url = pageUrl(f);
		const html = await bundleScripts(readFileSync(f, 'utf8'), url, cache);
		writeFileSync(f, relativize(html, url));
	}
	for (const name of readdirSync(OUT)) if (name === 'sw.js' || name === 'manifest.webmanifest') rmSync(join(OUT, name));
	const broken = checkLinks(OUT, '/');
	if (broken.length > 0) {
		console.error(`离线版有 ${broken.length} 个链接打不开：\n${broken.map((l) => `  ✗ ${l}`).join('\n')}`);
		process.exit(1);
	}

	const entries: Record<string, Uint8Array> = {};
	const add = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const p = join(dir, name);
			if (statSync(p).isDirectory()) add(p);
			else entries[`代表履职学习手册/${relative(OUT, p).split('\\').join('/')}`] = readFileSync(p);
		}
	};
	add(OUT);
	const zip = zipSync(entries, { level: 9 });
	mkdirSync(dirname(ZIP), { recursive: true });
	writeFileSync(ZIP, zip);
	const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
	console.log(
		`\n离线版：${files.length} 个页面，搜索索引 ${docs.length} 篇（${mb(statSync(join(OUT, 'search-index.js')).size)}），` +
			`${cache.size} 个脚本包；${ZIP} ${mb(zip.length)}（上限 ${mb(ZIP_BUDGET)}），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`,
	);
	console.log(`打开方式：解压后双击“代表履职学习手册/index.html”，或直接打开 ${join(OUT, 'index.html')}。`);
	if (zip.length > ZIP_BUDGET) {
		console.error(`离线版 ${mb(zip.length)} 超过上限 ${mb(ZIP_BUDGET)}。`);
		process.exit(1);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
