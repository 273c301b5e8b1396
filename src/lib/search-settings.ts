/**
 * How the handbook searches, in one place: read by the indexer (src/integrations/search-index.ts), the search
 * in the header and on /search/ (src/components/search-*.ts) and the offline edition's search
 * (src/lib/offline-search.ts), so both editions index, rank and show results alike.
 */

/** The index's language: Pagefind cuts Chinese into words (jieba) for it, whatever a page's `lang` says. */
export const SEARCH_LANGUAGE = 'zh-cn';

/**
 * Ranking for Chinese. The index is cut into words by jieba, the query by the browser's Intl.Segmenter, which often
 * cuts finer (履职 → 履/职). A query piece then matches longer index words as a prefix (职 → 职务, 职权 …) and
 * drowns the page that has the actual word. Weighing prefix matches down harder than Pagefind's default
 * (termSimilarity 2 instead of 1) fixed most of those misses on the handbook's recall query set.
 */
export const RANKING = { termSimilarity: 2 };

/** Words in a result's excerpt. */
export const EXCERPT_WORDS = 40;

/** Matching headings listed under a result (those with the most matches, in page order). */
export const SUB_RESULTS = 3;

/** The parameter a result link carries with the searched words, read by the page it opens to mark them. */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * Results shown at first: what fills a phone screen (375 × 740 px: about five results with their headings).
 * “更多结果”, or scrolling to the end of the list, shows the next MORE_RESULTS.
 */
export const FIRST_RESULTS = 5;
export const MORE_RESULTS = 10;

/** With fewer pages than this containing every word of a question, pages containing some of them follow. */
export const PARTIAL_BELOW = 5;
