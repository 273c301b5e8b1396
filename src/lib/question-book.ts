/**
 * The question book: every quiz of this edition with what /review/ (错题本, 今日复习) and /final/ (结业自测) show
 * and grade: prompts, option texts, answers, explanations and where each answer is explained. Built once per edition
 * (src/data/question-book.ts) and shipped as a static JSON file fetched on demand (or, in the file edition, in the
 * page). Pure.
 */
import type { FinalBank } from './final-test';
import { type Notebook, type NotebookEntry, questionKey } from './notebook';
import type { GradableQuestion } from './quiz';

export interface BookQuestion extends GradableQuestion {
	prompt: string;
	options: { id: string; text: string; pinned?: boolean }[];
	explanation: string;
	/** The right answer in words. */
	answerText: string;
	/** Site-relative path of the section the answer comes from (`duties/attend/#会前`), and its name. */
	sourcePath: string;
	sourceLabel: string;
}

export interface BookQuiz {
	/** Quiz id. */
	id: string;
	/** Key of the page the quiz ends (`training/system`), its title, and whether it is a required module. */
	page: string;
	title: string;
	required: boolean;
	/** The quiz's fingerprint (quizFingerprint). */
	hash: string;
	passPercent: number;
	questions: BookQuestion[];
}

export interface QuestionBook {
	quizzes: BookQuiz[];
}

export interface BookEntry {
	key: string;
	quiz: BookQuiz;
	question: BookQuestion;
}

/** Every question of the edition by question key. */
export function bookIndex(book: QuestionBook): Map<string, BookEntry> {
	const out = new Map<string, BookEntry>();
	for (const quiz of book.quizzes) {
		for (const question of quiz.questions) {
			const key = questionKey(quiz.id, question.id);
			out.set(key, { key, quiz, question });
		}
	}
	return out;
}

/** Each question key's current fingerprint: what dropStale and dueKeys compare stored entries with. */
export function fingerprints(book: QuestionBook): Map<string, string> {
	return new Map([...bookIndex(book)].map(([key, e]) => [key, e.question.hash]));
}

export interface NotebookGroup {
	quiz: BookQuiz;
	entries: { key: string; question: BookQuestion; entry: NotebookEntry }[];
}

/**
 * The 错题本 by module, in the book's order (reading order), questions in their quiz's order. Entries the book
 * does not know (or knows with another fingerprint) are left out: drop them with dropStale first.
 */
export function notebookGroups(book: QuestionBook, notebook: Notebook): NotebookGroup[] {
	const groups: NotebookGroup[] = [];
	for (const quiz of book.quizzes) {
		const entries = quiz.questions.flatMap((question) => {
			const key = questionKey(quiz.id, question.id);
			const entry = notebook[key];
			return entry && entry.hash === question.hash ? [{ key, question, entry }] : [];
		});
		if (entries.length > 0) groups.push({ quiz, entries });
	}
	return groups;
}

/** The banks of the final self-test: the required modules' quizzes, in the book's order. */
export function finalBanks(book: QuestionBook): FinalBank[] {
	return book.quizzes.filter((q) => q.required).map((q) => ({ quiz: q.id, hash: q.hash, questions: q.questions }));
}
