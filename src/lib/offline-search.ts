/**
 * Search for the offline edition opened from file://, where Pagefind cannot run (it fetches its index and
 * compiles WebAssembly). The build decodes Pagefind's own index of the same pages (scripts/build-offline.ts,
 * src/integrations/offline-index.ts) and ships it as a plain script; this module searches it the way Pagefind
 * 1.6 does, so that both editions find the same pages in the same order:
 *
 * - the query is cut with the browser's Intl.Segmenter exactly as Pagefind's own script cuts it;
 * - each query word matches the index words it is a prefix of (or, failing that, the longest index word that is
 *   a prefix of it); a page must contain every query word that matches anything at all;
 * - a page scores BM25 over its weighted word counts (headings and data-pagefind-weight count more), with
 *   Pagefind's length bonus for near-exact words and its boost for words found in the page title.
 *
 * The parameters (RANKING) are the ones the online search page passes to Pagefind. Pure: no DOM, no fetch.
 */
import { RANKING, type Scored, searchQuestion } from './query.ts';
import { sortUnstable } from './unstable-sort.ts';

/** A page as the index stores it: its address, length in words, title, section, text and headings. */
export interface OfflinePage {
	url: string;
	/** Number of indexed words, Pagefind's page length. */
	words: number;
	title: string;
	section: string;
	/** The indexed text, words separated by U+200B as Pagefind stores it (word n is location n). */
	content: string;
	/** Headings with an id: [id, text, location of the heading's first word]. */
	anchors: [string, string, number][];
}

/**
 * Postings of one word on one page as Pagefind encodes them: [page number delta, locations, meta locations].
 * Locations are delta-encoded; a negative number −(w+1) switches the weight of the following words to w/24
 * (restarting the deltas). Meta locations work the same way with −(field+1) switching the meta field.
 */
export type EncodedPosting = [number, number[], number[]?];
/** One index word: its postings, and its spelling variants (other diacritics) with theirs. */
export type EncodedWord = [EncodedPosting[], [string, EncodedPosting[]][]?];

export interface OfflineIndex {
	/** The Pagefind version whose index this is; the ranking below follows that version. */
	pagefind: string;
	/** Names of the meta fields (data-pagefind-meta) that meta locations refer to by number. */
	metaFields: string[];
	/** Pages in Pagefind's order: postings refer to them by position. */
	pages: OfflinePage[];
	/** Pagefind's index chunks in order: first word, last word, words with their postings (a list, not an object:
	 * a word such as “__proto__” must stay an ordinary entry). */
	chunks: [string, string, [string, EncodedWord][]][];
}

/** Pagefind's ranking parameters (names as in its `ranking` option). */
export interface Ranking {
	termSimilarity: number;
	pageLength: number;
	termSaturation: number;
	termFrequency: number;
	diacriticSimilarity: number;
	metaWeights: Record<string, number>;
}

/** Pagefind 1.6's defaults. */
export const PAGEFIND_DEFAULT_RANKING: Ranking = {
	termSimilarity: 1,
	pageLength: 0.75,
	termSaturation: 1.4,
	termFrequency: 1,
	diacriticSimilarity: 0.8,
	metaWeights: { title: 5 },
};

/** Characters per excerpt window, in words (the online search page asks Pagefind for 40). */
export const EXCERPT_WORDS = 40;

// ---------- decoding ----------

interface Posting {
	page: number;
	/** Flat pairs: weight (×24), location. */
	locs: number[];
	/** Flat pairs: meta field number, position. */
	meta: number[];
}
interface IndexWord {
	word: string;
	chunk: number;
	forms: { form: string; postings: Posting[] }[];
}
interface Prepared {
	words: IndexWord[];
	byWord: Map<string, IndexWord>;
	averageLength: number;
}

/**
 * Flat [tag, position] pairs from Pagefind's run encoding: positions are deltas, and a negative number −(t+1)
 * sets the tag of the positions after it (a weight, or a meta field) and restarts the deltas.
 */
function runs(encoded: number[], firstTag: number, maxTag: number): number[] {
	const out: number[] = [];
	let tag = firstTag;
	let at = 0;
	for (const n of encoded) {
		if (n < 0) {
			tag = Math.min(maxTag, -n - 1);
			at = 0;
		} else {
			at += n;
			out.push(tag, at);
		}
	}
	return out;
}

function decodePostings(encoded: EncodedPosting[]): Posting[] {
	let page = 0;
	return encoded.map(([delta, locations, metaLocations = []]) => {
		page += delta;
		// Weights are bytes (Pagefind starts at 25 before the first marker); meta field numbers are 16-bit.
		return { page, locs: runs(locations, 25, 255), meta: runs(metaLocations, 0, 65535) };
	});
}

const prepared = new WeakMap<OfflineIndex, Prepared>();

function prepare(index: OfflineIndex): Prepared {
	let p = prepared.get(index);
	if (p) return p;
	const words: IndexWord[] = [];
	index.chunks.forEach(([, , chunkWords], chunk) => {
		for (const [word, [postings, variants = []]] of chunkWords) {
			words.push({
				word,
				chunk,
				forms: [{ form: word, postings: decodePostings(postings) }, ...variants.map(([form, v]) => ({ form, postings: decodePostings(v) }))],
			});
		}
	});
	// In Pagefind's order (by bytes), whatever order the chunks list them in.
	words.sort((a, b) => byBytes(a.word, b.word));
	const lengths = index.pages.map((page) => page.words);
	p = {
		words,
		byWord: new Map(words.map((w) => [w.word, w])),
		averageLength: lengths.length ? Math.fround(lengths.reduce((a, b) => a + b, 0) / lengths.length) : 0,
	};
	prepared.set(index, p);
	return p;
}

// ---------- the query, cut as Pagefind's script cuts it ----------

/** Punctuation Pagefind drops from queries (dashes, brackets, quotes, other punctuation; not connectors like _). */
const QUERY_PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/u;

function stripDiacritics(s: string): string {
	const stripped = s.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
	// Japanese voicing marks stay, recomposed.
	return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/**
 * The words Pagefind searches for a query: cut into words for Chinese, punctuation dropped, lower-cased,
 * diacritics folded (`terms`), with the words as typed (`originals`) for the diacritics bonus.
 */
export function pagefindTerms(query: string): { terms: string[]; originals: string[] } {
	const words = new Intl.Segmenter('zh-CN', { granularity: 'word' });
	const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
	const chunks: string[] = [];
	for (const { segment } of words.segment(query)) {
		let chunk = '';
		for (const { segment: g } of graphemes.segment(segment)) if (!QUERY_PUNCTUATION.test(g)) chunk += g.toLocaleLowerCase();
		if (chunk) chunks.push(chunk);
	}
	const terms: string[] = [];
	const originals: string[] = [];
	for (const original of chunks.join(' ').replace(/\s{2,}/g, ' ').trim().split(' ')) {
		const term = stripDiacritics(original);
		if (!term) continue;
		terms.push(term);
		originals.push(original);
	}
	return { terms, originals };
}

// ---------- ranking ----------

const f = Math.fround;

/** Length of a string in UTF-8 bytes: Pagefind compares word lengths in bytes (a Chinese character is 3). */
function utf8Length(s: string): number {
	let n = 0;
	for (const ch of s) {
		const c = ch.codePointAt(0)!;
		n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
	}
	return n;
}

/** 1 for a word as long as the query word, less the more bytes it has beyond it (a Gaussian, sharpened by termSimilarity). */
function lengthBonus(differential: number, similarity: number): number {
	const base = f(Math.exp(f((-0.5 * differential * differential) / 4)));
	return f(f(Math.exp(f(base * f(similarity)))) / f(Math.exp(f(similarity))));
}

function idf(totalPages: number, containing: number): number {
	return f(Math.log(f(f(f(totalPages - containing + 0.5) / f(containing + 0.5)) + 1)));
}

function bm25(weightedCount: number, pageLength: number, averageLength: number, totalPages: number, containing: number, bonus: number, r: Ranking): number {
	const tf = f(weightedCount * bonus);
	// Pagefind computes in 32-bit floats; so does this copy, constants included, so near-ties fall the same way.
	const k1 = f(r.termSaturation);
	const b = f(r.pageLength);
	const tfWeight = f(r.termFrequency);
	const norm = f(k1 * f(f(1 - b) + f(b * f(pageLength / averageLength))));
	const saturated = f(f(f(k1 + 1) * tf) / f(norm + tf));
	const raw = Math.min(f(tf / f(averageLength / 5)), f(k1 + 1));
	return f(idf(totalPages, containing) * f(f(f(1 - tfWeight) * raw) + f(tfWeight * saturated)));
}

function diacriticsMatch(original: string, form: string): boolean {
	return form === original || form.startsWith(original) || original.startsWith(form);
}

/** The index words a query word matches: those it begins, or else the longest one that begins it. */
function extensions(p: Prepared, term: string, loaded: Set<number>): IndexWord[] {
	const found: IndexWord[] = [];
	let prefix: IndexWord | undefined;
	for (const w of p.words) {
		if (!loaded.has(w.chunk)) continue;
		if (w.word.startsWith(term)) found.push(w);
		else if (term.startsWith(w.word) && w.word.length > (prefix?.word.length ?? 0)) prefix = w;
	}
	return found.length > 0 ? found : prefix ? [prefix] : [];
}

/**
 * The index chunks Pagefind loads for a query's words: the chunks whose word range holds the word, or, if none
 * does, those whose range holds it when both are cut to the same number of characters. Pagefind only looks at
 * words of loaded chunks, and keeps chunks loaded for later searches on the same page; so does this copy.
 */
export function chunksFor(index: OfflineIndex, terms: string[]): number[] {
	const out = new Set<number>();
	const cut = (s: string, n: number) => [...s].slice(0, n).join('');
	for (const term of terms) {
		const strict = index.chunks.flatMap(([from, to], i) => (byBytes(term, from) >= 0 && byBytes(term, to) <= 0 ? [i] : []));
		if (strict.length > 0) {
			for (const i of strict) out.add(i);
			continue;
		}
		const length = [...term].length;
		index.chunks.forEach(([from, to], i) => {
			const a = Math.min(length, [...from].length);
			const b = Math.min(length, [...to].length);
			if (byBytes(cut(term, a), cut(from, a)) >= 0 && byBytes(cut(term, b), cut(to, b)) <= 0) out.add(i);
		});
	}
	return [...out];
}

/** A matched word location on a page: weight (×24), how much it counts for the excerpt, word number. */
export interface WordLocation {
	weight: number;
	balanced: number;
	location: number;
}

export interface RankedPage extends Scored {
	/** Page number in the index. */
	page: number;
	locations: WordLocation[];
}

interface Match {
	posting: Posting;
	word: string;
	bonus: number;
	diacritics: number;
	term: number;
}

/**
 * Pagefind's search of one query: every page that contains all query words that occur in the loaded chunks,
 * best first. `loaded` is the page's set of loaded chunks; the query's chunks are added to it.
 */
export function rankPages(index: OfflineIndex, query: string, ranking: Ranking = PAGEFIND_DEFAULT_RANKING, loaded = new Set<number>()): RankedPage[] {
	const p = prepare(index);
	const { terms, originals } = pagefindTerms(query);
	if (terms.length === 0) return [];
	for (const c of chunksFor(index, terms)) loaded.add(c);
	const total = index.pages.length;
	const matches: Match[] = [];
	const sets: Set<number>[] = [];
	const counts: number[] = [];
	terms.forEach((term, t) => {
		const found = extensions(p, term, loaded);
		if (found.length === 0) {
			counts.push(0);
			return;
		}
		const pages = new Set<number>();
		for (const w of found) {
			const differential = Math.min(255, Math.abs(utf8Length(w.word) - utf8Length(term)) + 1);
			const bonus = lengthBonus(differential, ranking.termSimilarity);
			for (const { form, postings } of w.forms) {
				const diacritics = ranking.diacriticSimilarity > 0 && diacriticsMatch(originals[t], form) ? f(1 + f(ranking.diacriticSimilarity)) : 1;
				for (const posting of postings) {
					matches.push({ posting, word: w.word, bonus, diacritics, term: t });
					pages.add(posting.page);
				}
			}
		}
		counts.push(pages.size);
		sets.push(pages);
	});
	if (sets.length === 0) return [];
	const hits = [...sets[0]].filter((page) => sets.every((s) => s.has(page))).sort((a, b) => a - b);
	const queryIdf = counts.reduce((sum, c) => f(sum + idf(total, c)), 0);

	const byPage = new Map<number, Match[]>();
	for (const m of matches) {
		let list = byPage.get(m.posting.page);
		if (!list) byPage.set(m.posting.page, (list = []));
		list.push(m);
	}

	const ranked: RankedPage[] = [];
	for (const page of hits) {
		const pageMatches = byPage.get(page) ?? [];
		// Every matched location with the word and query word it came from, in page order.
		const located: { weight: number; at: number; word: string; bonus: number; term: number }[] = [];
		const metaFields = new Map<number, Map<number, number>>();
		for (const m of pageMatches) {
			for (let i = 0; i < m.posting.locs.length; i += 2) {
				located.push({ weight: m.posting.locs[i], at: m.posting.locs[i + 1], word: m.word, bonus: m.bonus, term: m.term });
			}
			for (let i = 0; i < m.posting.meta.length; i += 2) {
				let terms = metaFields.get(m.posting.meta[i]);
				if (!terms) metaFields.set(m.posting.meta[i], (terms = new Map()));
				if (!terms.has(m.term)) terms.set(m.term, idf(total, counts[m.term]));
			}
		}
		// Pagefind orders them with Rust's unstable sort; where two words share a location (a compound word and
		// its first part), the one that sort puts first is the one that counts, so the same sort is used here.
		sortUnstable(located, (a, b) => a.at < b.at);

		// Words at one location count once; a location matching several query words counts for each, boosted.
		const weighted = new Map<string, number>();
		const locations: WordLocation[] = [];
		for (let i = 0; i < located.length; ) {
			let j = i;
			const seen = new Map<number, (typeof located)[number]>();
			while (j < located.length && located[j].at === located[i].at) {
				if (!seen.has(located[j].term)) seen.set(located[j].term, located[j]);
				j += 1;
			}
			const first = [...seen.values()];
			const min = Math.min(...first.map((l) => l.weight));
			const weight = first.length > 1 ? Math.min(255, min * first.length) : min;
			for (const l of first) weighted.set(l.word, (weighted.get(l.word) ?? 0) + weight);
			const bonus = first.reduce((s, l) => f(s + l.bonus), 0);
			locations.push({ weight, balanced: f(weight * weight * bonus), location: located[i].at });
			i = j;
		}

		let score = 0;
		for (const word of [...weighted.keys()].sort(byBytes)) {
			const m = pageMatches.find((x) => x.word === word)!;
			const s = bm25(f(weighted.get(word)! / 24), index.pages[page].words, p.averageLength, total, counts[m.term], m.bonus, ranking);
			score = f(score + f(s * m.diacritics));
		}
		for (const [field, terms] of metaFields) {
			const name = index.metaFields[field];
			if (name === undefined || queryIdf <= 0) continue;
			const matched = [...terms.values()].reduce((a, b) => f(a + b), 0);
			const coverage = f(matched / queryIdf);
			score = f(score + f((ranking.metaWeights[name] ?? 1) * matched * coverage * coverage));
		}
		ranked.push({ id: String(page), page, score, locations });
	}
	return ranked.sort((a, b) => b.score - a.score);
}

/** Orders strings as Rust does (by UTF-8 bytes, i.e. by code point), not by UTF-16 units. */
function byBytes(a: string, b: string): number {
	const x = [...a];
	const y = [...b];
	for (let i = 0; i < Math.min(x.length, y.length); i++) {
		const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
		if (d !== 0) return d;
	}
	return x.length - y.length;
}

// ---------- excerpts ----------

function escapeHtml(s: string): string {
	return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The content's words: split at U+200B where Pagefind segmented it, else at whitespace. */
export function contentWords(content: string): string[] {
	return content.includes('\u200B') ? content.split('\u200B') : content.split(/[^\S\uFEFF]+/);
}

/** Where a window of `length` words holds the most matched weight (the middle of equally good windows). */
export function densestWindow(locations: WordLocation[], length: number, from = 0, to = Infinity): number {
	const score: number[] = [];
	let last = from;
	for (const l of locations) {
		if (l.location < from || l.location >= to) continue;
		score[l.location - from] = (score[l.location - from] ?? 0) + l.balanced;
		last = Math.max(last, l.location);
	}
	if (score.length <= length) return from;
	let sum = 0;
	for (let i = 0; i < length; i++) sum += score[i] ?? 0;
	let best = sum;
	let bestAt = [0];
	for (let i = 0; i < score.length; i++) {
		sum += (score[i + length] ?? 0) - (score[i] ?? 0);
		// Pagefind notes the window one word before the one it has just summed; followed, so excerpts start alike.
		if (sum > best) {
			best = sum;
			bestAt = [i];
		} else if (sum === best && bestAt.at(-1) === i - 1) bestAt.push(i);
	}
	return from + bestAt[Math.floor(bestAt.length / 2)];
}

/** An HTML excerpt of `length` words from `start`, kept inside [from, to), with matched words in <mark>. */
export function excerpt(words: string[], start: number, length: number, marked: Set<number>, from = 0, to = words.length): string {
	const end = Math.min(to, words.length);
	const size = Math.min(length, end - from);
	const first = Math.max(from, Math.min(start, end - size));
	const joiner = words.some((w) => /[^\u0000-\u024F]/.test(w)) ? '' : ' ';
	let html = '';
	for (let i = first; i < first + size; i++) {
		// Neighbouring matched words share one <mark> (代表 + 证 → one highlight, not two boxes).
		const open = marked.has(i) && !(i > first && marked.has(i - 1));
		const close = marked.has(i) && !(i + 1 < first + size && marked.has(i + 1));
		html += (i > first ? joiner : '') + (open ? '<mark>' : '') + escapeHtml(words[i]) + (close ? '</mark>' : '');
	}
	return (first > from ? '…' : '') + html.trim() + (first + size < end ? '…' : '');
}

// ---------- results ----------

export interface OfflineResult extends Scored {
	url: string;
	title: string;
	section: string;
	/** Excerpt with matches wrapped in <mark>, HTML-escaped. */
	excerpt: string;
	/** The page's headings that hold matches, in page order: address with anchor, heading, excerpt. */
	subResults: { url: string; heading: string; excerpt: string }[];
}

/** How many matching headings a result lists. */
export const SUB_RESULTS = 3;

/** Title, excerpt and best matching headings (in page order) of a ranked page, as Pagefind's result data gives them. */
export function describe(index: OfflineIndex, ranked: RankedPage, length = EXCERPT_WORDS): OfflineResult {
	const page = index.pages[ranked.page];
	const words = contentWords(page.content);
	const marked = new Set(ranked.locations.map((l) => l.location));
	const anchors = page.anchors.filter(([, text]) => /\S/.test(text)).sort((a, b) => a[2] - b[2]);
	const sections = anchors
		.map(([id, text, at], i) => {
			const to = anchors[i + 1]?.[2] ?? words.length;
			const weight = ranked.locations.reduce((sum, l) => (l.location >= at && l.location < to ? sum + l.balanced : sum), 0);
			return { id, text, at, to, weight };
		})
		.filter((s) => s.weight > 0);
	const best = new Set([...sections].sort((a, b) => b.weight - a.weight).slice(0, SUB_RESULTS));
	return {
		id: ranked.id,
		score: ranked.score,
		url: page.url,
		title: page.title,
		section: page.section,
		excerpt: excerpt(words, densestWindow(ranked.locations, length), length, marked),
		subResults: sections
			.filter((s) => best.has(s))
			.map((s) => ({
				url: `${page.url}#${s.id}`,
				heading: s.text,
				excerpt: excerpt(words, densestWindow(ranked.locations, length, s.at, s.to), length, marked, s.at, s.to),
			})),
	};
}

/** The ranking the online search page asks Pagefind for. */
export const HANDBOOK_RANKING: Ranking = { ...PAGEFIND_DEFAULT_RANKING, ...RANKING };

/** Chunks “loaded” so far on this page, per index, as Pagefind keeps them between searches. */
const sessions = new WeakMap<OfflineIndex, Set<number>>();

/**
 * Searches the offline index as the online search page searches Pagefind: same query handling, same ranking.
 * Returns how many pages match and the first `limit` of them, described.
 */
export async function searchOffline(index: OfflineIndex, typed: string, limit = 20): Promise<{ total: number; results: OfflineResult[] }> {
	let loaded = sessions.get(index);
	if (!loaded) sessions.set(index, (loaded = new Set()));
	const session = loaded;
	const ranked = await searchQuestion(typed, (query) => rankPages(index, query, HANDBOOK_RANKING, session));
	return { total: ranked.length, results: ranked.slice(0, limit).map((r) => describe(index, r)) };
}
