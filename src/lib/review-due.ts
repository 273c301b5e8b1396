/**
 * The stored review schedule and which questions are due, from the stored dates alone: the home page and
 * /progress/ show “今日复习 N 题” with this, without loading the scheduler (src/lib/review.ts). Pure.
 */
import * as z from 'zod/mini';
import { isoDate } from './iso-date';

/** One question's schedule as stored: FSRS's card with dates as ISO strings, and the question's fingerprint. */
export const reviewCard = z.object({
	hash: z.string().check(z.minLength(1)),
	due: isoDate,
	stability: z.number().check(z.gte(0)),
	difficulty: z.number().check(z.gte(0)),
	scheduled_days: z.number().check(z.gte(0)),
	learning_steps: z.number().check(z.int(), z.gte(0)),
	reps: z.number().check(z.int(), z.gte(0)),
	lapses: z.number().check(z.int(), z.gte(0)),
	/** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
	state: z.number().check(z.int(), z.gte(0), z.lte(3)),
	last_review: z.optional(isoDate),
});

export type ReviewCard = z.infer<typeof reviewCard>;
/** Schedules by question key (`quizId#questionId`). */
export type Reviews = Record<string, ReviewCard>;

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
