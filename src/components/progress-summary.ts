/**
 * `<handbook-progress-summary>`: fills in progress on pages that show it without depending on it (the home page and
 * /start/): `[data-progress-summary]` gets “你已通过 3/6 个必修模块。”, and `[data-step="training/x"] [data-status]`
 * the module's status, and `[data-review-due]` (hidden until then) “今日复习 N 题 →” when questions are due by the
 * stored schedule (without the scheduler), kept current as the progress changes. Loaded once the page is idle
 * (ProgressSummary.astro).
 */
import { type Completion, completion, type ModuleInfo, statusText } from '../lib/completion';
import type { Progress } from '../lib/progress-store';
import { showDue } from './review-due-link';
import { openProgress } from './progress';

class HandbookProgressSummary extends HTMLElement {
	async connectedCallback() {
		const modules: ModuleInfo[] = JSON.parse(this.querySelector('script')!.textContent!);
		const { store, subscribe } = await openProgress();
		const show = (progress: Progress) => this.render(progress, completion(modules, progress));
		show(store.read());
		// A quiz passed or the progress cleared in another tab shows here too.
		subscribe(show);
	}

	render(progress: Progress, state: Completion) {
		const started = Object.keys(progress.quizzes).length + Object.keys(progress.read).length > 0;
		for (const el of document.querySelectorAll('[data-progress-summary]')) {
			el.textContent =
				started || state.requiredPassed > 0
					? `你已通过 ${state.requiredPassed}/${state.requiredTotal} 个必修模块${state.complete ? '，可以生成学习记录了。' : '。'}`
					: '';
		}
		showDue(progress);
		const byKey = new Map(state.modules.map((m) => [m.key, m]));
		for (const step of document.querySelectorAll<HTMLElement>('[data-step]')) {
			const key = step.dataset.step!;
			const m = byKey.get(key);
			const done = m ? (m.quiz ? m.passed : m.read) : Boolean(progress.read[key]);
			const status = step.querySelector('[data-status]');
			// A module's self-test once it has been tried; before that, whether its page was read.
			const tried = m?.quiz !== undefined && (m.passed || m.outdated || m.best !== undefined);
			if (status) status.textContent = m && tried ? statusText(m) : done ? '✓ 已读' : m?.read ? '已读，待自测' : '';
			step.classList.toggle('is-done', done);
		}
	}
}

customElements.define('handbook-progress-summary', HandbookProgressSummary);
