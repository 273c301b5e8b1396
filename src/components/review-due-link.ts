/** “今日复习 N 题 →” on the home page and /progress/, from the stored due dates (review-due.ts), without ts-fsrs. */
import type { Progress } from '../lib/progress-store';
import { dueKeys } from '../lib/review-due';

/**
 * Fills `[data-review-due]` elements with how many questions the review schedule brings back today (at most the
 * daily set), and shows them only when there are some: never a nag when nothing is due.
 */
export function showDue(progress: Progress, now = new Date()) {
	const n = dueKeys(progress.reviews, now).length;
	for (const el of document.querySelectorAll<HTMLElement>('[data-review-due]')) {
		el.hidden = n === 0;
		const count = el.querySelector('[data-review-count]');
		if (count) count.textContent = String(n);
	}
}
