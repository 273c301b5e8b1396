/**
 * The paper tests: one printable page per question bank (/paper/<quiz-id>/), named after the training module that
 * uses it, or after the bank itself when only reference pages use it. Training modules first, in reading order.
 */
import { getCollection } from 'astro:content';
import type { QuizData } from '../schemas/quiz';
import { getPages, type HandbookPage } from './handbook';

export interface PaperTest {
	quiz: string;
	/** The training module's title, or the bank's title without “· 自测”. */
	title: string;
	data: QuizData;
	/** Pages that end with this bank, in reading order. */
	pages: HandbookPage[];
}

export async function getPaperTests(): Promise<PaperTest[]> {
	const pages = await getPages();
	const banks = await getCollection('quizzes');
	const tests = banks.map((b) => {
		const using = pages.filter((p) => p.entry.data.quiz === b.id);
		const module = using.find((p) => p.section === 'training');
		const title = module?.title ?? b.data.title.replace(/\s*·\s*自测$/, '');
		return { quiz: b.id, title, data: b.data, pages: using };
	});
	const rank = (t: PaperTest) => {
		const i = pages.findIndex((p) => p.entry.data.quiz === t.quiz);
		const training = t.pages.some((p) => p.section === 'training');
		return (training ? 0 : 1) * 1e6 + (i === -1 ? 1e5 : i);
	};
	return tests.sort((a, b) => rank(a) - rank(b));
}
