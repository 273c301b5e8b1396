/**
 * The trainer's class table: the exported progress files of a class, checked one by one and turned into one row
 * per deputy, and the table as CSV. Runs in the trainer's browser only; nothing is sent anywhere. Pure.
 *
 * A file is refused, with the reason, when it is not JSON, not a progress file of this handbook, altered after
 * export (its checksum no longer matches), of an unknown format, or the same record as a file already read.
 * The comparison code is recomputed from the file's data against this edition's modules and compared with the
 * code the file carries: they differ when a required quiz has changed since the deputy exported.
 */
// Before csv-stringify, which reads Buffer as it loads: see node-buffer-shim.ts.
import './node-buffer-shim';
import { stringify } from 'csv-stringify/sync';
import { completion, type ModuleInfo } from './completion';
import { readExportFile } from './progress-store';

export interface ClassFile {
	name: string;
	text: string;
}

export interface ClassRow {
	file: string;
	/** The name as the deputy typed it; empty when none was typed. */
	name: string;
	requiredPassed: number;
	requiredTotal: number;
	complete: boolean;
	completedAt?: string;
	final?: { best: number; passed: boolean; passedAt?: string };
	exportedAt?: string;
	/** Recomputed here; present when every required module is passed. */
	code?: string;
	/** The code the file carries, if any. */
	fileCode?: string;
	/** Recomputed code equals the file's; null when either is missing. */
	codeMatches: boolean | null;
}

export interface Refused {
	file: string;
	reason: string;
}

export function readClassFiles(
	files: readonly ClassFile[],
	modules: readonly ModuleInfo[],
	finalHash?: string,
): { rows: ClassRow[]; refused: Refused[] } {
	const rows: ClassRow[] = [];
	const refused: Refused[] = [];
	const seen = new Map<string, string>();
	for (const f of files) {
		const checked = readExportFile(f.text);
		if (!checked.ok) {
			refused.push({ file: f.name, reason: checked.error });
			continue;
		}
		const meta = JSON.parse(f.text) as { checksum: string; exportedAt?: unknown; code?: unknown };
		const earlier = seen.get(meta.checksum);
		if (earlier !== undefined) {
			refused.push({ file: f.name, reason: `与 ${earlier} 是同一份记录，未重复计入。` });
			continue;
		}
		seen.set(meta.checksum, f.name);
		const progress = checked.progress;
		const c = completion([...modules], progress);
		const final = progress.final && (finalHash === undefined || progress.final.hash === finalHash) ? progress.final : undefined;
		const fileCode = typeof meta.code === 'string' ? meta.code : undefined;
		rows.push({
			file: f.name,
			name: progress.name,
			requiredPassed: c.requiredPassed,
			requiredTotal: c.requiredTotal,
			complete: c.complete,
			completedAt: c.completedAt,
			final: final && { best: final.best, passed: final.passed, passedAt: final.passedAt },
			exportedAt: typeof meta.exportedAt === 'string' ? meta.exportedAt : undefined,
			code: c.code,
			fileCode,
			codeMatches: c.code && fileCode ? c.code === fileCode : null,
		});
	}
	return { rows, refused };
}

/** YYYY-MM-DD in China's time zone, or empty. */
export function chinaDate(iso?: string): string {
	if (!iso) return '';
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export const CSV_COLUMNS = ['姓名', '必修模块通过', '必修模块总数', '全部通过', '完成日期', '结业自测最好成绩', '结业自测通过', '自测通过日期', '导出日期', '比对码', '比对码一致', '文件'];

/**
 * The table as CSV that Excel opens correctly: UTF-8 with a byte-order mark, CRLF line ends, every field quoted
 * when needed. A name starting with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.
 */
export function classCsv(rows: readonly ClassRow[]): string {
	const safe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
	const yesNo = (b: boolean | undefined | null) => (b === null || b === undefined ? '' : b ? '是' : '否');
	const records = rows.map((r) => [
		safe(r.name),
		r.requiredPassed,
		r.requiredTotal,
		yesNo(r.complete),
		chinaDate(r.completedAt),
		r.final ? `${r.final.best}%` : '',
		yesNo(r.final?.passed),
		chinaDate(r.final?.passedAt),
		chinaDate(r.exportedAt),
		r.code ?? '',
		yesNo(r.codeMatches),
		safe(r.file),
	]);
	return `\uFEFF${stringify([CSV_COLUMNS, ...records], { record_delimiter: 'windows' })}`;
}
