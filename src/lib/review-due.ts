/**
 * Which questions are due for spaced review, from the stored schedule alone: the home page and /progress/ show
 * “今日复习 N 题” with this, without loading the scheduler. Pure.
 */

/** At most this many questions a day: a short set a busy deputy finishes in a few minutes. */
export const DAILY_LIMIT = 10;

export interface Due {
	/** Question key (`quizId#questionId`). */
	key: string;
	due: string;
}

/** Keys of the questions due at `now`, earliest first, at most `limit`. Entries not in `current` are skipped. */
export function dueKeys(
	cards: Record<string, { due: string; hash: string }>,
	now: Date,
	current?: ReadonlyMap<string, string>,
	limit = DAILY_LIMIT,
): string[] {
	const t = now.getTime();
	return Object.entries(cards)
		.filter(([key, c]) => Date.parse(c.due) <= t && (!current || current.get(key) === c.hash))
		.sort(([ka, a], [kb, b]) => Date.parse(a.due) - Date.parse(b.due) || ka.localeCompare(kb))
		.slice(0, limit)
		.map(([key]) => key);
}
