/**
 * `<handbook-review>`, the body of /review/: 今日复习 (the questions due today by the review schedule, at most
 * DAILY_LIMIT, answered one after the other) and the 错题本 by module, each question answered again in place.
 * Every answer is recorded in the notebook and the schedule (ts-fsrs, loaded on the first answer); right
 * RIGHT_IN_A_ROW times in a row and a question leaves the notebook. Entries made against a question that changed
 * or no longer exists are dropped first, and the page says so. Loaded after the page.
 */
import { type Answer, type NotebookEntry, RIGHT_IN_A_ROW } from '../lib/notebook';
import type { ProgressStore } from '../lib/progress-store';
import { bookIndex, type BookEntry, fingerprints, notebookGroups, type QuestionBook } from '../lib/question-book';
import { gradeQuestion } from '../lib/quiz';
import { dueKeys } from '../lib/review-due';
import { chosenIn, dayText, el, loadBook, questionField, showAnswer } from './question-view';
import { openProgress } from './progress';

type Schedule = NonNullable<Parameters<ProgressStore['recordAnswers']>[1]>;
let scheduler: Promise<Schedule | undefined> | undefined;
/** The FSRS scheduler, loaded once, on the first answer; without it the notebook is still kept. */
const schedule = () => (scheduler ??= import('../lib/review').then((m) => m.scheduleAnswers).catch(() => undefined));

class HandbookReview extends HTMLElement {
	#store!: ProgressStore;
	#book!: QuestionBook;
	#index!: Map<string, BookEntry>;

	async connectedCallback() {
		const status = this.querySelector<HTMLElement>('[data-status]')!;
		let book: QuestionBook;
		try {
			[book] = await Promise.all([loadBook(), openProgress().then((p) => (this.#store = p.store))]);
		} catch {
			status.textContent = '题目没有加载成功。请联网后刷新本页；安装到桌面的手册在联网打开一次后就能离线使用。';
			return;
		}
		this.#book = book;
		this.#index = bookIndex(book);
		const dropped = this.#store.dropStale(fingerprints(book));
		if (dropped > 0) {
			const note = this.querySelector<HTMLElement>('[data-dropped]')!;
			note.textContent = `有 ${dropped} 道题在这一版手册里已经修改或删除，已从错题本中移除。`;
			note.hidden = false;
		}
		status.hidden = true;
		this.#today();
		this.#notebook();
	}

	async #record(entry: BookEntry, chosen: string[], correct: boolean): Promise<NotebookEntry | undefined> {
		const answer: Answer = { quiz: entry.quiz.id, question: entry.question.id, hash: entry.question.hash, chosen, correct };
		this.#store.recordAnswers([answer], await schedule());
		return this.#store.read().notebook[entry.key];
	}

	/** What happened to the question's notebook entry after an answer, in words. */
	#fate(before: NotebookEntry | undefined, after: NotebookEntry | undefined, correct: boolean): string | undefined {
		if (before && !after) return '已移出错题本。';
		if (after && correct) return `再答对 ${RIGHT_IN_A_ROW - after.streak} 次就移出错题本。`;
		if (after && !correct) return `仍在错题本里：连续答对 ${RIGHT_IN_A_ROW} 次才会移出。`;
		return undefined;
	}

	/** 今日复习: one question after the other, then when the next ones are due. */
	#today() {
		const section = this.querySelector<HTMLElement>('[data-today]')!;
		const keys = dueKeys(this.#store.read().reviews, new Date(), fingerprints(this.#book)).filter((k) => this.#index.has(k));
		const text = section.querySelector('[data-today-text]')!;
		const body = section.querySelector<HTMLElement>('[data-today-body]')!;
		section.hidden = false;
		if (keys.length === 0) {
			text.textContent = this.#nextText('今天没有要复习的题。');
			return;
		}
		text.textContent = `按记忆规律，今天该复习这 ${keys.length} 道题，一道一道做，几分钟就完。`;
		const start = el('button', { type: 'button', className: 'button button--primary', textContent: `开始今日复习（${keys.length} 题）` });
		body.replaceChildren(el('p', {}, start));
		let i = 0;
		const show = () => {
			const entry = this.#index.get(keys[i])!;
			const fs = questionField(entry.question, `today-${entry.key}`, `第 ${i + 1} / ${keys.length} 题 · ${entry.quiz.title}`);
			const submit = el('button', { type: 'submit', className: 'button button--primary', textContent: '提交' });
			const form = el('form', { className: 'review__form', noValidate: true }, fs, el('div', { className: 'quiz__actions' }, submit));
			const live = el('p', { className: 'review__live visually-hidden' });
			live.setAttribute('role', 'status');
			body.replaceChildren(form, live);
			fs.querySelector('input')?.focus();
			this.#onAnswer(form, fs, submit, live, entry, ({ correct }) => {
				live.textContent = correct ? '正确' : '错误';
				i += 1;
				const next = el('button', {
					type: 'button',
					className: 'button button--primary',
					textContent: i < keys.length ? '下一题' : '完成',
				});
				submit.replaceWith(next);
				next.focus();
				next.addEventListener('click', () => (i < keys.length ? show() : done()));
				this.#notebook();
			});
		};
		const done = () => {
			const p = el('p', { className: 'review__done', textContent: this.#nextText('今天的复习完成了。') });
			p.tabIndex = -1;
			body.replaceChildren(p);
			text.textContent = '';
			p.focus();
		};
		start.addEventListener('click', show);
	}

	/**
	 * Submitting `form` grades the answer to `entry` (asking for one when nothing is chosen), records it in the
	 * notebook and the schedule, shows it in `fs`, and hands the outcome to `then`.
	 */
	#onAnswer(
		form: HTMLFormElement,
		fs: HTMLFieldSetElement,
		submit: HTMLButtonElement,
		live: HTMLElement,
		entry: BookEntry,
		then: (outcome: { correct: boolean; after: NotebookEntry | undefined; fate: string | undefined }) => void,
	) {
		form.addEventListener('submit', async (e) => {
			e.preventDefault();
			const chosen = chosenIn(fs);
			if (chosen.length === 0) {
				live.textContent = '请先选择答案。';
				return;
			}
			submit.disabled = true;
			const correct = gradeQuestion(entry.question, chosen);
			const before = this.#store.read().notebook[entry.key];
			const after = await this.#record(entry, chosen, correct);
			const fate = this.#fate(before, after, correct);
			showAnswer(fs, entry.question, chosen, correct, fate);
			then({ correct, after, fate });
		});
	}

	/** `lead` and when the next questions come back, from the stored schedule. */
	#nextText(lead: string): string {
		const now = Date.now();
		const current = fingerprints(this.#book);
		const dues = Object.entries(this.#store.read().reviews)
			.filter(([k, c]) => current.get(k) === c.hash)
			.map(([, c]) => Date.parse(c.due));
		const stillDue = dues.filter((d) => d <= now).length;
		if (stillDue > 0) return `${lead}还有 ${stillDue} 道题也到了复习的时候，明天接着复习。`;
		const later = dues.filter((d) => d > now).sort((a, b) => a - b)[0];
		if (later === undefined) return `${lead}做过模块自测以后，题目会按记忆规律排进复习。`;
		const days = Math.max(1, Math.round((later - now) / 86_400_000));
		return `${lead}下次复习在 ${dayText(new Date(later).toISOString())}（约 ${days} 天后）。`;
	}

	/** The 错题本, by module. Re-rendered after an answer elsewhere on the page; a question being answered stays. */
	#notebook() {
		const groups = notebookGroups(this.#book, this.#store.read().notebook);
		const box = this.querySelector<HTMLElement>('[data-groups]')!;
		const empty = this.querySelector<HTMLElement>('[data-empty]')!;
		const count = groups.reduce((n, g) => n + g.entries.length, 0);
		this.querySelector('[data-count]')!.textContent = count > 0 ? `共 ${count} 道题。每道题连续答对 ${RIGHT_IN_A_ROW} 次就移出错题本。` : '';
		// Questions already answered on the page stay where they are, so the deputy sees “已移出错题本”.
		const open = new Set([...box.querySelectorAll<HTMLElement>('[data-item].is-answered')].map((n) => n.dataset.item!));
		if (count === 0 && open.size === 0) {
			box.replaceChildren();
			empty.hidden = false;
			return;
		}
		empty.hidden = true;
		const kept = new Map([...box.querySelectorAll<HTMLElement>('[data-item]')].map((n) => [n.dataset.item!, n]));
		const sections: HTMLElement[] = [];
		const quizzes = new Map(groups.map((g) => [g.quiz.id, g]));
		for (const quiz of this.#book.quizzes) {
			const group = quizzes.get(quiz.id);
			const keys = quiz.questions
				.map((q) => `${quiz.id}#${q.id}`)
				.filter((k) => group?.entries.some((e) => e.key === k) || (open.has(k) && kept.has(k)));
			if (keys.length === 0) continue;
			const items = keys.map((k) => (open.has(k) ? kept.get(k)! : null) ?? this.#item(this.#index.get(k)!, group!.entries.find((e) => e.key === k)!.entry));
			const id = `nb-${quiz.id}`;
			sections.push(
				el('section', { className: 'review__module' }, el('h3', { id, textContent: quiz.title }), el('ol', { className: 'review__list' }, ...items)),
			);
			sections.at(-1)!.setAttribute('aria-labelledby', id);
		}
		box.replaceChildren(...sections);
	}

	#item(entry: BookEntry, stored: NotebookEntry): HTMLElement {
		const li = el('li', { className: 'review__item' });
		li.dataset.item = entry.key;
		const options = new Map(entry.question.options.map((o) => [o.id, o.text]));
		const last = stored.chosen.map((id) => `“${options.get(id) ?? id}”`).join('、');
		const meta = el('p', {
			className: 'review__meta',
			textContent: `上次选了 ${last || '（未作答）'}（${dayText(stored.lastWrongAt)}），共答错 ${stored.wrong} 次${stored.streak > 0 ? `，已连续答对 ${stored.streak} 次` : ''}。`,
		});
		const attempt = () => {
			const fs = questionField(entry.question, `nb-${entry.key}`);
			const submit = el('button', { type: 'submit', className: 'button', textContent: '提交' });
			const live = el('p', { className: 'visually-hidden' });
			live.setAttribute('role', 'status');
			const form = el('form', { className: 'review__form', noValidate: true }, fs, el('div', { className: 'quiz__actions' }, submit), live);
			this.#onAnswer(form, fs, submit, live, entry, ({ correct, after, fate }) => {
				live.textContent = `${correct ? '正确' : '错误'}。${fate ?? ''}`;
				li.classList.add('is-answered');
				if (after) {
					meta.textContent = `共答错 ${after.wrong} 次${after.streak > 0 ? `，已连续答对 ${after.streak} 次` : ''}。`;
					const again = el('button', { type: 'button', className: 'button', textContent: '再答一次' });
					submit.replaceWith(again);
					again.addEventListener('click', () => {
						form.replaceWith(attempt());
						li.querySelector('input')?.focus();
					});
				} else {
					li.classList.add('is-gone');
					submit.remove();
				}
			});
			return form;
		};
		li.append(meta, attempt());
		return li;
	}
}

customElements.define('handbook-review', HandbookReview);
