/**
 * `npm run build:offline`: the handbook as a folder and a zip that open by double-clicking index.html, from a USB
 * stick or an unzipped download, with no server and no network (file://).
 *
 * Browsers refuse ES modules and fetch() from file://, and root-relative links point at the root of the disk
 * there. So, from the same content as the online site, this:
 *   1. builds the site with HANDBOOK_EDITION=file (no service worker, no Pagefind, an in-page search page);
 *   2. indexes the built pages with Pagefind, as the online build does, and writes Pagefind's script and index
 *      files as two plain scripts in pagefind/ (src/integrations/pagefind-pack.ts): the page runs Pagefind itself;
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
import { checkLinks } from '../src/integrations/check-dist.ts';
import { pagefindPack } from '../src/integrations/pagefind-pack.ts';
import { searchIndexFiles } from '../src/integrations/search-index.ts';
import { STORE_PAGE } from '../src/lib/store-page.ts';

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

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

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

async function bundleScripts(html: string, cache: Map<string, string>): Promise<string> {
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
	const pack = await pagefindPack(await searchIndexFiles(OUT));
	mkdirSync(join(OUT, 'pagefind'));
	for (const [name, text] of Object.entries(pack)) writeFileSync(join(OUT, 'pagefind', name), text);

	const cache = new Map<string, string>();
	for (const f of files) {
		const url = pageUrl(f);
		const html = await bundleScripts(readFileSync(f, 'utf8'), cache);
		writeFileSync(f, relativize(html, url));
	}
	for (const name of readdirSync(OUT)) if (name === 'sw.js' || name === 'manifest.webmanifest') rmSync(join(OUT, name));
	// The one page whose storage every page shares (browsers such as Firefox give each local file its own).
	mkdirSync(join(OUT, '_offline'), { recursive: true });
	writeFileSync(join(OUT, '_offline', 'store.html'), STORE_PAGE);
	const broken = checkLinks(OUT, '/');
	if (broken.length > 0) {
		console.error(`离线版有 ${broken.length} 处链接或锚点有问题：\n${broken.map((l) => `  ✗ ${l}`).join('\n')}`);
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
		`\n离线版：${files.length} 个页面，搜索用 Pagefind（脚本 ${mb(Buffer.byteLength(pack['pagefind.js']))}，索引文件 ${mb(Buffer.byteLength(pack['files.js']))}），` +
			`${cache.size} 个脚本包；${ZIP} ${mb(zip.length)}（上限 ${mb(ZIP_BUDGET)}），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`,
	);
	console.log(`打开方式：解压后双击“代表履职学习手册/index.html”，或直接打开 ${join(OUT, 'index.html')}。`);
	if (zip.length > ZIP_BUDGET) {
		console.error(`离线版 ${mb(zip.length)} 超过上限 ${mb(ZIP_BUDGET)}。`);
		process.exit(1);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
