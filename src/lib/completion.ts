/** Progress summary and the completion record, from the list of modules and the stored progress. Pure. */
import { shortCode } from './hash';
import type { Progress } from './progress-store';

export interface ModuleInfo {
	/** Page key, e.g. `training/system`. */
	key: string;
	title: string;
	required: boolean;
	/** Quiz id and fingerprint, when the module has a quiz. */
	quiz?: string;
	hash?: string;
}

export interface ModuleStatus extends ModuleInfo {
	read: boolean;
	passed: boolean;
	best?: number;
	passedAt?: string;
	/** A record exists but was made against an earlier version of the quiz. */
	outdated: boolean;
}

export interface Completion {
	modules: ModuleStatus[];
	requiredTotal: number;
	requiredPassed: number;
	/** Every required module passed against the current version of its quiz. */
	complete: boolean;
	/** Date the last required module was passed, when complete. */
	completedAt?: string;
	/** A short code derived from name, modules, scores and dates: two printouts with the same code match. */
	code?: string;
}

export function moduleStatus(m: ModuleInfo, progress: Progress): ModuleStatus {
	const record = m.quiz ? progress.quizzes[m.quiz] : undefined;
	const current = record && record.hash === m.hash ? record : undefined;
	return {
		...m,
		read: Boolean(progress.read[m.key]),
		passed: Boolean(current?.passed),
		best: current?.best,
		passedAt: current?.passedAt,
		outdated: Boolean(record && !current),
	};
}

/**
 * How a module's self-test stands, in the same words wherever it is shown (the progress page's table, the ticks on
 * /start/, the quiz's own record line).
 */
export function statusText(m: Pick<ModuleStatus, 'quiz' | 'passed' | 'best' | 'outdated'>): string {
	if (!m.quiz) return '无自测';
	if (m.passed) return `✓ 已通过，最好成绩 ${m.best}%`;
	if (m.outdated) return '题目已更新，请重新自测';
	if (m.best !== undefined) return `未通过，最好成绩 ${m.best}%`;
	return '未作答';
}

export function completion(modules: ModuleInfo[], progress: Progress): Completion {
	const statuses = modules.map((m) => moduleStatus(m, progress));
	const required = statuses.filter((m) => m.required && m.quiz);
	const requiredPassed = required.filter((m) => m.passed).length;
	const complete = required.length > 0 && requiredPassed === required.length;
	if (!complete) return { modules: statuses, requiredTotal: required.length, requiredPassed, complete };
	const completedAt = required.map((m) => m.passedAt ?? '').sort().at(-1);
	const code = shortCode(
		JSON.stringify([progress.name, required.map((m) => [m.key, m.hash, m.best, m.passedAt?.slice(0, 10)])]),
	);
	return { modules: statuses, requiredTotal: required.length, requiredPassed, complete, completedAt, code };
}
