import { describe, expect, it } from 'vitest';
import { dropStale, noteAnswers, questionFingerprint, questionKey, RIGHT_IN_A_ROW, type Answer } from '../../src/lib/notebook';
import { dueKeys } from '../../src/lib/review-due';
import { scheduleAnswers, type Reviews } from '../../src/lib/review';

const q = { id: 'q1', type: 'single', prompt: '代表议案由几名代表联名？', answer: 'b', options: [{ id: 'a', text: '五名' }, { id: 'b', text: '十名' }] };
const h = questionFingerprint(q);
const at = (iso: string) => new Date(iso);
const answer = (correct: boolean, chosen = correct ? ['b'] : ['a'], hash = h): Answer => ({ quiz: 'system', question: 'q1', hash, chosen, correct });
const key = questionKey('system', 'q1');

describe('错题本', () => {
	it('keeps a wrongly answered question with when and what was chosen', () => {
		const nb = noteAnswers({}, [answer(false)], at('2026-03-01T09:00:00Z'));
		expect(nb[key]).toEqual({ hash: h, firstWrongAt: '2026-03-01T09:00:00.000Z', lastWrongAt: '2026-03-01T09:00:00.000Z', chosen: ['a'], wrong: 1, streak: 0 });
	});

	it(`lets a question go only after ${RIGHT_IN_A_ROW} right answers in a row; a wrong one in between starts again`, () => {
		let nb = noteAnswers({}, [answer(false)], at('2026-03-01T09:00:00Z'));
		nb = noteAnswers(nb, [answer(true)], at('2026-03-02T09:00:00Z'));
		expect(nb[key]?.streak).toBe(1);
		nb = noteAnswers(nb, [answer(false, ['a'])], at('2026-03-03T09:00:00Z'));
		expect(nb[key]).toMatchObject({ streak: 0, wrong: 2, firstWrongAt: '2026-03-01T09:00:00.000Z', lastWrongAt: '2026-03-03T09:00:00.000Z' });
		nb = noteAnswers(nb, [answer(true)]);
		expect(nb[key]).toBeDefined();
		nb = noteAnswers(nb, [answer(true)]);
		expect(nb[key]).toBeUndefined();
	});

	it('ignores right answers to questions not in it, and unanswered questions', () => {
		expect(noteAnswers({}, [answer(true), answer(false, [])])).toEqual({});
	});

	it('treats an entry made against an older wording of the question as absent', () => {
		const old = noteAnswers({}, [answer(false, ['a'], 'old-hash')]);
		expect(noteAnswers(old, [answer(true)])[key]).toBeUndefined();
		expect(noteAnswers(old, [answer(false)])[key]).toMatchObject({ hash: h, wrong: 1 });
	});

	it('drops entries whose question changed or no longer exists, and keeps the rest', () => {
		const changed = { ...q, prompt: '全国人大代表议案由几名代表联名？' };
		const nb = noteAnswers({}, [answer(false), { quiz: 'system', question: 'gone', hash: 'x', chosen: ['a'], correct: false }, { quiz: 'budget', question: 'q2', hash: 'y', chosen: ['true'], correct: false }]);
		const current = new Map([[key, questionFingerprint(changed)], [questionKey('budget', 'q2'), 'y']]);
		expect(Object.keys(dropStale(nb, current))).toEqual([questionKey('budget', 'q2')]);
	});

	it('the fingerprint ignores the order of a multiple-choice answer but not the prompt or options', () => {
		const m = { id: 'm', type: 'multiple', prompt: 'p', answer: ['a', 'c'], options: [{ id: 'a', text: '1' }, { id: 'c', text: '2' }] };
		expect(questionFingerprint({ ...m, answer: ['c', 'a'] })).toBe(questionFingerprint(m));
		expect(questionFingerprint({ ...m, prompt: 'p2' })).not.toBe(questionFingerprint(m));
		expect(questionFingerprint({ ...m, options: [{ id: 'a', text: '1' }, { id: 'c', text: '3' }] })).not.toBe(questionFingerprint(m));
	});
});

describe('spaced review (FSRS, whole days, no fuzz)', () => {
	const day = (r: Reviews) => r[key].due.slice(0, 10);

	it('schedules from the answers on a fixed clock: wrong → tomorrow, right → further out each time', () => {
		let r = scheduleAnswers({}, [answer(false)], at('2026-03-01T08:00:00Z'));
		expect(day(r)).toBe('2026-03-02');
		r = scheduleAnswers(r, [answer(true)], at('2026-03-02T08:00:00Z'));
		expect(day(r)).toBe('2026-03-05');
		r = scheduleAnswers(r, [answer(true)], at('2026-03-05T08:00:00Z'));
		expect(day(r)).toBe('2026-03-13');
		expect(r[key]).toMatchObject({ reps: 3, lapses: 0, hash: h });
		r = scheduleAnswers(r, [answer(false)], at('2026-03-13T08:00:00Z'));
		expect(day(r)).toBe('2026-03-14');
		expect(r[key].lapses).toBe(1);
	});

	it('a first right answer comes back later than a first wrong one', () => {
		const right = scheduleAnswers({}, [answer(true)], at('2026-03-01T08:00:00Z'));
		const wrong = scheduleAnswers({}, [answer(false)], at('2026-03-01T08:00:00Z'));
		expect(Date.parse(right[key].due)).toBeGreaterThan(Date.parse(wrong[key].due));
	});

	it('starts a changed question afresh and leaves unanswered ones alone', () => {
		const r = scheduleAnswers({}, [answer(true), answer(true), answer(true)], at('2026-03-01T08:00:00Z'));
		const fresh = scheduleAnswers(r, [answer(false, ['a'], 'new-hash')], at('2026-03-01T08:00:00Z'));
		expect(fresh[key]).toMatchObject({ hash: 'new-hash', reps: 1 });
		expect(scheduleAnswers(r, [answer(false, [])])).toEqual(r);
	});

	it('offers what is due, earliest first, at most the daily limit, skipping changed questions', () => {
		const cards = {
			'a#1': { due: '2026-03-02T08:00:00.000Z', hash: 'h1' },
			'a#2': { due: '2026-03-01T08:00:00.000Z', hash: 'h2' },
			'a#3': { due: '2026-03-09T08:00:00.000Z', hash: 'h3' },
			'b#1': { due: '2026-03-01T09:00:00.000Z', hash: 'old' },
		};
		const now = at('2026-03-03T00:00:00Z');
		expect(dueKeys(cards, now)).toEqual(['a#2', 'b#1', 'a#1']);
		expect(dueKeys(cards, now, new Map([['a#1', 'h1'], ['a#2', 'h2'], ['b#1', 'new']]))).toEqual(['a#2', 'a#1']);
		expect(dueKeys(cards, now, undefined, 1)).toEqual(['a#2']);
		expect(dueKeys(cards, at('2026-02-28T00:00:00Z'))).toEqual([]);
	});
});

import { drawFinal, finalFingerprint, finalOpen, gradeFinal, type FinalBank } from '../../src/lib/final-test';

/** A seeded generator, so a draw can be repeated. */
function seeded(seed: number) {
	return () => {
		seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
		return seed / 2 ** 32;
	};
}

const bank = (quiz: string, n: number): FinalBank => ({
	quiz,
	hash: `h-${quiz}`,
	questions: Array.from({ length: n }, (_, i) => ({ id: `q${i + 1}`, type: 'single' as const, answer: ['a'], options: [{ id: 'a' }, { id: 'b' }], source: `training/${quiz}`, hash: `${quiz}-q${i + 1}` })),
});

describe('结业自测', () => {
	const banks = [bank('system', 12), bank('motions', 12), bank('budget', 3), bank('first-session', 13)];

	it('draws the configured count, no question twice, spread evenly over the modules', () => {
		const drawn = drawFinal(banks, 30, seeded(1));
		expect(drawn).toHaveLength(30);
		expect(new Set(drawn.map((d) => d.key)).size).toBe(30);
		const per = Object.fromEntries(banks.map((b) => [b.quiz, drawn.filter((d) => d.quiz === b.quiz).length]));
		// 30 over 4 banks: the small bank gives all 3, the other three share the remaining 27 (9 each).
		expect(per).toEqual({ system: 9, motions: 9, budget: 3, 'first-session': 9 });
	});

	it('draws another set in another order on another attempt, and all there is when the banks are small', () => {
		const a = drawFinal(banks, 30, seeded(1)).map((d) => d.key);
		const b = drawFinal(banks, 30, seeded(2)).map((d) => d.key);
		expect(a).not.toEqual(b);
		expect(drawFinal([bank('x', 4), bank('y', 2)], 30, seeded(3))).toHaveLength(6);
	});

	it('grades by drawn key, so two banks may both have a q1; 80% passes at 24 of 30, not at 23', () => {
		const drawn = drawFinal(banks, 30, seeded(4));
		const answers = (right: number) => Object.fromEntries(drawn.map((d, i) => [d.key, [i < right ? 'a' : 'b']]));
		expect(gradeFinal(drawn, 80, answers(24))).toMatchObject({ correct: 24, total: 30, percent: 80, passed: true });
		expect(gradeFinal(drawn, 80, answers(23))).toMatchObject({ correct: 23, percent: 76, passed: false });
	});

	it('its fingerprint changes with the count, the pass mark or a module quiz', () => {
		const f = finalFingerprint({ count: 30, passPercent: 80 }, banks);
		expect(finalFingerprint({ count: 20, passPercent: 80 }, banks)).not.toBe(f);
		expect(finalFingerprint({ count: 30, passPercent: 90 }, banks)).not.toBe(f);
		expect(finalFingerprint({ count: 30, passPercent: 80 }, [{ ...banks[0], hash: 'changed' }, ...banks.slice(1)])).not.toBe(f);
	});

	it('opens once every required module has been read', () => {
		expect(finalOpen([{ required: true, read: true }, { required: false, read: false }])).toBe(true);
		expect(finalOpen([{ required: true, read: true }, { required: true, read: false }])).toBe(false);
		expect(finalOpen([])).toBe(false);
	});
});

import { bookIndex, type BookQuiz, finalBanks, fingerprints, notebookGroups, type QuestionBook } from '../../src/lib/question-book';
import { emptyProgress, ProgressStore, type StorageLike } from '../../src/lib/progress-store';

const bookQuestion = (id: string, hash: string) => ({
	id,
	type: 'single' as const,
	answer: ['b'],
	options: [{ id: 'a', text: '五名' }, { id: 'b', text: '十名' }],
	source: 'training/system#代表怎样产生',
	hash,
	prompt: `问题 ${id}`,
	explanation: '解析。',
	answerText: '十名',
	sourcePath: 'training/system/#代表怎样产生',
	sourceLabel: '人民代表大会制度 · 代表怎样产生',
});
const bookQuiz = (id: string, required: boolean, ...questions: [string, string][]): BookQuiz => ({
	id,
	page: `training/${id}`,
	title: `模块 ${id}`,
	required,
	hash: `quiz-${id}`,
	passPercent: 80,
	questions: questions.map(([q, hash]) => bookQuestion(q, hash)),
});
const book: QuestionBook = {
	quizzes: [bookQuiz('system', true, ['q1', h], ['q2', 'h2']), bookQuiz('ethics', false, ['e1', 'he1']), bookQuiz('budget', true, ['b1', 'hb1'])],
};

function memoryStorage(): StorageLike {
	const m = new Map<string, string>();
	return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

describe('question book (/review/, /final/)', () => {
	it('indexes every question by key with its current fingerprint', () => {
		expect([...fingerprints(book)]).toEqual([[key, h], ['system#q2', 'h2'], ['ethics#e1', 'he1'], ['budget#b1', 'hb1']]);
		expect(bookIndex(book).get('budget#b1')?.quiz.title).toBe('模块 budget');
	});

	it('lists the 错题本 by module in the book’s order, questions in quiz order, leaving out stale entries', () => {
		const nb = noteAnswers({}, [
			{ quiz: 'budget', question: 'b1', hash: 'hb1', chosen: ['a'], correct: false },
			{ quiz: 'system', question: 'q2', hash: 'h2', chosen: ['a'], correct: false },
			answer(false),
			{ quiz: 'ethics', question: 'e1', hash: 'old', chosen: ['a'], correct: false },
		]);
		const groups = notebookGroups(book, nb);
		expect(groups.map((g) => [g.quiz.id, g.entries.map((e) => e.key)])).toEqual([
			['system', [key, 'system#q2']],
			['budget', ['budget#b1']],
		]);
	});

	it('the final self-test draws from the required modules only', () => {
		expect(finalBanks(book).map((b) => [b.quiz, b.hash, b.questions.length])).toEqual([
			['system', 'quiz-system', 2],
			['budget', 'quiz-budget', 1],
		]);
	});

	it('the store drops stale 错题本 entries and schedules, says how many entries went, and writes only when needed', () => {
		let writes = 0;
		const store = new ProgressStore(memoryStorage(), () => writes++);
		store.recordAnswers(
			[answer(false), { quiz: 'system', question: 'gone', hash: 'x', chosen: ['a'], correct: false }],
			scheduleAnswers,
			at('2026-03-01T08:00:00Z'),
		);
		writes = 0;
		const current = fingerprints(book);
		expect(store.dropStale(current)).toBe(1);
		expect(Object.keys(store.read().notebook)).toEqual([key]);
		expect(Object.keys(store.read().reviews)).toEqual([key]);
		expect(writes).toBe(1);
		expect(store.dropStale(current)).toBe(0);
		expect(writes).toBe(1);
		expect(new ProgressStore(memoryStorage()).dropStale(current)).toBe(0);
		expect(emptyProgress().notebook).toEqual({});
	});
});
