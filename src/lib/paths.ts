/**
 * Every internal link goes through here, so the site works under a sub-path (`base`, e.g. `/handbook/`).
 * `base` comes from Astro's `import.meta.env.BASE_URL` in components and is passed in explicitly elsewhere.
 */
export function joinBase(base: string, path: string): string {
	const b = base.endsWith('/') ? base : `${base}/`;
	const p = path.replace(/^\/+/, '');
	return `${b}${p}`;
}

/** Splits a page reference `section/page#anchor` into its parts. */
export function parsePageRef(ref: string): { page: string; anchor?: string } {
	const hash = ref.indexOf('#');
	if (hash === -1) return { page: ref };
	return { page: ref.slice(0, hash), anchor: ref.slice(hash + 1) };
}

/** The site-relative path of a page reference, e.g. `duties/attend#会前` → `duties/attend/#会前`. */
export function pageRefPath(ref: string): string {
	const { page, anchor } = parsePageRef(ref);
	return `${page}/${anchor ? `#${anchor}` : ''}`;
}
