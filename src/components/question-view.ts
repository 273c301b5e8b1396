/**
 * One question of the question book as /review/ and /final/ show it, in the module quizzes' markup and classes: a
 * fieldset with the options in a new order (by id, pinned options in place), then, once answered, 正确/错误 in words,
 * the right answer marked, and the explanation with a link to the section behind “查看解析”. Also the question book
 * itself, read from the page (file edition) or fetched from /review/questions.json.
 */
import type { BookQuestion, QuestionBook } from '../lib/question-book';
import { shuffleOptionIds, typeNames } from '../lib/quiz';

let loaded: Promise<QuestionBook> | undefined;

/** The question book named by `[data-question-book]` on the page: inline JSON, or the file its `data-src` names. */
export function loadBook(): Promise<QuestionBook> {
	loaded ??= (async () => {
		const el = document.querySelector<HTMLElement>('[data-question-book]');
		if (!el) throw new Error('no question book on this page');
		if (el.dataset.src) {
			const res = await fetch(el.dataset.src);
			if (!res.ok) throw new Error(`question book: HTTP ${res.status}`);
			return res.json() as Promise<QuestionBook>;
		}
		return JSON.parse(el.textContent!) as QuestionBook;
	})();
	return loaded;
}

/**
 * The address of a section from a page one level below the handbook's root (/review/, /final/): relative, so it
 * works under any base path, and with index.html where pages open from file://.
 */
export function sectionHref(path: string): string {
	const at = path.indexOf('#');
	const page = at === -1 ? path : path.slice(0, at);
	const anchor = at === -1 ? '' : path.slice(at);
	return `../${page}${location.protocol === 'file:' ? 'index.html' : ''}${anchor}`;
}

/** An element with properties and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
	const node: HTMLElementTagNameMap[K] = document.createElement(tag);
	Object.assign(node, props);
	node.append(...children);
	return node;
}


/** A question as a fieldset; `name` names its inputs (unique on the page), `number` heads it (“第 3 题”). */
export function questionField(q: BookQuestion, name: string, number?: string): HTMLFieldSetElement {
	const fs = el('fieldset', { className: 'quiz__question' });
	fs.dataset.key = name;
	const legend = el('legend', {}, el('span', { className: 'quiz__number', textContent: number ? `${number}（${typeNames[q.type]}）` : `${typeNames[q.type]}题` }), q.prompt);
	const box = el('div', { className: 'quiz__options' });
	const texts = new Map(q.options.map((o) => [o.id, o.text]));
	for (const id of shuffleOptionIds(q.options)) {
		const input = el('input', { type: q.type === 'multiple' ? 'checkbox' : 'radio', name, value: id });
		const label = el('label', { className: 'quiz__option' }, input, el('span', { textContent: texts.get(id) ?? id }));
		label.dataset.option = id;
		box.append(label);
	}
	const feedback = el('div', { className: 'quiz__feedback', hidden: true });
	feedback.dataset.feedback = '';
	fs.append(legend, box, feedback);
	return fs;
}

/** The option ids checked in a question's fieldset. */
export function chosenIn(fs: HTMLFieldSetElement): string[] {
	return [...fs.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
}

/**
 * Marks an answered question: verdict in words, the right options and a wrong choice marked, inputs disabled, and
 * the answer, explanation and source behind “查看解析” (open when the answer was wrong). `extra` follows the verdict.
 */
export function showAnswer(fs: HTMLFieldSetElement, q: BookQuestion, chosen: readonly string[], correct: boolean, extra?: string) {
	fs.classList.toggle('is-right', correct);
	fs.classList.toggle('is-wrong', !correct);
	for (const label of fs.querySelectorAll<HTMLElement>('label[data-option]')) {
		const id = label.dataset.option!;
		label.classList.toggle('is-answer', q.answer.includes(id));
		label.classList.toggle('is-chosen-wrong', !q.answer.includes(id) && chosen.includes(id));
	}
	for (const input of fs.querySelectorAll('input')) input.disabled = true;
	const feedback = fs.querySelector<HTMLElement>('[data-feedback]')!;
	const verdict = el('p', {
		className: `quiz__verdict ${correct ? 'is-right' : 'is-wrong'}`,
		textContent: correct ? '✓ 正确' : chosen.length > 0 ? '✗ 错误' : '✗ 未作答',
	});
	const details = el(
		'details',
		{ className: 'quiz__answer', open: !correct },
		el('summary', { textContent: '查看解析' }),
		el('p', {}, el('strong', { textContent: '答案：' }), q.answerText),
		el('p', { textContent: q.explanation }),
		el('p', {}, '出处：', el('a', { href: sectionHref(q.sourcePath), textContent: q.sourceLabel })),
	);
	feedback.replaceChildren(verdict, ...(extra ? [el('p', { className: 'review__note', textContent: extra })] : []), details);
	feedback.hidden = false;
}

/** A date as deputies read it: 2025年5月3日. */
export function dayText(iso: string): string {
	return new Date(iso).toLocaleDateString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Shanghai' });
}
