/**
 * The reader's learning progress, kept in the browser only.
 *
 * Storage is untrusted input: it may be missing (private mode, blocked), full (quota), corrupt, or hold data
 * written by another version. None of that may break a page. Every read parses with a schema; a write that fails
 * keeps the progress in memory for the rest of the visit; unreadable data is moved aside to a backup key (never
 * silently destroyed) and progress starts fresh.
 *
 * Versioning and migration: one key per format version, `handbook:progress:v<N>`. The current version is 2
 * (version 1 had no 错题本, review schedule or final self-test). To add version 3:
 *   1. Define `progressV3` and set CURRENT_VERSION = 3 (KEY follows); never change an older schema in place.
 *   2. Add a migration `2 → 3` to MIGRATIONS that turns a parsed v2 object into a v3 object.
 * On read, when the current key is empty and an older key holds valid data, the store migrates it, writes the
 * current key and removes the older key only after that write succeeded. Exported files carry their version and
 * are migrated the same way on import.
 */
import * as z from 'zod/mini';
import { hash } from './hash';
import { isoDate } from './iso-date';
import { type Answer, dropStale, noteAnswers, notebookEntry } from './notebook';
import { type Reviews, reviewCard } from './review-due';

export const CURRENT_VERSION = 2;
export const KEY = `handbook:progress:v${CURRENT_VERSION}`;
/** Where unreadable data is moved so that nothing is lost. */
export const BACKUP_KEY = `${KEY}:unreadable`;

const quizRecord = z.object({
	/** Fingerprint of the quiz the scores were made against. */
	hash: z.string().check(z.minLength(1)),
	best: z.number().check(z.gte(0), z.lte(100)),
	last: z.number().check(z.gte(0), z.lte(100)),
	passed: z.boolean(),
	attempts: z.number().check(z.int(), z.gte(1)),
	/** When the quiz was first passed (against this fingerprint). */
	passedAt: z.optional(isoDate),
	lastAt: isoDate,
});

export const progressV1 = z.object({
	version: z.literal(1),
	/** Quiz results by quiz id. */
	quizzes: z.record(z.string(), quizRecord),
	/** Pages read, by page key (`training/system`), with the time first read. */
	read: z.record(z.string(), isoDate),
	/** The name the reader typed for the completion record; never leaves the device. */
	name: z.string().check(z.maxLength(60)),
});

export const progressV2 = z.object({
	version: z.literal(2),
	quizzes: z.record(z.string(), quizRecord),
	read: z.record(z.string(), isoDate),
	name: z.string().check(z.maxLength(60)),
	/** 错题本: questions answered wrongly, by question key (`quizId#questionId`); src/lib/notebook.ts. */
	notebook: z.record(z.string(), notebookEntry),
	/** Spaced-review schedule of every answered question, by question key; src/lib/review.ts. */
	reviews: z.record(z.string(), reviewCard),
	/** The 结业自测 record, against the fingerprint of the final self-test (src/lib/final-test.ts). */
	final: z.optional(quizRecord),
});

export type QuizRecord = z.infer<typeof quizRecord>;
export type Progress = z.infer<typeof progressV2>;

/** Keys older versions were stored under, newest first. */
const OLDER_KEYS = ['handbook:progress:v1'];

/**
 * Migrations from an older parsed version to the next one, by the older version number. Each returns null for
 * data that is not valid in its own version, which ends the upgrade (the data is then unreadable, not guessed at).
 */
const MIGRATIONS: Record<number, (old: unknown) => unknown> = {
	// Version 1 → 2: the same records, with an empty 错题本 and review schedule and no final self-test yet.
	1: (old) => {
		const v1 = progressV1.safeParse(old);
		return v1.success ? { ...v1.data, version: 2, notebook: {}, reviews: {} } : null;
	},
};

export function emptyProgress(): Progress {
	return { version: 2, quizzes: {}, read: {}, name: '', notebook: {}, reviews: {} };
}

/** Turns stored or imported data of any known version into the current version, or returns null. */
export function upgrade(data: unknown): Progress | null {
	let current = data;
	let version = (current as { version?: unknown } | null)?.version;
	while (typeof version === 'number' && version < CURRENT_VERSION && MIGRATIONS[version]) {
		const from: number = version;
		current = MIGRATIONS[from](current);
		version = (current as { version?: unknown } | null)?.version;
		// A migration always moves to a later version; anything else ends the upgrade.
		if (typeof version === 'number' && version <= from) break;
	}
	const parsed = progressV2.safeParse(current);
	return parsed.success ? parsed.data : null;
}

/**
 * A quiz record after one more attempt: best and last score, passed once passed, the date first passed. A record
 * made against another fingerprint of the quiz starts afresh.
 */
function nextRecord(previous: QuizRecord | undefined, quizHash: string, percent: number, passed: boolean, now: Date): QuizRecord {
	const same = previous?.hash === quizHash ? previous : undefined;
	const at = now.toISOString();
	const record: QuizRecord = {
		hash: quizHash,
		best: Math.max(percent, same?.best ?? 0),
		last: percent,
		passed: passed || (same?.passed ?? false),
		attempts: (same?.attempts ?? 0) + 1,
		passedAt: same?.passedAt ?? (passed ? at : undefined),
		lastAt: at,
	};
	if (record.passedAt === undefined) delete record.passedAt;
	return record;
}

export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** Why progress is or is not being saved; shown to the reader where it matters. */
export type StoreStatus = 'saved' | 'memory-only';

/** The browser's localStorage if it can be used at all, else null (private mode, blocked, sandboxed). */
export function browserStorage(): StorageLike | null {
	try {
		const s = globalThis.localStorage;
		if (!s) return null;
		const probe = `${KEY}:probe`;
		s.setItem(probe, '1');
		s.removeItem(probe);
		return s;
	} catch {
		return null;
	}
}

export class ProgressStore {
	#storage: StorageLike | null;
	#memory: Progress | null = null;
	#onWrite: () => void;
	status: StoreStatus;

	/** `onWrite` is called after every change this store makes (kept in storage or, failing that, in memory). */
	constructor(storage: StorageLike | null, onWrite: () => void = () => {}) {
		this.#storage = storage;
		this.#onWrite = onWrite;
		this.status = storage ? 'saved' : 'memory-only';
	}

	/** The current progress. Never throws. */
	read(): Progress {
		if (this.#memory) return structuredClone(this.#memory);
		if (!this.#storage) return emptyProgress();
		let raw: string | null;
		try {
			raw = this.#storage.getItem(KEY);
		} catch {
			this.status = 'memory-only';
			return emptyProgress();
		}
		if (raw === null) return this.#migrateOlder() ?? emptyProgress();
		let data: unknown;
		try {
			data = JSON.parse(raw);
		} catch {
			data = undefined;
		}
		const progress = data === undefined ? null : upgrade(data);
		if (progress) return progress;
		this.#setAside(raw);
		return emptyProgress();
	}

	/**
	 * Progress kept under an older version's key, upgraded and written under the current key; the older key is
	 * removed only once that write succeeded. Unreadable older data stays where it is, untouched.
	 */
	#migrateOlder(): Progress | null {
		for (const key of OLDER_KEYS) {
			try {
				const raw = this.#storage?.getItem(key);
				if (raw === null || raw === undefined) continue;
				const progress = upgrade(JSON.parse(raw));
				if (!progress) continue;
				this.#storage!.setItem(KEY, JSON.stringify(progress));
				this.#storage!.removeItem(key);
				return progress;
			} catch {
				// Unreadable or unwritable: leave the older data as it is.
			}
		}
		return null;
	}

	/** Keeps unreadable data under the backup key and clears the main key, so it is not lost and not re-read. */
	#setAside(raw: string) {
		try {
			this.#storage?.setItem(BACKUP_KEY, raw);
			this.#storage?.removeItem(KEY);
		} catch {
			// Cannot move it: leave it where it is; reads keep returning empty progress.
		}
	}

	#write(progress: Progress) {
		this.#keep(progress);
		this.#onWrite();
	}

	#keep(progress: Progress) {
		if (this.#storage && !this.#memory) {
			try {
				this.#storage.setItem(KEY, JSON.stringify(progress));
				return;
			} catch {
				// Quota or blocked storage: keep going in memory for this visit.
				this.status = 'memory-only';
			}
		}
		this.#memory = structuredClone(progress);
	}

	/** Records a quiz attempt; keeps the best and the last score. Returns the updated record. */
	recordAttempt(quizId: string, quizHash: string, percent: number, passed: boolean, now = new Date()): QuizRecord {
		const progress = this.read();
		const record = nextRecord(progress.quizzes[quizId], quizHash, percent, passed, now);
		progress.quizzes[quizId] = record;
		this.#write(progress);
		return record;
	}

	/** The record of a quiz if it was made against this version of the quiz. */
	quizRecord(quizId: string, quizHash: string): QuizRecord | undefined {
		const r = this.read().quizzes[quizId];
		return r && r.hash === quizHash ? r : undefined;
	}

	markRead(pageKey: string, now = new Date()) {
		const progress = this.read();
		if (progress.read[pageKey]) return;
		progress.read[pageKey] = now.toISOString();
		this.#write(progress);
	}

	setName(name: string) {
		const progress = this.read();
		progress.name = name.trim().slice(0, 60);
		this.#write(progress);
	}

	/**
	 * Records answered questions (from a module quiz, the final self-test or /review/) in the 错题本 and, when a
	 * scheduler is given (src/lib/review.ts, loaded on demand), in the review schedule.
	 */
	recordAnswers(
		answers: readonly Answer[],
		schedule?: (reviews: Reviews, answers: readonly Answer[], now: Date) => Reviews,
		now = new Date(),
	) {
		const progress = this.read();
		progress.notebook = noteAnswers(progress.notebook, answers, now);
		if (schedule) progress.reviews = schedule(progress.reviews, answers, now);
		this.#write(progress);
	}

	/**
	 * Drops the 错题本 entries and review schedules whose question no longer exists or has changed (`current`: each
	 * question key's fingerprint in this edition). Writes only when something was dropped; returns how many
	 * 错题本 entries went.
	 */
	dropStale(current: ReadonlyMap<string, string>): number {
		const progress = this.read();
		const notebook = dropStale(progress.notebook, current);
		const reviews = Object.fromEntries(Object.entries(progress.reviews).filter(([key, c]) => current.get(key) === c.hash));
		const dropped = Object.keys(progress.notebook).length - Object.keys(notebook).length;
		if (dropped === 0 && Object.keys(reviews).length === Object.keys(progress.reviews).length) return 0;
		this.#write({ ...progress, notebook, reviews });
		return dropped;
	}

	/** Records an attempt at the final self-test, as recordAttempt does for a module quiz. */
	recordFinal(finalHash: string, percent: number, passed: boolean, now = new Date()): QuizRecord {
		const progress = this.read();
		progress.final = nextRecord(progress.final, finalHash, percent, passed, now);
		this.#write(progress);
		return progress.final;
	}

	clear() {
		this.#memory = null;
		try {
			this.#storage?.removeItem(KEY);
		} catch {
			// nothing stored that we could remove
		}
		this.#onWrite();
	}

	/**
	 * The progress as the contents of an export file. `code` is the completion record's comparison code at export
	 * time, which a trainer's class table (/trainer/) compares with the code it recomputes.
	 */
	exportFile(now = new Date(), code?: string): string {
		const data = this.read();
		return JSON.stringify(
			{
				format: EXPORT_FORMAT,
				version: data.version,
				exportedAt: now.toISOString(),
				...(code ? { code } : {}),
				checksum: hash(JSON.stringify(data)),
				data,
			},
			null,
			2,
		);
	}

	/** Replaces the progress with an export file's. A wrong or altered file changes nothing. */
	importFile(text: string): { ok: true; progress: Progress } | { ok: false; error: string } {
		const checked = readExportFile(text);
		if (!checked.ok) return checked;
		this.#write(checked.progress);
		return checked;
	}
}

export const EXPORT_FORMAT = 'deputy-handbook-progress';

export function readExportFile(text: string): { ok: true; progress: Progress } | { ok: false; error: string } {
	let file: { format?: unknown; checksum?: unknown; data?: unknown };
	try {
		file = JSON.parse(text);
	} catch {
		return { ok: false, error: '这不是学习记录文件：内容不是有效的 JSON。' };
	}
	if (!file || typeof file !== 'object' || file.format !== EXPORT_FORMAT) {
		return { ok: false, error: '这不是本手册导出的学习记录文件。' };
	}
	if (typeof file.checksum !== 'string' || file.checksum !== hash(JSON.stringify(file.data))) {
		return { ok: false, error: '文件内容与校验码不符，可能被改动过，未导入。' };
	}
	const progress = upgrade(file.data);
	if (!progress) return { ok: false, error: '文件里的学习记录格式不对，未导入。' };
	return { ok: true, progress };
}
