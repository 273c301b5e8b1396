/** Answers a quiz on a page the way a reader would, using the options' visible labels. */
import type { Page } from 'playwright-core';

interface Gradable {
	passPercent: number;
	questions: { id: string; type: string; answer: string[]; options: { id: string }[]; source: string }[];
}

export async function gradable(page: Page): Promise<{ quizId: string; data: Gradable }> {
	const quiz = page.locator('handbook-quiz');
	const quizId = (await quiz.getAttribute('data-quiz'))!;
	const data = JSON.parse((await quiz.locator('script[data-gradable]').textContent())!);
	return { quizId, data };
}

/** Waits until the quiz element has taken over the form (its code loads as the quiz nears the screen). */
export async function quizReady(page: Page) {
	await page.locator('handbook-quiz').scrollIntoViewIfNeeded();
	await page.locator('handbook-quiz [data-actions]').waitFor({ state: 'visible' });
}

/** Picks the right (or a wrong) answer for every question by clicking the option labels. */
export async function answerAll(page: Page, mode: 'right' | 'wrong') {
	await quizReady(page);
	const { quizId, data } = await gradable(page);
	for (const q of data.questions) {
		const ids =
			mode === 'right'
				? q.answer
				: [q.options.map((o) => o.id).find((id) => !q.answer.includes(id))!];
		for (const id of ids) {
			await page.locator(`input[name="${quizId}-${q.id}"][value="${id}"]`).check();
		}
	}
	return data;
}
