/**
 * `<handbook-quiz>`: turns the server-rendered quiz form into a scored self-check. Options are shuffled per
 * attempt by id; submitting marks each question 正确/错误 in words, shows its explanation and a link to the section
 * it comes from, announces the result in a polite live region and moves focus there. Best and last scores are kept
 * in the progress store; if storage is unavailable the quiz still works for this visit.
 */
import { statusText } from '../lib/completion';
import type { ProgressStore } from '../lib/progress-store';
import { type GradableQuiz, gradeQuiz, shuffleOptionIds } from '../lib/quiz';
import { openProgress } from './progress';

class HandbookQuiz extends HTMLElement {
	#quiz!: GradableQuiz;
	#store!: ProgressStore;
	#form!: HTMLFormElement;
	#result!: HTMLElement;
	/** Whether the other pages see this page's progress (not where each local file has a storage of its own). */
	#shared = true;

	async connectedCallback() {
		// Where progress is kept can take a moment to find out (the offline edition asks a frame); the form stays
		// the plain, self-marking version until then.
		const { store, shared, subscribe } = await openProgress();
		this.#store = store;
		this.#shared = shared;
		const json = this.querySelector('script[data-gradable]')?.textContent;
		const form = this.querySelector('form');
		const result = this.querySelector<HTMLElement>('[data-result]');
		if (!json || !form || !result) return;
		this.#quiz = JSON.parse(json);
		this.#form = form;
		this.#result = result;
		for (const d of this.querySelectorAll<HTMLDetailsElement>('details.quiz__answer')) d.hidden = true;
		this.querySelector<HTMLElement>('[data-actions]')!.hidden = false;
		this.#shuffle();
		this.#showRecord();
		// Another tab may pass this quiz, or clear the progress on /progress/.
		subscribe(() => this.#showRecord());
		form.addEventListener('submit', (e) => {
			e.preventDefault();
			this.#submit();
		});
		this.querySelector('[data-retry]')!.addEventListener('click', () => this.#retry());
	}

	#fieldset(id: string) {
		return this.#form.querySelector<HTMLFieldSetElement>(`fieldset[data-question="${CSS.escape(id)}"]`)!;
	}

	#shuffle() {
		for (const q of this.#quiz.questions) {
			const box = this.#fieldset(q.id).querySelector('.quiz__options')!;
			const labels = new Map(
				[...box.querySelectorAll<HTMLElement>('label[data-option]')].map((l) => [l.dataset.option!, l]),
			);
			for (const id of shuffleOptionIds(q.options)) box.append(labels.get(id)!);
		}
	}

	#answers(): Record<string, string[]> {
		const data = new FormData(this.#form);
		const quizId = this.dataset.quiz!;
		return Object.fromEntries(
			this.#quiz.questions.map((q) => [q.id, data.getAll(`${quizId}-${q.id}`).map(String)]),
		);
	}

	#submit() {
		const answers = this.#answers();
		const graded = gradeQuiz(this.#quiz, answers);
		const reread = new Map<string, HTMLAnchorElement>();
		graded.results.forEach((r, i) => {
			const q = this.#quiz.questions[i];
			const fs = this.#fieldset(q.id);
			const feedback = fs.querySelector<HTMLElement>('[data-feedback]')!;
			const details = fs.querySelector('details.quiz__answer')!;
			feedback.replaceChildren();
			const verdict = document.createElement('p');
			verdict.className = `quiz__verdict ${r.correct ? 'is-right' : 'is-wrong'}`;
			verdict.textContent = r.correct ? '✓ 正确' : r.answered ? '✗ 错误' : '✗ 未作答';
			feedback.append(verdict);
			for (const p of details.querySelectorAll('p')) feedback.append(p.cloneNode(true));
			feedback.hidden = false;
			fs.classList.toggle('is-right', r.correct);
			fs.classList.toggle('is-wrong', !r.correct);
			for (const label of fs.querySelectorAll<HTMLElement>('label[data-option]')) {
				const id = label.dataset.option!;
				label.classList.toggle('is-answer', q.answer.includes(id));
				label.classList.toggle('is-chosen-wrong', !q.answer.includes(id) && (answers[q.id] ?? []).includes(id));
			}
			for (const input of fs.querySelectorAll('input')) input.disabled = true;
			if (!r.correct) {
				const link = details.querySelector<HTMLAnchorElement>('a');
				if (link) reread.set(link.href, link);
			}
		});
		const record = this.#store.recordAttempt(this.dataset.quiz!, this.#quiz.hash, graded.percent, graded.passed);
		this.#renderResult(graded.correct, graded.total, graded.percent, graded.passed, [...reread.values()]);
		this.#showRecord(record);
		void this.#recordAnswers(answers, graded.results);
		this.querySelector<HTMLButtonElement>('button[type="submit"]')!.hidden = true;
		this.querySelector<HTMLButtonElement>('[data-retry]')!.hidden = false;
	}

	/**
	 * Every answered question goes to the 错题本 (when wrong, or towards leaving it when right) and to the review
	 * schedule. The scheduler is loaded now, not with the quiz; without it (a failed load) the notebook is kept anyway.
	 */
	async #recordAnswers(answers: Record<string, string[]>, results: { id: string; correct: boolean }[]) {
		const quiz = this.dataset.quiz!;
		const answered = results.map((r, i) => ({
			quiz,
			question: r.id,
			hash: this.#quiz.questions[i].hash,
			chosen: answers[r.id] ?? [],
			correct: r.correct,
		}));
		const schedule = await import('../lib/review').then((m) => m.scheduleAnswers).catch(() => undefined);
		this.#store.recordAnswers(answered, schedule);
	}

	#renderResult(correct: number, total: number, percent: number, passed: boolean, reread: HTMLAnchorElement[]) {
		const r = this.#result;
		r.replaceChildren();
		r.className = `quiz__result ${passed ? 'is-pass' : 'is-fail'}`;
		const head = document.createElement('p');
		head.className = 'quiz__score';
		head.textContent = `${passed ? '通过' : '未通过'}：答对 ${correct} / ${total} 题（${percent}%），及格线 ${this.#quiz.passPercent}%。`;
		r.append(head);
		if (reread.length > 0) {
			const p = document.createElement('p');
			p.textContent = '建议重读：';
			const ul = document.createElement('ul');
			for (const a of reread) {
				const li = document.createElement('li');
				li.append(a.cloneNode(true));
				ul.append(li);
			}
			r.append(p, ul);
		}
		if (!this.#shared) {
			const note = document.createElement('p');
			note.textContent = '这个浏览器从文件打开时把每个页面分开保存，成绩只记在本页。要在“学习记录”里看到全部成绩，请用 Chrome 或 Edge 打开。';
			r.append(note);
		}
		if (this.#store.status === 'memory-only') {
			const note = document.createElement('p');
			note.textContent = '这台设备的浏览器不允许保存数据（例如无痕模式），本次成绩只在关闭页面前有效。';
			r.append(note);
		}
		r.focus();
	}

	#showRecord(record = this.#store.quizRecord(this.dataset.quiz!, this.#quiz.hash)) {
		const el = this.querySelector<HTMLElement>('[data-record]')!;
		el.hidden = !record;
		if (!record) return;
		const status = statusText({ quiz: this.dataset.quiz, passed: record.passed, best: record.best, outdated: false });
		el.textContent = `${status}。上次 ${record.last}%，共作答 ${record.attempts} 次。`;
	}

	#retry() {
		this.#form.reset();
		for (const fs of this.#form.querySelectorAll('fieldset')) {
			fs.classList.remove('is-right', 'is-wrong');
			fs.querySelector<HTMLElement>('[data-feedback]')!.hidden = true;
			for (const label of fs.querySelectorAll('label')) label.classList.remove('is-answer', 'is-chosen-wrong');
			for (const input of fs.querySelectorAll('input')) input.disabled = false;
		}
		this.#shuffle();
		this.#result.replaceChildren();
		this.#result.className = 'quiz__result';
		this.querySelector<HTMLButtonElement>('button[type="submit"]')!.hidden = false;
		this.querySelector<HTMLButtonElement>('[data-retry]')!.hidden = true;
		this.#form.querySelector('input')?.focus();
	}
}

customElements.define('handbook-quiz', HandbookQuiz);
