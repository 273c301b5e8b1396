/**
 * The links of the built site: every internal link and #anchor resolves (and no page uses an id twice, which
 * would leave an anchor ambiguous), and nothing is loaded from another site. The file edition's links are made
 * relative first, so that they work from file://.
 */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildContext, DistError, type DistPage, distPages } from './dist';
import { ids, references, relativize, repeatedIds, stripServerOnly } from './html';

/** Broken internal links and anchors, ids used twice, and resources from other sites: one line per problem. */
export function brokenLinks(dist: string, base: string, pages = distPages(dist, base)): string[] {
	const problems: string[] = [];
	const byUrl = new Map(pages.map((p) => [p.url, p]));
	const anchors = new Map<string, Set<string>>();
	const anchorsOf = (p: DistPage) => {
		let set = anchors.get(p.url);
		if (!set) anchors.set(p.url, (set = new Set(ids(p.html))));
		return set;
	};
	const origin = 'http://handbook.invalid';
	for (const page of pages) {
		for (const [id, n] of repeatedIds(page.html)) problems.push(`${page.file}: id “${id}” 用了 ${n} 次，指向它的锚点不唯一`);
		for (const { tag, value } of references(page.html)) {
			if (/^(mailto|tel|data|blob|javascript):/i.test(value) || value === '') continue;
			const target = new URL(value, origin + page.url);
			if (target.origin !== origin) {
				if (tag !== 'a') problems.push(`${page.file}: 引用了外部资源 ${value}`);
				continue;
			}
			const path = decodeURIComponent(target.pathname).replace(/\/index\.html$/, '/');
			if (!path.startsWith(base)) {
				problems.push(`${page.file}: 链接 ${value} 不在站点路径 ${base} 之内`);
				continue;
			}
			const targetPage = byUrl.get(path);
			if (!targetPage) {
				// Not a page: a script, a stylesheet, an image, Pagefind's files. It must exist; an anchor on it is
				// not checked (only pages have ids).
				const file = join(dist, path.slice(base.length));
				if (!existsSync(file) || !statSync(file).isFile()) problems.push(`${page.file}: 链接 ${value} 指向不存在的页面或文件`);
				continue;
			}
			if (target.hash) {
				const id = decodeURIComponent(target.hash.slice(1));
				if (!anchorsOf(targetPage).has(id)) problems.push(`${page.file}: 链接 ${value} 的锚点 #${id} 在 ${targetPage.file} 中不存在`);
			}
		}
	}
	return problems;
}

export function checkLinks({ root, base }: BuildContext): string {
	const pages = distPages(root, base);
	const broken = brokenLinks(root, base, pages);
	if (broken.length > 0) throw new DistError(`${broken.length} 处链接或锚点有问题`, broken);
	return `链接检查通过：${pages.length} 个页面`;
}

/**
 * File edition: every root-relative link and asset of every page made relative to that page, pointing at
 * index.html files (from file:// a root-relative link points at the root of the disk); the CSP meta tag and the
 * web app manifest, which only a server honours, removed.
 */
export function relativeLinks({ root, base }: BuildContext): string {
	const pages = distPages(root, base);
	for (const page of pages) writeFileSync(join(root, page.file), relativize(stripServerOnly(page.html), page.url));
	rmSync(join(root, 'manifest.webmanifest'), { force: true });
	return `相对链接：${pages.length} 个页面`;
}
