import GithubSlugger from 'github-slugger';

export interface Heading {
	depth: number;
	text: string;
	slug: string;
}

/** Strips inline Markdown so the text matches what the rendered heading contains. */
function plainText(md: string): string {
	return md
		.replace(/`([^`]*)`/g, '$1')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/(\*\*|__|\*|_|~~)(.+?)\1/g, '$2')
		.replace(/<[^>]+>/g, '')
		.trim();
}

/**
 * The headings of a Markdown/MDX body with the ids the renderer gives them. Astro's Markdown processor slugs
 * heading text with github-slugger, so the same slugger here yields the same anchors without a render.
 */
export function extractHeadings(body: string): Heading[] {
	const slugger = new GithubSlugger();
	const headings: Heading[] = [];
	let fence: string | null = null;
	for (const line of body.split(/\r?\n/)) {
		const fenceMatch = /^\s*(```+|~~~+)/.exec(line);
		if (fenceMatch) {
			if (fence === null) fence = fenceMatch[1];
			else if (fenceMatch[1].startsWith(fence)) fence = null;
			continue;
		}
		if (fence !== null) continue;
		const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
		if (!m) continue;
		const text = plainText(m[2]);
		headings.push({ depth: m[1].length, text, slug: slugger.slug(text) });
	}
	return headings;
}
