/**
 * What a deputy types is often a question (“代表能不能被逮捕”, “建议多久答复”). Pagefind requires every word of
 * the query on a page, so question words and particles that a page never says would hide the right answer.
 * This turns a typed query into the words that carry meaning. Pure; used by the search UI in the browser.
 */
import { PARTIAL_BELOW } from './search-settings.ts';

/** Question words, particles and fillers that carry no subject matter, longest first. */
const FILLERS = [
	'能不能', '可不可以', '是不是', '要不要', '会不会', '有没有', '该不该', '需不需要', '怎么样', '怎么办', '为什么',
	'是什么', '有哪些', '哪些', '什么', '怎么', '怎样', '如何', '多久', '多长时间', '多少', '几个', '请问', '一下',
	'应该', '需要', '可以', '能否', '是否', '吗', '呢', '吧', '啊', '呀', '么', '了', '的', '地', '得',
];

const FILLER_WORDS = new Set(FILLERS);
/** The longest filler, in segmenter words (能不能 may come as 能/不能). */
const MAX_PIECES = 4;

const PUNCTUATION = /[\s\p{P}\p{S}]+/gu;

/**
 * The meaningful part of a query: punctuation and fillers removed, the rest kept in order, separated by spaces.
 * Fillers go only as whole words, as the browser segments the query (one word or a few adjacent ones): the 的 of
 * 目的, the 地 of 地方 and the 了 of 了解 stay. Short queries (three characters or fewer) are returned as typed, so a
 * term like “多少” can still be searched on its own.
 */
export function normalizeQuery(typed: string, segmenter = new Intl.Segmenter('zh', { granularity: 'word' })): string {
	const text = typed.replace(PUNCTUATION, ' ').trim();
	if ([...text.replace(/\s/g, '')].length <= 3) return text;
	const pieces = [...segmenter.segment(text)];
	let out = '';
	for (let i = 0; i < pieces.length; ) {
		let taken = 0;
		for (let n = Math.min(MAX_PIECES, pieces.length - i); n >= 1 && !taken; n--) {
			const run = pieces.slice(i, i + n);
			if (run.every((p) => p.isWordLike) && FILLER_WORDS.has(run.map((p) => p.segment).join(''))) taken = n;
		}
		out += taken ? ' ' : pieces[i].segment;
		i += taken || 1;
	}
	out = out.replace(/\s+/g, ' ').trim();
	return out.length > 0 ? out : text;
}

/** The words of a normalized query as the browser segments Chinese (the same segmentation Pagefind uses). */
export function queryWords(query: string, segmenter = new Intl.Segmenter('zh', { granularity: 'word' })): string[] {
	return [...segmenter.segment(query)].filter((s) => s.isWordLike).map((s) => s.segment);
}

export interface Scored {
	id: string;
	score: number;
}

/**
 * Merges the results of searching each word on its own, for a query whose words never all appear on one page:
 * pages matching more of the words come first, then by the sum of their scores.
 */
export function mergeByWords<T extends Scored>(perWord: T[][]): T[] {
	const merged = new Map<string, { item: T; words: number; score: number }>();
	for (const results of perWord) {
		for (const r of results) {
			const m = merged.get(r.id);
			if (m) {
				m.words += 1;
				m.score += r.score;
			} else merged.set(r.id, { item: r, words: 1, score: r.score });
		}
	}
	return [...merged.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((m) => m.item);
}

/**
 * Searches a typed query as the handbook's search pages do: the query reduced to its meaningful words; if fewer
 * than PARTIAL_BELOW (five) pages contain all of them, pages containing some of them follow (searched word by word, two
 * characters or more). `search` is Pagefind's search, in both editions.
 */
export async function searchQuestion<T extends Scored>(typed: string, search: (query: string) => Promise<T[]> | T[]): Promise<T[]> {
	const query = normalizeQuery(typed);
	const all = await search(query);
	if (all.length >= PARTIAL_BELOW) return all;
	const words = queryWords(query).filter((w) => [...w].length >= 2);
	if (words.length < 2) return all;
	const each = await Promise.all(words.map((w) => search(w)));
	return mergeByWords([all, ...each]);
}
