/**
 * What every search box of the handbook does with Pagefind (the header dialog, /search/, and the offline edition's
 * search page): it asks Pagefind's public JS API as src/lib/query.ts reads a question, and describes a result the
 * way the results list shows it. Pure: no DOM, so the offline edition's Pagefind can be asked in Node (unit tests).
 */
import { type Scored, searchQuestion } from './query.ts';
import { SUB_RESULTS } from './search-settings.ts';

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

/** Selected filter values by filter name (栏目 → [培训, 职责]). */
export type Filters = Record<string, string[]>;

/** The part of Pagefind's search API the handbook uses: the module (online) or one of its instances (offline). */
export interface PagefindApi {
	search(term: string | null, options?: { filters?: Filters }): Promise<{ results: PagefindResult[] } | null>;
	/** Every filter's values with their page counts. */
	filters?(): Promise<Record<string, Record<string, number>>>;
}

export interface ShownResult {
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
 * A result as the list shows it: title and section, excerpt, and the headings below the page's start with the
 * most matched words (at most SUB_RESULTS, in page order), as Pagefind's own results list picks them.
 */
export function describe(data: PagefindResultData): ShownResult {
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
 * The pages for a typed question, best first (src/lib/query.ts reads the question). Nothing is loaded per page
 * here: a result's excerpt and headings come when the list shows it (`describe(await result.data())`).
 */
export function findPages(pagefind: PagefindApi, typed: string, filters?: Filters): Promise<PagefindResult[]> {
	const options = filters && Object.values(filters).some((v) => v.length) ? { filters } : undefined;
	return searchQuestion(typed, async (query) => (await pagefind.search(query, options))?.results ?? []);
}
