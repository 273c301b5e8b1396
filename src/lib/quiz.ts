/**
 * Quiz logic shared by the build and the browser: the form a quiz is shipped in, grading, shuffling and the quiz
 * fingerprint. Pure.
 */
import type { Question, QuizData } from '../schemas/quiz';
import { hash } from './hash';
import { questionFingerprint } from './notebook';

export type QuestionType = Question['type'];

/** How each question type is named next to the question number (“第 1 题（单选）”). */
export const typeNames: Record<QuestionType, string> = { single: '单选', multiple: '多选', truefalse: '判断' };

/** The two options of every true/false question, in this order and never shuffled. */
export const trueFalseOptions = [
	{ id: 'true', text: '正确', pinned: true },
	{ id: 'false', text: '错误', pinned: true },
] as const;

/** The options a question is answered with: its own, or 正确/错误 for a true/false question. */
export function questionOptions(q: Question): readonly { id: string; text: string; pinned: boolean }[] {
	return q.type === 'truefalse' ? trueFalseOptions : q.options;
}

/** The ids of the right options: for true/false, `['true']` or `['false']`. */
export function answerIds(q: Question): string[] {
	return q.type === 'truefalse' ? [String(q.answer)] : q.type === 'single' ? [q.answer] : q.answer;
}

/** The right answer in words, as the quiz shows it without JavaScript: the texts of the right options. */
export function answerText(q: Question): string {
	const ids = answerIds(q);
	return questionOptions(q)
		.filter((o) => ids.includes(o.id))
		.map((o) => o.text)
		.join('；');
}

/** A quiz as the browser gets it: what grading and keeping a record need, with the quiz's fingerprint. */
export function toGradable(quiz: QuizData): GradableQuiz {
	return {
		hash: quizFingerprint(quiz),
		passPercent: quiz.passPercent,
		questions: quiz.questions.map((q) => ({
			id: q.id,
			type: q.type,
			answer: answerIds(q),
			options: questionOptions(q).map((o) => ({ id: o.id, pinned: o.pinned })),
			source: q.source,
			hash: questionFingerprint(q),
		})),
	};
}

/** The part of a question the browser needs to grade and explain it (no Zod, no defaults). */
export interface GradableQuestion {
	id: string;
	type: QuestionType;
	/** Correct option ids; for true/false, `['true']` or `['false']`. */
	answer: string[];
	options: { id: string; pinned?: boolean }[];
	source: string;
	/** The question's own fingerprint (`questionFingerprint`): its 错题本 entry and review schedule are kept against it. */
	hash: string;
}

export interface GradableQuiz {
	/** The quiz's fingerprint (`quizFingerprint`): records are kept against it. */
	hash: string;
	passPercent: number;
	questions: GradableQuestion[];
}

export interface QuestionResult {
	id: string;
	correct: boolean;
	answered: boolean;
}

export interface QuizResult {
	correct: number;
	total: number;
	/** Whole percent, rounded down, so “80%” never passes on 79.6. */
	percent: number;
	passed: boolean;
	results: QuestionResult[];
}

/** Right only when the selection is exactly the answer set: a partly right multiple choice counts as wrong. */
export function gradeQuestion(q: GradableQuestion, selected: readonly string[]): boolean {
	const want = new Set(q.answer);
	const got = new Set(selected);
	if (want.size !== got.size) return false;
	for (const id of got) if (!want.has(id)) return false;
	return true;
}

export function gradeQuiz(quiz: Pick<GradableQuiz, 'passPercent' | 'questions'>, answers: Record<string, readonly string[]>): QuizResult {
	const results = quiz.questions.map((q) => {
		const selected = answers[q.id] ?? [];
		return { id: q.id, correct: gradeQuestion(q, selected), answered: selected.length > 0 };
	});
	const correct = results.filter((r) => r.correct).length;
	const total = quiz.questions.length;
	const percent = total === 0 ? 0 : Math.floor((correct * 100) / total);
	return { correct, total, percent, passed: percent >= quiz.passPercent, results };
}

/**
 * A new order of the option ids for one attempt. Unpinned options are shuffled among themselves; a pinned option
 * (“以上都是”) keeps its place. The result is a list of ids: answers stay attached to ids, never to positions.
 */
export function shuffleOptionIds(options: { id: string; pinned?: boolean }[], random: () => number = Math.random): string[] {
	const free = options.filter((o) => !o.pinned).map((o) => o.id);
	for (let i = free.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[free[i], free[j]] = [free[j], free[i]];
	}
	let k = 0;
	return options.map((o) => (o.pinned ? o.id : free[k++]));
}

/** What the fingerprint reads of a quiz: everything a deputy answers against, not the explanations. */
export interface FingerprintQuiz {
	passPercent: number;
	questions: { id: string; type: string; prompt: string; answer: unknown; options?: { id: string; text: string }[] }[];
}

/**
 * The fingerprint of a quiz: changes when a question, an option, an answer or the pass mark changes, so a record
 * made against an older version no longer counts as passed. Editing an explanation does not ask again.
 */
export function quizFingerprint(quiz: FingerprintQuiz): string {
	const canonical = quiz.questions.map((q) => [
		q.id,
		q.type,
		q.prompt,
		Array.isArray(q.answer) ? [...q.answer].sort() : q.answer,
		(q.options ?? []).map((o) => [o.id, o.text]),
	]);
	return hash(JSON.stringify([quiz.passPercent, canonical]));
}
