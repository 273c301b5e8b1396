import { describe, expect, it } from 'vitest';
import { storageIsPerPage } from '../../src/components/progress';
import { completion, type ModuleInfo, statusText } from '../../src/lib/completion';
import { hash } from '../../src/lib/hash';
import {
	BACKUP_KEY,
	CURRENT_VERSION,
	emptyProgress,
	EXPORT_FORMAT,
	KEY,
	ProgressStore,
	readExportFile,
	type StorageLike,
	upgrade,
} from '../../src/lib/progress-store';

class MemoryStorage implements StorageLike {
	data = new Map<string, string>();
	failWrites = false;
	failReads = false;
	getItem(k: string) {
		if (this.failReads) throw new DOMException('denied', 'SecurityError');
		return this.data.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
		this.data.set(k, v);
	}
	removeItem(k: string) {
		this.data.delete(k);
	}
}

const t0 = new Date('2026-11-01T08:00:00Z');
const t1 = new Date('2026-11-02T08:00:00Z');

describe('progress store: read and write', () => {
	it('starts empty, records attempts keeping the best and the last score', () => {
		const s = new MemoryStorage();
		const store = new ProgressStore(s);
		expect(store.read()).toEqual(emptyProgress());
		store.recordAttempt('q1', 'h1', 50, false, t0);
		store.recordAttempt('q1', 'h1', 90, true, t1);
		const r = store.recordAttempt('q1', 'h1', 60, false, t1);
		expect(r).toMatchObject({ best: 90, last: 60, passed: true, attempts: 3, passedAt: t1.toISOString() });
		// Written to storage under the versioned key, and read back by a fresh store.
		expect(KEY).toBe(`handbook:progress:v${CURRENT_VERSION}`);
		expect(JSON.parse(s.data.get(KEY)!).version).toBe(CURRENT_VERSION);
		expect(new ProgressStore(s).quizRecord('q1', 'h1')?.best).toBe(90);
	});

	it('an edited quiz (new fingerprint) starts again', () => {
		const store = new ProgressStore(new MemoryStorage());
		store.recordAttempt('q1', 'old', 100, true, t0);
		expect(store.quizRecord('q1', 'new')).toBeUndefined();
		const r = store.recordAttempt('q1', 'new', 40, false, t1);
		expect(r).toMatchObject({ best: 40, passed: false, attempts: 1 });
		expect(r.passedAt).toBeUndefined();
	});

	it('marks pages read once, with the first time', () => {
		const store = new ProgressStore(new MemoryStorage());
		store.markRead('training/system', t0);
		store.markRead('training/system', t1);
		expect(store.read().read).toEqual({ 'training/system': t0.toISOString() });
	});
});

describe('progress store: tells its page about every change it makes', () => {
	it('calls onWrite after each write, also when the write could only go to memory, and not for a refused import', () => {
		const s = new MemoryStorage();
		let writes = 0;
		const store = new ProgressStore(s, () => writes++);
		store.read();
		expect(writes).toBe(0);
		store.recordAttempt('q', 'h', 100, true, t0);
		store.markRead('training/system', t0);
		store.markRead('training/system', t1); // already read: nothing changes
		store.setName('赵六');
		expect(writes).toBe(3);
		const file = store.exportFile(t1);
		store.clear();
		expect(writes).toBe(4);
		expect(store.importFile('not a file').ok).toBe(false);
		expect(writes).toBe(4);
		expect(store.importFile(file).ok).toBe(true);
		expect(writes).toBe(5);
		s.failWrites = true;
		store.recordAttempt('q2', 'h', 50, false, t1);
		expect([writes, store.status]).toEqual([6, 'memory-only']);
	});
});

describe('progress store: bad storage never breaks a page', () => {
	it('corrupt JSON is set aside under a backup key and progress starts fresh', () => {
		const s = new MemoryStorage();
		s.data.set(KEY, '{not json');
		const store = new ProgressStore(s);
		expect(store.read()).toEqual(emptyProgress());
		expect(s.data.get(BACKUP_KEY)).toBe('{not json');
		expect(s.data.has(KEY)).toBe(false);
		store.recordAttempt('q', 'h', 100, true, t0);
		expect(store.read().quizzes.q.passed).toBe(true);
	});

	it('foreign or wrongly shaped data is set aside too', () => {
		for (const bad of ['[]', '"x"', '{"version":1,"quizzes":{"q":{"best":"lots"}},"read":{},"name":""}', '{"version":7}', 'null']) {
			const s = new MemoryStorage();
			s.data.set(KEY, bad);
			expect(new ProgressStore(s).read()).toEqual(emptyProgress());
			expect(s.data.get(BACKUP_KEY)).toBe(bad);
		}
	});

	it('no storage at all (private mode): works in memory for the visit', () => {
		const store = new ProgressStore(null);
		expect(store.status).toBe('memory-only');
		store.recordAttempt('q', 'h', 100, true, t0);
		expect(store.quizRecord('q', 'h')?.passed).toBe(true);
	});

	it('a write that fails (quota) keeps the progress in memory and says so', () => {
		const s = new MemoryStorage();
		const store = new ProgressStore(s);
		s.failWrites = true;
		store.recordAttempt('q', 'h', 100, true, t0);
		expect(store.status).toBe('memory-only');
		expect(store.quizRecord('q', 'h')?.passed).toBe(true);
		store.markRead('training/system', t0);
		expect(store.read().read['training/system']).toBeDefined();
	});

	it('a read that throws (blocked storage) returns empty progress', () => {
		const s = new MemoryStorage();
		s.failReads = true;
		expect(new ProgressStore(s).read()).toEqual(emptyProgress());
	});
});

describe('migration', () => {
	it('current-version data passes through; unknown versions are refused rather than guessed', () => {
		const p = { ...emptyProgress(), name: '张三' };
		expect(upgrade(p)).toEqual(p);
		expect(upgrade({ ...p, version: CURRENT_VERSION + 1 })).toBeNull();
		expect(upgrade({ ...p, version: 0 })).toBeNull();
	});

	const v1 = {
		version: 1,
		quizzes: { system: { hash: 'h1', best: 90, last: 90, passed: true, attempts: 1, passedAt: '2026-03-01T00:00:00.000Z', lastAt: '2026-03-01T00:00:00.000Z' } },
		read: { 'training/system': '2026-03-01T00:00:00.000Z' },
		name: '张三',
	};

	it('version 1 becomes version 2 with an empty 错题本 and schedule, keeping every record', () => {
		expect(upgrade(v1)).toEqual({ ...v1, version: 2, notebook: {}, reviews: {} });
	});

	it('progress kept under the version 1 key is moved to the current key, and the old key removed after the write', () => {
		const s = new MemoryStorage();
		s.data.set('handbook:progress:v1', JSON.stringify(v1));
		const store = new ProgressStore(s);
		expect(store.read()).toMatchObject({ version: 2, name: '张三', quizzes: v1.quizzes, notebook: {} });
		expect(JSON.parse(s.data.get(KEY)!)).toMatchObject({ version: 2, name: '张三' });
		expect(s.data.has('handbook:progress:v1')).toBe(false);
	});

	it('an unreadable version 1 key is left as it is and progress starts empty', () => {
		const s = new MemoryStorage();
		s.data.set('handbook:progress:v1', '{"version":1,"quizzes":"garbage');
		expect(new ProgressStore(s).read()).toEqual(emptyProgress());
		expect(s.data.get('handbook:progress:v1')).toBe('{"version":1,"quizzes":"garbage');
	});

	it('when the migrated copy cannot be written, the version 1 data stays', () => {
		const s = new MemoryStorage();
		s.data.set('handbook:progress:v1', JSON.stringify(v1));
		s.failWrites = true;
		new ProgressStore(s).read();
		expect(s.data.get('handbook:progress:v1')).toBe(JSON.stringify(v1));
	});

	it('an export file of version 1 imports as version 2', () => {
		const file = JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-03-02T00:00:00.000Z', checksum: hash(JSON.stringify(v1)), data: v1 });
		expect(readExportFile(file)).toMatchObject({ ok: true, progress: { version: 2, name: '张三' } });
	});
});

describe('错题本, review schedule and final self-test in the store', () => {
	const wrong = { quiz: 'system', question: 'q1', hash: 'qh', chosen: ['a'], correct: false };

	it('records wrong answers in the notebook, and schedules them when a scheduler is given', () => {
		const s = new MemoryStorage();
		const store = new ProgressStore(s);
		store.recordAnswers([wrong], undefined, t0);
		expect(store.read().notebook['system#q1']).toMatchObject({ wrong: 1, chosen: ['a'] });
		expect(store.read().reviews).toEqual({});
		store.recordAnswers([{ ...wrong, correct: true, chosen: ['b'] }], (r, a, now) => ({ ...r, [`${a[0].quiz}#${a[0].question}`]: { hash: 'qh', due: now.toISOString(), stability: 1, difficulty: 5, scheduled_days: 1, learning_steps: 0, reps: 1, lapses: 0, state: 2 } }), t1);
		expect(new ProgressStore(s).read().notebook['system#q1']?.streak).toBe(1);
		expect(new ProgressStore(s).read().reviews['system#q1']?.due).toBe(t1.toISOString());
	});

	it('keeps the final self-test record like a module record, and exports it with the comparison code', () => {
		const store = new ProgressStore(new MemoryStorage());
		store.recordFinal('fh', 70, false, t0);
		expect(store.recordFinal('fh', 86, true, t1)).toMatchObject({ best: 86, passed: true, attempts: 2, passedAt: t1.toISOString() });
		expect(store.recordFinal('other', 50, false, t1)).toMatchObject({ best: 50, attempts: 1, passed: false });
		const file = JSON.parse(store.exportFile(t1, 'ABCD-EFGH'));
		expect(file).toMatchObject({ code: 'ABCD-EFGH', version: CURRENT_VERSION });
		expect(readExportFile(JSON.stringify(file))).toMatchObject({ ok: true, progress: { final: { hash: 'other' } } });
	});
});

describe('export and import', () => {
	it('round-trips through a file', () => {
		const a = new ProgressStore(new MemoryStorage());
		a.setName('李四');
		a.recordAttempt('q1', 'h1', 90, true, t0);
		a.markRead('training/system', t0);
		const file = a.exportFile(t1);
		const b = new ProgressStore(new MemoryStorage());
		const r = b.importFile(file);
		expect(r.ok).toBe(true);
		expect(b.read()).toEqual(a.read());
	});

	it('refuses a tampered, foreign or broken file with a clear message and changes nothing', () => {
		const a = new ProgressStore(new MemoryStorage());
		a.recordAttempt('q1', 'h1', 40, false, t0);
		const file = JSON.parse(a.exportFile(t1));
		file.data.quizzes.q1.best = 100;
		file.data.quizzes.q1.passed = true;
		const b = new ProgressStore(new MemoryStorage());
		b.recordAttempt('mine', 'h', 70, false, t0);
		const before = b.read();
		const tampered = b.importFile(JSON.stringify(file));
		expect(tampered).toEqual({ ok: false, error: expect.stringContaining('校验码') });
		expect(b.importFile('hello').ok).toBe(false);
		expect(readExportFile('{"format":"something-else"}')).toEqual({ ok: false, error: expect.stringContaining('不是本手册') });
		expect(b.read()).toEqual(before);
	});
});

describe('completion rule', () => {
	const modules: ModuleInfo[] = [
		{ key: 'training/a', title: 'A', required: true, quiz: 'qa', hash: 'ha' },
		{ key: 'training/b', title: 'B', required: true, quiz: 'qb', hash: 'hb' },
		{ key: 'training/c', title: 'C', required: false, quiz: 'qc', hash: 'hc' },
	];
	it('is complete only when every required module is passed against the current quiz', () => {
		const store = new ProgressStore(new MemoryStorage());
		store.recordAttempt('qa', 'ha', 100, true, t0);
		expect(completion(modules, store.read())).toMatchObject({ requiredTotal: 2, requiredPassed: 1, complete: false });
		store.recordAttempt('qb', 'old-hb', 100, true, t0);
		const stale = completion(modules, store.read());
		expect(stale.complete).toBe(false);
		expect(stale.modules[1].outdated).toBe(true);
		store.recordAttempt('qb', 'hb', 90, true, t1);
		const done = completion(modules, store.read());
		expect(done).toMatchObject({ requiredPassed: 2, complete: true, completedAt: t1.toISOString() });
		expect(done.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
	});
	it('the code changes with the name or a score, so two printouts can be compared', () => {
		const store = new ProgressStore(new MemoryStorage());
		store.recordAttempt('qa', 'ha', 100, true, t0);
		store.recordAttempt('qb', 'hb', 90, true, t0);
		const code1 = completion(modules, store.read()).code;
		store.setName('王五');
		const code2 = completion(modules, store.read()).code;
		expect(code2).not.toBe(code1);
		expect(completion(modules, store.read()).code).toBe(code2);
	});
});

describe('module status in words', () => {
	const m = { quiz: 'q', passed: false, best: undefined, outdated: false };
	it('says the same thing for each state wherever it is shown', () => {
		expect(statusText({ ...m, quiz: undefined })).toBe('无自测');
		expect(statusText(m)).toBe('未作答');
		expect(statusText({ ...m, best: 40 })).toBe('未通过，最好成绩 40%');
		expect(statusText({ ...m, passed: true, best: 90 })).toBe('✓ 已通过，最好成绩 90%');
		expect(statusText({ ...m, outdated: true })).toBe('题目已更新，请重新自测');
	});
	it('follows the completion rule: a record against an older quiz is outdated, not passed', () => {
		const modules: ModuleInfo[] = [{ key: 'training/a', title: 'A', required: true, quiz: 'qa', hash: 'new' }];
		const store = new ProgressStore(new MemoryStorage());
		store.recordAttempt('qa', 'old', 100, true, t0);
		expect(statusText(completion(modules, store.read()).modules[0])).toBe('题目已更新，请重新自测');
		store.recordAttempt('qa', 'new', 100, true, t1);
		expect(statusText(completion(modules, store.read()).modules[0])).toBe('✓ 已通过，最好成绩 100%');
	});
});

describe('storageIsPerPage (offline edition opened from file://)', () => {
	it('is true only where local files get opaque origins of their own (Firefox: location.origin "null")', () => {
		expect(storageIsPerPage({ protocol: 'file:', origin: 'null' })).toBe(true);
		// Chrome and Edge share one origin for local files.
		expect(storageIsPerPage({ protocol: 'file:', origin: 'file://' })).toBe(false);
		expect(storageIsPerPage({ protocol: 'https:', origin: 'https://example.org' })).toBe(false);
		expect(storageIsPerPage({ protocol: 'http:', origin: 'null' })).toBe(false);
	});
});
