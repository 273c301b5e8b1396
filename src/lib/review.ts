/**
 * Spaced review: when each answered question comes back, computed by FSRS (the `ts-fsrs` scheduler, the
 * algorithm Anki uses). A right answer rates the question “good”, a wrong one “again”. Intervals are whole days
 * (no minute-level learning steps: the set is offered once a day) and without random fuzz, so the same answers on
 * the same dates always give the same schedule. Loaded only where answers are recorded or reviewed; the due count
 * on the home page reads the stored dates (review-due.ts). Pure apart from the scheduler.
 */
import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import { questionKey, type Answer } from './notebook';
import type { ReviewCard, Reviews } from './review-due';

export type { ReviewCard, Reviews };

const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false, request_retention: 0.9, maximum_interval: 365 });

function toCard(c: ReviewCard): Card {
	return {
		due: new Date(c.due),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsed_days: 0,
		scheduled_days: c.scheduled_days,
		learning_steps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state,
		last_review: c.last_review ? new Date(c.last_review) : undefined,
	};
}

function fromCard(hash: string, c: Card): ReviewCard {
	const out: ReviewCard = {
		hash,
		due: c.due.toISOString(),
		stability: c.stability,
		difficulty: c.difficulty,
		scheduled_days: c.scheduled_days,
		learning_steps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state,
	};
	if (c.last_review) out.last_review = c.last_review.toISOString();
	return out;
}

/**
 * The schedules after some answers. Every answered question is scheduled (a new one starts from an empty card,
 * as does one whose fingerprint changed); unanswered questions are left as they are.
 */
export function scheduleAnswers(reviews: Reviews, answers: readonly Answer[], now = new Date()): Reviews {
	const next = { ...reviews };
	for (const a of answers) {
		if (a.chosen.length === 0) continue;
		const key = questionKey(a.quiz, a.question);
		const previous = next[key]?.hash === a.hash ? toCard(next[key]) : createEmptyCard(now);
		const { card } = scheduler.next(previous, now, a.correct ? Rating.Good : Rating.Again);
		next[key] = fromCard(a.hash, card);
	}
	return next;
}
