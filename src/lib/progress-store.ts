/**
 * The reader's learning progress, kept in the browser only.
 *
 * Storage is untrusted input: it may be missing (private mode, blocked), full (quota), corrupt, or hold data
 * written by another version. None of that may break a page. Every read parses with a schema; a write that fails
 * keeps the progress in memory for the rest of the visit; unreadable data is moved aside to a backup key (never
 * silently destroyed) and progress starts fresh.
 *
 * Versioning and migration: one key per format version, `handbook:progress:v<N>`. The current version is 1.
 * When a format change is needed, add version 2 as follows, and never change version 1's schema in place:
 *   1. Define `progressV2` and set CURRENT_VERSION = 2 and KEY to `handbook:progress:v2`.
 *   2. Add a migration `1 → 2` to MIGRATIONS that turns a parsed v1 object into a v2 object.
 *   3. On read, when the v2 key is empty and the v1 key holds valid v1 data, the store migrates it, writes v2
 *      and removes the v1 key only after the v2 write succeeded. Exported files carry their version and are
 *      migrated the same way on import.
 */
import * as z from 'zod/mini';
import { hash } from './hash';

export const CURRENT_VERSION = 1;
export const KEY = `handbook:progress:v${CURRENT_VERSION}`;
/** Where unreadable data is moved so that nothing is lost. */
export const BACKUP_KEY = `${KEY}:unreadable`;

const isoDate = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), '不是有效的日期'));

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

export type QuizRecord = z.infer<typeof quizRecord>;
export type Progress = z.infer<typeof progressV1>;

/** Migrations from an older parsed version to the next one, by the older version number. None yet. */
const MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

export function emptyProgress(): Progress {
	return { version: 1, quizzes: {}, read: {}, name: '' };
}

/** Turns stored or imported data of any known version into the current version, or returns null. */
export function upgrade(data: unknown): Progress | null {
	let current = data;
	let version = (current as { version?: unknown } | null)?.version;
	while (typeof version === 'number' && version < CURRENT_VERSION && MIGRATIONS[version]) {
		current = MIGRATIONS[version](current);
		version = (current as { version?: unknown }).version;
	}
	const parsed = progressV1.safeParse(current);
	return parsed.success ? parsed.data : null;
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
		if (raw === null) return emptyProgress();
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
		const previous = progress.quizzes[quizId];
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

	clear() {
		this.#memory = null;
		try {
			this.#storage?.removeItem(KEY);
		} catch {
			// nothing stored that we could remove
		}
		this.#onWrite();
	}

	/** The progress as the contents of an export file. */
	exportFile(now = new Date()): string {
		const data = this.read();
		return JSON.stringify(
			{ format: EXPORT_FORMAT, version: data.version, exportedAt: now.toISOString(), checksum: hash(JSON.stringify(data)), data },
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
