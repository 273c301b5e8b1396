/**
 * Search in the offline edition opened from file://: Pagefind itself, loaded from plain scripts
 * (src/integrations/pagefind-pack.ts), asked as the online search page asks it (same ranking, same excerpt length,
 * same handling of questions), and its results described as the online results list shows them.
 */
import { EXCERPT_WORDS, RANKING, type Scored, SUB_RESULTS, searchQuestion } from './query.ts';
import { INDEX_PATH } from './pagefind-files.ts';

/** What Pagefind's `data()` gives for a result, as far as the results list uses it. */
export interface PagefindResultData {
	url: string;
	meta: Record<string, string | undefined>;
	/** HTML: the page text escaped, matched words in <mark>. */
	excerpt: string;
	/** The page's sections with matches, in page order: the part before the first heading, then per heading. */
	sub_results: { title: string; url: string; excerpt: string; locations: number[] }[];
}

export interface PagefindResult extends Scored {
	data(): Promise<PagefindResultData>;
}

/** The part of Pagefind's search API (its `createInstance`) the offline search uses. */
export interface PagefindApi {
	search(term: string): Promise<{ results: PagefindResult[] } | null>;
}

/** Pagefind's options for the offline edition: those of the online search page, run without a worker. */
export const PAGEFIND_OPTIONS = {
	basePath: INDEX_PATH,
	baseUrl: '/',
	excerptLength: EXCERPT_WORDS,
	ranking: RANKING,
	// A worker cannot be started from a local file; the same search runs on the page instead (Pagefind's own
	// fallback, chosen here up front).
	noWorker: true,
};

export interface OfflineResult {
	url: string;
	title: string;
	section: string;
	/** HTML from Pagefind: escaped text, matches in <mark>. */
	excerpt: string;
	/** The page's headings that hold the most matches, in page order: address with anchor, heading, excerpt. */
	subResults: { url: string; heading: string; excerpt: string }[];
}

/** Neighbouring matched words share one highlight (代表 + 证 → one mark, not two boxes side by side). */
function joinMarks(html: string): string {
	return html.replace(/<\/mark>(\s*)<mark>/g, '$1');
}

/** A sub-result's address with its anchor as written in the page (Pagefind gives it percent-encoded). */
function readableAnchor(url: string): string {
	const at = url.indexOf('#');
	return at < 0 ? url : url.slice(0, at + 1) + decodeURIComponent(url.slice(at + 1));
}

/**
 * A result as the online list shows it: title and section, excerpt, and the headings below the page's start
 * with the most matched words (at most SUB_RESULTS, in page order), as Pagefind's Component UI picks them.
 */
export function describe(data: PagefindResultData): OfflineResult {
	const headings = data.sub_results.filter((s) => s.url !== data.url);
	const best = new Set([...headings].sort((a, b) => b.locations.length - a.locations.length).slice(0, SUB_RESULTS));
	return {
		url: data.url,
		title: data.meta.title ?? '',
		section: data.meta.section ?? '',
		excerpt: joinMarks(data.excerpt),
		subResults: headings.filter((s) => best.has(s)).map((s) => ({ url: readableAnchor(s.url), heading: s.title, excerpt: joinMarks(s.excerpt) })),
	};
}

/**
 * Searches as the online search page does (src/lib/query.ts reads the typed question); returns how many pages
 * match and the first `limit` of them, described.
 */
export async function searchOffline(pagefind: PagefindApi, typed: string, limit = 20): Promise<{ total: number; results: OfflineResult[] }> {
	const ranked = await searchQuestion(typed, async (query) => (await pagefind.search(query))?.results ?? []);
	const results = await Promise.all(ranked.slice(0, limit).map(async (r) => describe(await r.data())));
	return { total: ranked.length, results };
}
