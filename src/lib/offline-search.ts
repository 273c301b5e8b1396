/**
 * Search in the offline edition opened from file://: Pagefind itself, loaded from plain scripts
 * (src/integrations/pagefind-pack.ts), asked as the online search is asked (src/lib/search-results.ts: same
 * settings, same handling of questions, same results list).
 */
import { INDEX_PATH } from './pagefind-files.ts';
import { EXCERPT_WORDS, RANKING } from './search-settings.ts';

export type { PagefindApi, PagefindResult, PagefindResultData } from './search-results.ts';

/** Pagefind's options for the offline edition: those of the online search, run without a worker. */
export const PAGEFIND_OPTIONS = {
	basePath: INDEX_PATH,
	baseUrl: '/',
	excerptLength: EXCERPT_WORDS,
	ranking: RANKING,
	// A worker cannot be started from a local file; the same search runs on the page instead (Pagefind's own
	// fallback, chosen here up front).
	noWorker: true,
};

