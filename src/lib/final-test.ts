/**
 * 结业自测: a self-test drawn across the banks of the required modules, open once every required module has been
 * read. Count and pass mark come from content. Each attempt draws afresh and in a new order; the draw spreads the
 * questions evenly over the modules (a module with fewer questions than its share gives all it has, and the others
 * make up the difference). Pure.
 */
import { hash } from './hash';
import { questionKey } from './notebook';
import { gradeQuiz, type GradableQuestion, type QuizResult } from './quiz';

export interface FinalBank {
	/** Quiz id of the module. */
	quiz: string;
	/** The module quiz's fingerprint: a changed module quiz asks for the final self-test again. */
	hash: string;
	questions: GradableQuestion[];
}

export interface FinalConfig {
	count: number;
	passPercent: number;
}

/** A drawn question, its id made unique across banks (`quizId#questionId`). */
export interface DrawnQuestion {
	key: string;
	quiz: string;
	question: GradableQuestion;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** Draws up to `count` questions: round by round one from each bank (banks in a new order each round), then shuffled. */
export function drawFinal(banks: readonly FinalBank[], count: number, random: () => number = Math.random): DrawnQuestion[] {
	const queues = banks.map((b) => shuffled(b.questions, random).map((q) => ({ key: questionKey(b.quiz, q.id), quiz: b.quiz, question: q })));
	const drawn: DrawnQuestion[] = [];
	while (drawn.length < count && queues.some((q) => q.length > 0)) {
		for (const queue of shuffled(queues, random)) {
			if (drawn.length >= count) break;
			const next = queue.shift();
			if (next) drawn.push(next);
		}
	}
	return shuffled(drawn, random);
}

/** Changes when the count, the pass mark, the set of required modules or any of their quizzes change. */
export function finalFingerprint(config: FinalConfig, banks: readonly FinalBank[]): string {
	return hash(JSON.stringify(['final', config.count, config.passPercent, banks.map((b) => [b.quiz, b.hash])]));
}

/** Grades an attempt; answers are keyed by the drawn question's key. */
export function gradeFinal(drawn: readonly DrawnQuestion[], passPercent: number, answers: Record<string, readonly string[]>): QuizResult {
	return gradeQuiz({ passPercent, questions: drawn.map((d) => ({ ...d.question, id: d.key })) }, answers);
}

/** The final self-test opens once every required module has been read. */
export function finalOpen(modules: readonly { required: boolean; read: boolean }[]): boolean {
	const required = modules.filter((m) => m.required);
	return required.length > 0 && required.every((m) => m.read);
}
