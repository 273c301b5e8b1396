/** The question book of this edition (src/lib/question-book.ts), from the pages that end with a quiz. */
import { getPages, getQuiz } from './handbook';
import { pageKey } from '../lib/navigation';
import { pageRefPath, parsePageRef } from '../lib/paths';
import type { QuestionBook } from '../lib/question-book';
import { answerText, questionOptions, toGradable } from '../lib/quiz';

let cache: Promise<QuestionBook> | undefined;

async function build(): Promise<QuestionBook> {
	const pages = await getPages();
	const titles = new Map(pages.map((p) => [pageKey(p), p.title]));
	const label = (ref: string) => {
		const { page, anchor } = parsePageRef(ref);
		return `${titles.get(page) ?? page}${anchor ? ` · ${anchor}` : ''}`;
	};
	// A quiz may end several pages (one bank for the pages on the eight obligations): it is listed once, under the
	// first of them in reading order, named by its page when it ends only that one and by its own title otherwise.
	const uses = new Map<string, typeof pages>();
	for (const p of pages) {
		const id = p.entry.data.quiz;
		if (id) uses.set(id, [...(uses.get(id) ?? []), p]);
	}
	const quizzes = [];
	for (const [id, [p, ...others]] of uses) {
		const quiz = await getQuiz(id);
		if (!quiz) continue;
		const gradable = toGradable(quiz);
		quizzes.push({
			id,
			page: pageKey(p),
			title: others.length === 0 ? p.title : quiz.title.replace(/\s*·\s*自测$/, ''),
			required: p.section === 'training' && Boolean(p.required),
			hash: gradable.hash,
			passPercent: quiz.passPercent,
			questions: quiz.questions.map((q, i) => ({
				...gradable.questions[i],
				prompt: q.prompt,
				options: questionOptions(q).map((o) => (o.pinned ? { id: o.id, text: o.text, pinned: true } : { id: o.id, text: o.text })),
				explanation: q.explanation,
				answerText: answerText(q),
				sourcePath: pageRefPath(q.source),
				sourceLabel: label(q.source),
			})),
		});
	}
	return { quizzes };
}

export function getQuestionBook(): Promise<QuestionBook> {
	cache ??= build();
	return cache;
}

