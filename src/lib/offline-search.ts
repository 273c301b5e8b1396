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
	text: string;
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
	/** Average weighted length of a section, for length normalisation. */
	avgLength: number;
	/** Weighted length of each section. */
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
	const index: OfflineIndex = { docs: [], sections: [], words: {}, avgLength: 0, lengths: [] };
	const postings = new Map<string, Map<number, number>>();
	docs.forEach((doc, d) => {
		index.docs.push({ url: doc.url, title: doc.title, section: doc.section });
		for (const s of doc.sections) {
			const n = index.sections.length;
			index.sections.push([d, s.anchor, s.heading, s.text]);
			let length = 0;
			const add = (text: string, weight: number) => {
				for (const w of words(text, seg)) {
					let p = postings.get(w);
					if (!p) postings.set(w, (p = new Map()));
					p.set(n, (p.get(n) ?? 0) + weight);
					length += weight;
				}
			};
			add(s.heading, LEVEL_WEIGHT[s.level] ?? 1);
			add(s.text, 1);
			index.lengths.push(length);
		}
	});
	for (const [w, p] of postings) index.words[w] = [...p].flat();
	index.avgLength = index.lengths.reduce((a, b) => a + b, 0) / Math.max(1, index.lengths.length);
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

const K1 = 1.2;
const B = 0.75;

function escapeHtml(s: string): string {
	return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Score of each section for one query word (exact words, or words starting with it). */
function scoreWord(index: OfflineIndex, word: string, prefixes: string[]): Map<number, number> {
	const scores = new Map<number, number>();
	const matching = prefixes.filter((w) => w.startsWith(word));
	const total = index.sections.length;
	for (const w of matching) {
		const list = index.words[w];
		const df = list.length / 2;
		const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
		// A longer word that merely starts with the query word counts a little less than the word itself.
		const exact = w === word ? 1 : 0.7;
		for (let i = 0; i < list.length; i += 2) {
			const s = list[i];
			const tf = list[i + 1];
			const norm = tf + K1 * (1 - B + (B * index.lengths[s]) / index.avgLength);
			scores.set(s, (scores.get(s) ?? 0) + exact * idf * ((tf * (K1 + 1)) / norm));
		}
	}
	return scores;
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

/** Pages for a set of words that must all match, best first. */
function pagesFor(index: OfflineIndex, terms: string[], vocabulary: string[]): { id: string; score: number; best: Map<number, number> }[] {
	if (terms.length === 0) return [];
	const perTerm = terms.map((t) => scoreWord(index, t, vocabulary));
	const byDoc = new Map<number, { score: number; sections: Map<number, number>; matched: Set<number> }>();
	perTerm.forEach((scores, t) => {
		for (const [s, score] of scores) {
			const d = index.sections[s][0];
			let e = byDoc.get(d);
			if (!e) byDoc.set(d, (e = { score: 0, sections: new Map(), matched: new Set() }));
			e.score += score;
			e.sections.set(s, (e.sections.get(s) ?? 0) + score);
			e.matched.add(t);
		}
	});
	return [...byDoc]
		.filter(([, e]) => e.matched.size === terms.length)
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
