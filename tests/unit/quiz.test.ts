import { describe, expect, it } from 'vitest';
import {
	answerText,
	type GradableQuiz,
	gradeQuestion,
	gradeQuiz,
	questionOptions,
	quizFingerprint,
	shuffleOptionIds,
	toGradable,
	typeNames,
} from '../../src/lib/quiz';
import { questionFingerprint } from '../../src/lib/notebook';
import type { QuizData } from '../../src/schemas/quiz';

const quiz: GradableQuiz = {
	hash: 'h',
	passPercent: 80,
	questions: [
		{ id: 's', type: 'single', answer: ['b'], options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], source: 'x/y#z', hash: 'qh' },
		{ id: 'm', type: 'multiple', answer: ['a', 'c'], options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], source: 'x/y#z', hash: 'qh' },
		{ id: 't', type: 'truefalse', answer: ['false'], options: [{ id: 'true' }, { id: 'false' }], source: 'x/y#z', hash: 'qh' },
		{ id: 's2', type: 'single', answer: ['a'], options: [{ id: 'a' }, { id: 'b' }], source: 'x/y#z', hash: 'qh' },
		{ id: 't2', type: 'truefalse', answer: ['true'], options: [{ id: 'true' }, { id: 'false' }], source: 'x/y#z', hash: 'qh' },
	],
};

describe('grading each question type', () => {
	it('single choice: right, wrong, unanswered', () => {
		expect(gradeQuestion(quiz.questions[0], ['b'])).toBe(true);
		expect(gradeQuestion(quiz.questions[0], ['a'])).toBe(false);
		expect(gradeQuestion(quiz.questions[0], [])).toBe(false);
	});
	it('multiple choice: only the exact set is right; partial or extra is wrong', () => {
		const q = quiz.questions[1];
		expect(gradeQuestion(q, ['c', 'a'])).toBe(true);
		expect(gradeQuestion(q, ['a'])).toBe(false);
		expect(gradeQuestion(q, ['a', 'b', 'c'])).toBe(false);
		expect(gradeQuestion(q, ['b'])).toBe(false);
	});
	it('true/false', () => {
		expect(gradeQuestion(quiz.questions[2], ['false'])).toBe(true);
		expect(gradeQuestion(quiz.questions[2], ['true'])).toBe(false);
	});
});

describe('grading a quiz', () => {
	it('all right passes with 100%', () => {
		const r = gradeQuiz(quiz, { s: ['b'], m: ['a', 'c'], t: ['false'], s2: ['a'], t2: ['true'] });
		expect(r).toMatchObject({ correct: 5, total: 5, percent: 100, passed: true });
	});
	it('all wrong fails with 0% and marks every question', () => {
		const r = gradeQuiz(quiz, { s: ['a'], m: ['b'], t: ['true'], s2: ['b'], t2: ['false'] });
		expect(r).toMatchObject({ correct: 0, percent: 0, passed: false });
		expect(r.results.every((x) => !x.correct && x.answered)).toBe(true);
	});
	it('a partly right multiple choice counts as wrong, and the pass mark is applied to whole percents', () => {
		const r = gradeQuiz(quiz, { s: ['b'], m: ['a'], t: ['false'], s2: ['a'], t2: ['true'] });
		expect(r).toMatchObject({ correct: 4, percent: 80, passed: true });
		const fail = gradeQuiz({ ...quiz, passPercent: 81 }, { s: ['b'], m: ['a'], t: ['false'], s2: ['a'], t2: ['true'] });
		expect(fail.passed).toBe(false);
	});
	it('unanswered questions are wrong and reported as unanswered', () => {
		const r = gradeQuiz(quiz, { s: ['b'] });
		expect(r.correct).toBe(1);
		expect(r.results.filter((x) => !x.answered).map((x) => x.id)).toEqual(['m', 't', 's2', 't2']);
	});
});

describe('shuffling', () => {
	const options = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'all', pinned: true }];
	it('keeps every id exactly once and the pinned option in its place', () => {
		for (let seed = 0; seed < 50; seed++) {
			let x = seed + 1;
			const random = () => ((x = (x * 16807) % 2147483647) / 2147483647);
			const order = shuffleOptionIds(options, random);
			expect([...order].sort()).toEqual(['a', 'all', 'b', 'c', 'd']);
			expect(order[4]).toBe('all');
		}
	});
	it('produces different orders, and grading follows ids whatever the order', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 200; i++) seen.add(shuffleOptionIds(options).join(','));
		expect(seen.size).toBeGreaterThan(5);
		const q = quiz.questions[0];
		for (let i = 0; i < 20; i++) {
			const order = shuffleOptionIds(q.options);
			const picked = order[order.indexOf('b')];
			expect(gradeQuestion(q, [picked])).toBe(true);
		}
	});
});

describe('quiz fingerprint', () => {
	const base = { passPercent: 80, questions: [{ id: 'q', type: 'single', prompt: '问题', answer: 'a', options: [{ id: 'a', text: '甲' }, { id: 'b', text: '乙' }] }] };
	it('is stable and changes when an answer, option, prompt or pass mark changes', () => {
		const h = quizFingerprint(base);
		expect(quizFingerprint(structuredClone(base))).toBe(h);
		expect(quizFingerprint({ ...base, passPercent: 90 })).not.toBe(h);
		const edited = structuredClone(base);
		edited.questions[0].answer = 'b';
		expect(quizFingerprint(edited)).not.toBe(h);
		const reworded = structuredClone(base);
		reworded.questions[0].options[1].text = '丙';
		expect(quizFingerprint(reworded)).not.toBe(h);
		const prompt = structuredClone(base);
		prompt.questions[0].prompt = '新问题';
		expect(quizFingerprint(prompt)).not.toBe(h);
	});
});

describe('a quiz as the browser gets it', () => {
	const source = 'duties/overview#会前准备';
	const data: QuizData = {
		title: '自测',
		passPercent: 75,
		questions: [
			{ id: 's', type: 'single', prompt: '单选题目', explanation: '解析一', source, answer: 'b', options: [{ id: 'a', text: '甲', pinned: false }, { id: 'b', text: '乙', pinned: false }] },
			{
				id: 'm',
				type: 'multiple',
				prompt: '多选题目',
				explanation: '解析二',
				source,
				answer: ['c', 'a'],
				options: [{ id: 'a', text: '甲', pinned: false }, { id: 'b', text: '乙', pinned: false }, { id: 'c', text: '以上都是', pinned: true }],
			},
			{ id: 't', type: 'truefalse', prompt: '判断题目', explanation: '解析三', source, answer: false },
		],
	};

	it('carries ids, answers as option ids, pinned options and the fingerprint; no texts or explanations', () => {
		const g = toGradable(data);
		expect(g).toEqual({
			hash: quizFingerprint(data),
			passPercent: 75,
			questions: [
				{ id: 's', type: 'single', answer: ['b'], options: [{ id: 'a', pinned: false }, { id: 'b', pinned: false }], source, hash: questionFingerprint(data.questions[0]) },
				{ id: 'm', type: 'multiple', answer: ['c', 'a'], options: [{ id: 'a', pinned: false }, { id: 'b', pinned: false }, { id: 'c', pinned: true }], source, hash: questionFingerprint(data.questions[1]) },
				{ id: 't', type: 'truefalse', answer: ['false'], options: [{ id: 'true', pinned: true }, { id: 'false', pinned: true }], source, hash: questionFingerprint(data.questions[2]) },
			],
		});
		expect(JSON.stringify(g)).not.toMatch(/解析|甲|题目/);
		// What it says is right is what grading takes as right.
		expect(gradeQuiz(g, { s: ['b'], m: ['a', 'c'], t: ['false'] }).percent).toBe(100);
	});

	it('true/false questions are answered with 正确 and 错误, pinned in that order', () => {
		expect(questionOptions(data.questions[2])).toEqual([
			{ id: 'true', text: '正确', pinned: true },
			{ id: 'false', text: '错误', pinned: true },
		]);
		expect(questionOptions(data.questions[0])).toBe((data.questions[0] as { options: unknown }).options);
	});

	it('names the right answer in words, in the order of the options', () => {
		expect(answerText(data.questions[0])).toBe('乙');
		expect(answerText(data.questions[1])).toBe('甲；以上都是');
		expect(answerText(data.questions[2])).toBe('错误');
		expect(answerText({ ...data.questions[2], answer: true } as QuizData['questions'][number])).toBe('正确');
	});

	it('names every question type', () => {
		expect(typeNames).toEqual({ single: '单选', multiple: '多选', truefalse: '判断' });
	});
});
