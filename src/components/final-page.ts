/**
 * `<handbook-final>`, the body of /final/: shows which required modules are still unread, or, once all are read,
 * draws an attempt across the required modules' banks, grades it, keeps the record (against the final self-test's
 * fingerprint) and sends every answer to the 错题本 and the review schedule. Loaded after the page.
 */
import { type DrawnQuestion, drawFinal, finalFingerprint, finalOpen, gradeFinal } from '../lib/final-test';
import type { ModuleInfo } from '../lib/completion';
import type { ProgressStore } from '../lib/progress-store';
import { type BookQuestion, finalBanks, fingerprints, type QuestionBook } from '../lib/question-book';
import { chosenIn, dayText, el, loadBook, questionField, showAnswer } from './question-view';
import { openProgress } from './progress';

class HandbookFinal extends HTMLElement {
	#store!: ProgressStore;
	#book!: QuestionBook;
	#drawn: DrawnQuestion[] = [];
	#hash = '';

	get #config() {
		return { count: Number(this.dataset.count), passPercent: Number(this.dataset.pass) };
	}

	async connectedCallback() {
		const status = this.querySelector<HTMLElement>('[data-status]')!;
		const modules: ModuleInfo[] = JSON.parse(this.querySelector('script[data-modules]')!.textContent!);
		const { store, subscribe } = await openProgress();
		this.#store = store;
		status.hidden = true;
		const gate = () => {
			const read = store.read().read;
			const open = finalOpen(modules.map((m) => ({ required: m.required, read: Boolean(read[m.key]) })));
			for (const li of this.querySelectorAll<HTMLElement>('[data-locked] [data-module]')) li.hidden = Boolean(read[li.dataset.module!]);
			this.querySelector<HTMLElement>('[data-locked]')!.hidden = open;
			const inAttempt = !this.querySelector<HTMLElement>('[data-form]')!.hidden;
			this.querySelector<HTMLElement>('[data-open]')!.hidden = !open || inAttempt;
			return open;
		};
		gate();
		// A module read in another tab opens the test here too.
		subscribe(() => gate());
		try {
			this.#book = await loadBook();
		} catch {
			status.textContent = '题目没有加载成功。请联网后刷新本页；安装到桌面的手册在联网打开一次后就能离线使用。';
			status.hidden = false;
			return;
		}
		this.#store.dropStale(fingerprints(this.#book));
		this.#hash = finalFingerprint(this.#config, finalBanks(this.#book));
		this.#showLast();
		this.querySelector('[data-start]')!.addEventListener('click', () => this.#start());
		this.querySelector('[data-form]')!.addEventListener('submit', (e) => {
			e.preventDefault();
			void this.#submit();
		});
	}

	#showLast() {
		const record = this.#store.read().final;
		const last = this.querySelector('[data-last]')!;
		if (!record || record.hash !== this.#hash) {
			last.textContent = record ? '题库或设置已经更新，请重新做一次结业自测。' : '';
			return;
		}
		last.textContent = `${record.passed ? `✓ 已通过（${dayText(record.passedAt!)}）` : '尚未通过'}，最好成绩 ${record.best}%，上次 ${record.last}%，共做过 ${record.attempts} 次。`;
	}

	#start() {
		this.#drawn = drawFinal(finalBanks(this.#book), this.#config.count);
		const box = this.querySelector('[data-questions]')!;
		box.replaceChildren(
			...this.#drawn.map((d, i) => questionField(d.question as BookQuestion, d.key, `第 ${i + 1} 题`)),
		);
		const form = this.querySelector<HTMLFormElement>('[data-form]')!;
		form.hidden = false;
		form.querySelector<HTMLButtonElement>('button[type="submit"]')!.hidden = false;
		this.querySelector<HTMLElement>('[data-open]')!.hidden = true;
		const result = this.querySelector<HTMLElement>('[data-result]')!;
		result.replaceChildren();
		result.className = 'quiz__result';
		form.querySelector('input')?.focus();
	}

	async #submit() {
		const form = this.querySelector<HTMLFormElement>('[data-form]')!;
		const fields = new Map([...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-key]')].map((f) => [f.dataset.key!, f]));
		const answers = Object.fromEntries(this.#drawn.map((d) => [d.key, chosenIn(fields.get(d.key)!)]));
		const unanswered = this.#drawn.filter((d) => answers[d.key].length === 0).length;
		if (unanswered > 0 && !window.confirm(`还有 ${unanswered} 道题没有作答，没答的算答错。确定交卷吗？`)) return;
		const { passPercent } = this.#config;
		const graded = gradeFinal(this.#drawn, passPercent, answers);
		graded.results.forEach((r, i) => {
			const d = this.#drawn[i];
			showAnswer(fields.get(d.key)!, d.question as BookQuestion, answers[d.key], r.correct);
		});
		form.querySelector<HTMLButtonElement>('button[type="submit"]')!.hidden = true;
		const record = this.#store.recordFinal(this.#hash, graded.percent, graded.passed);
		const schedule = await import('../lib/review').then((m) => m.scheduleAnswers).catch(() => undefined);
		this.#store.recordAnswers(
			this.#drawn.map((d, i) => ({ quiz: d.quiz, question: d.question.id, hash: d.question.hash, chosen: answers[d.key], correct: graded.results[i].correct })),
			schedule,
		);
		const wrong = graded.results.filter((r) => !r.correct).length;
		const result = this.querySelector<HTMLElement>('[data-result]')!;
		result.className = `quiz__result ${graded.passed ? 'is-pass' : 'is-fail'}`;
		const again = el('button', { type: 'button', className: 'button', textContent: '再测一次（重新抽题）' });
		again.addEventListener('click', () => this.#start());
		result.replaceChildren(
			el('p', {
				className: 'quiz__score',
				textContent: `${graded.passed ? '通过' : '未通过'}：答对 ${graded.correct} / ${graded.total} 题（${graded.percent}%），及格线 ${passPercent}%。`,
			}),
			el('p', {
				textContent: `最好成绩 ${record.best}%。这是自测，成绩只保存在本机${record.passed ? '，会写进学习记录' : ''}。${wrong > 0 ? `答错的 ${wrong} 道题已记入错题本。` : ''}每道题的解析见下方。`,
			}),
			el('p', { className: 'quiz__actions' }, again),
		);
		result.focus();
		this.#showLast();
	}
}

customElements.define('handbook-final', HandbookFinal);
