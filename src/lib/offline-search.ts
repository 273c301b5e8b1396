/**
 * Search for the offline edition opened from file://, where Pagefind cannot run (it fetches its index and
 * compiles WebAssembly). The index is built at build time and shipped as a plain script; queries are segmented
 * with the browser's Intl.Segmenter, the same segmenter the index was built with (in Node), so both sides cut
 * Chinese into the same words. Ranking follows Pagefind's approach: every query word must match (a word may
 * match as a prefix), words in headings weigh more than body text, and scores are BM25-like. Pure.
 */
import { mergeByWords, normalizeQuery } from './query.ts';

export interface SourceSection {
	/** Heading id ('' for the text before the first heading). */
	anchor: string;
	heading: string;
	/** Heading level: 1 for the page title, 2–6 for headings. */
	level: number;
	/** The section's plain text, for excerpts. */
	text: string;
	/**
	 * The indexed text with its weight, as Pagefind weighs it: heading text by level, text marked with
	 * data-pagefind-weight by that weight, body text 1. Defaults to the heading at its level plus the text at 1.
	 */
	runs?: [string, number][];
}
export interface SourceDoc {
	url: string;
	title: string;
	section: string;
	sections: SourceSection[];
}

/** The shipped index: documents, their sections' text, and postings word → [section number, weighted count]. */
export interface OfflineIndex {
	docs: { url: string; title: string; section: string }[];
	/** [doc number, anchor, heading, text] */
	sections: [number, string, string, string][];
	/** word → flat list of [section number, weighted term frequency] pairs */
	words: Record<string, number[]>;
	/** Word count of each section, for length normalisation. */
	lengths: number[];
}

/** Heading words count several times, as in Pagefind's default weighting. */
const LEVEL_WEIGHT = [1, 7, 6, 5, 4, 3, 2];

export function segmenter(): Intl.Segmenter {
	return new Intl.Segmenter('zh', { granularity: 'word' });
}

export function words(text: string, seg = segmenter()): string[] {
	const out: string[] = [];
	for (const s of seg.segment(text)) if (s.isWordLike) out.push(s.segment.toLowerCase());
	return out;
}

export function buildOfflineIndex(docs: SourceDoc[], seg = segmenter()): OfflineIndex {
	const index: OfflineIndex = { docs: [], sections: [], words: {}, lengths: [] };
	const postings = new Map<string, Map<number, number>>();
	docs.forEach((doc, d) => {
		index.docs.push({ url: doc.url, title: doc.title, section: doc.section });
		for (const s of doc.sections) {
			const n = index.sections.length;
			index.sections.push([d, s.anchor, s.heading, s.text]);
			let length = 0;
			const runs = s.runs ?? [
				[s.heading, LEVEL_WEIGHT[s.level] ?? 1],
				[s.text, 1],
			];
			for (const [text, weight] of runs) {
				for (const w of words(text, seg)) {
					let p = postings.get(w);
					if (!p) postings.set(w, (p = new Map()));
					p.set(n, (p.get(n) ?? 0) + weight);
					length += 1;
				}
			}
			index.lengths.push(length);
		}
	});
	for (const [w, p] of postings) index.words[w] = [...p].flat();
	return index;
}

export interface OfflineResult {
	url: string;
	title: string;
	section: string;
	score: number;
	/** Excerpt with matches wrapped in <mark>, HTML-escaped. */
	excerpt: string;
	/** The best-matching headings of the page: anchor, heading text, excerpt. */
	subResults: { url: string; heading: string; excerpt: string }[];
}

/** BM25 term saturation and length normalisation (Pagefind's defaults are of this order). */
const K1 = 1.4;
const B = 0.75;

function escapeHtml(s: string): string {
	return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Per page: how strongly one query word occurs (weighted count; a longer word it prefixes counts for less). */
function wordCounts(index: OfflineIndex, word: string, vocabulary: string[]): Map<number, { tf: number; sections: Map<number, number> }> {
	const byDoc = new Map<number, { tf: number; sections: Map<number, number> }>();
	for (const w of vocabulary) {
		if (!w.startsWith(word)) continue;
		// Prefix matches count for less, the more so the longer the word (mirrors the online termSimilarity of 2).
		const similarity = w === word ? 1 : (word.length / w.length) ** 2;
		const list = index.words[w];
		for (let i = 0; i < list.length; i += 2) {
			const s = list[i];
			const d = index.sections[s][0];
			let e = byDoc.get(d);
			if (!e) byDoc.set(d, (e = { tf: 0, sections: new Map() }));
			e.tf += list[i + 1] * similarity;
			e.sections.set(s, (e.sections.get(s) ?? 0) + list[i + 1] * similarity);
		}
	}
	return byDoc;
}

const docLengthCache = new WeakMap<OfflineIndex, { lengths: number[]; avg: number }>();
function docLengths(index: OfflineIndex) {
	let c = docLengthCache.get(index);
	if (!c) {
		const lengths = new Array(index.docs.length).fill(0);
		index.sections.forEach(([d], s) => {
			lengths[d] += index.lengths[s];
		});
		c = { lengths, avg: lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length) };
		docLengthCache.set(index, c);
	}
	return c;
}

function excerpt(text: string, terms: string[], length = 60): string {
	const lower = text.toLowerCase();
	let at = -1;
	for (const t of terms) {
		const i = lower.indexOf(t);
		if (i >= 0 && (at < 0 || i < at)) at = i;
	}
	const start = Math.max(0, at - Math.floor(length / 3));
	const slice = text.slice(start, start + length);
	let html = escapeHtml(slice);
	for (const t of [...terms].sort((a, b) => b.length - a.length)) {
		if (!t) continue;
		html = html.replace(new RegExp(escapeHtml(t).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), (m) => `<mark>${m}</mark>`);
	}
	return (start > 0 ? '…' : '') + html.replace(/<mark><mark>/g, '<mark>').replace(/<\/mark><\/mark>/g, '</mark>') + (start + length < text.length ? '…' : '');
}

/** Pages for a set of words that must all match, best first, scored BM25-style per page as Pagefind does. */
function pagesFor(index: OfflineIndex, terms: string[], vocabulary: string[]): { id: string; score: number; best: Map<number, number> }[] {
	if (terms.length === 0) return [];
	const { lengths, avg } = docLengths(index);
	const total = index.docs.length;
	const byDoc = new Map<number, { score: number; sections: Map<number, number>; matched: number }>();
	for (const t of terms) {
		const counts = wordCounts(index, t, vocabulary);
		const idf = Math.log(1 + (total - counts.size + 0.5) / (counts.size + 0.5));
		for (const [d, c] of counts) {
			let e = byDoc.get(d);
			if (!e) byDoc.set(d, (e = { score: 0, sections: new Map(), matched: 0 }));
			const norm = c.tf + K1 * (1 - B + (B * lengths[d]) / avg);
			e.score += idf * ((c.tf * (K1 + 1)) / norm);
			e.matched += 1;
			for (const [s, n] of c.sections) e.sections.set(s, (e.sections.get(s) ?? 0) + n);
		}
	}
	return [...byDoc]
		.filter(([, e]) => e.matched === terms.length)
		.map(([d, e]) => ({ id: String(d), score: e.score, best: e.sections }))
		.sort((a, b) => b.score - a.score);
}

/** Searches the offline index the way the online search page does: questions reduced, partial matches after full ones. */
export function searchOffline(index: OfflineIndex, typed: string, limit = 20, seg = segmenter()): OfflineResult[] {
	const query = normalizeQuery(typed);
	const terms = [...new Set(words(query, seg))];
	if (terms.length === 0) return [];
	const vocabulary = Object.keys(index.words);
	let pages = pagesFor(index, terms, vocabulary);
	if (pages.length < 5) {
		const each = terms.filter((t) => [...t].length >= 2).map((t) => pagesFor(index, [t], vocabulary));
		if (each.length >= 2) pages = mergeByWords([pages, ...each]);
	}
	return pages.slice(0, limit).map((p) => {
		const d = Number(p.id);
		const doc = index.docs[d];
		const sections = [...p.best].sort((a, b) => b[1] - a[1]);
		const top = index.sections[sections[0][0]];
		return {
			url: doc.url,
			title: doc.title,
			section: doc.section,
			score: p.score,
			excerpt: excerpt(top[3] || top[2], terms),
			subResults: sections
				.filter(([s]) => index.sections[s][1] !== '')
				.slice(0, 3)
				.map(([s]) => ({
					url: `${doc.url}#${index.sections[s][1]}`,
					heading: index.sections[s][2],
					excerpt: excerpt(index.sections[s][3], terms),
				})),
		};
	});
}
