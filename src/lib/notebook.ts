/**
 * 错题本: every question a deputy answered wrongly, kept on the device until it is answered right twice in a row.
 * Pure; the progress store keeps the entries. An entry is tied to the question's own fingerprint, so editing a
 * question (its prompt, options or answer) drops the entries made against the old wording, while editing another
 * question of the same quiz, or an explanation, keeps them.
 */
import * as z from 'zod/mini';
import { hash } from './hash';
import { isoDate } from './iso-date';

/** Right this many times in a row (in a quiz or in /review/) and a question leaves the notebook. */
export const RIGHT_IN_A_ROW = 2;

export const notebookEntry = z.object({
	/** Fingerprint of the question when it was answered wrongly. */
	hash: z.string().check(z.minLength(1)),
	/** When it was first and last answered wrongly. */
	firstWrongAt: isoDate,
	lastWrongAt: isoDate,
	/** The option ids chosen the last time it was answered wrongly. */
	chosen: z.array(z.string()),
	wrong: z.number().check(z.int(), z.gte(1)),
	/** Right answers since the last wrong one. */
	streak: z.number().check(z.int(), z.gte(0), z.lt(RIGHT_IN_A_ROW)),
});

export type NotebookEntry = z.infer<typeof notebookEntry>;
/** Entries by question key (`quizId#questionId`). */
export type Notebook = Record<string, NotebookEntry>;

export function questionKey(quiz: string, question: string): string {
	return `${quiz}#${question}`;
}

export function splitKey(key: string): { quiz: string; question: string } {
	const at = key.indexOf('#');
	return { quiz: key.slice(0, at), question: key.slice(at + 1) };
}

/** What the fingerprint of one question reads: what a deputy answers against, not the explanation. */
export interface FingerprintQuestion {
	id: string;
	type: string;
	prompt: string;
	answer: unknown;
	options?: { id: string; text: string }[];
}

export function questionFingerprint(q: FingerprintQuestion): string {
	const answer = Array.isArray(q.answer) ? [...q.answer].sort() : q.answer;
	return hash(JSON.stringify([q.id, q.type, q.prompt, answer, (q.options ?? []).map((o) => [o.id, o.text])]));
}

/** One answered question, from a module quiz, the final self-test or /review/. */
export interface Answer {
	quiz: string;
	question: string;
	/** The question's current fingerprint. */
	hash: string;
	chosen: readonly string[];
	correct: boolean;
}

/**
 * The notebook after some answers. A wrong answer adds the question (or restarts its streak); a right answer to a
 * question in the notebook counts towards RIGHT_IN_A_ROW and removes it there; a right answer to a question not in
 * it changes nothing. An unanswered question (nothing chosen) is not an answer. An entry made against an older
 * fingerprint is treated as absent.
 */
export function noteAnswers(notebook: Notebook, answers: readonly Answer[], now = new Date()): Notebook {
	const next = { ...notebook };
	const at = now.toISOString();
	for (const a of answers) {
		if (a.chosen.length === 0) continue;
		const key = questionKey(a.quiz, a.question);
		const previous = next[key]?.hash === a.hash ? next[key] : undefined;
		if (!a.correct) {
			next[key] = {
				hash: a.hash,
				firstWrongAt: previous?.firstWrongAt ?? at,
				lastWrongAt: at,
				chosen: [...a.chosen],
				wrong: (previous?.wrong ?? 0) + 1,
				streak: 0,
			};
		} else if (previous) {
			const streak = previous.streak + 1;
			if (streak >= RIGHT_IN_A_ROW) delete next[key];
			else next[key] = { ...previous, streak };
		} else {
			delete next[key];
		}
	}
	return next;
}

/**
 * The notebook without entries whose question no longer exists or has changed since. `current` maps each
 * question key of the handbook to the question's current fingerprint.
 */
export function dropStale(notebook: Notebook, current: ReadonlyMap<string, string>): Notebook {
	return Object.fromEntries(Object.entries(notebook).filter(([key, e]) => current.get(key) === e.hash));
}
