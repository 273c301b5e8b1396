import { describe, expect, it } from 'vitest';
import { classCsv, readClassFiles } from '../../src/lib/class-table';
import { completion, type ModuleInfo } from '../../src/lib/completion';
import { ProgressStore, type StorageLike } from '../../src/lib/progress-store';

const modules: ModuleInfo[] = [
	{ key: 'training/system', title: '人大制度', required: true, quiz: 'system', hash: 'hs' },
	{ key: 'training/motions', title: '议案', required: true, quiz: 'motions', hash: 'hm' },
	{ key: 'training/budget', title: '预算', required: false, quiz: 'budget', hash: 'hb' },
];

function memory(): StorageLike {
	const m = new Map<string, string>();
	return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

/** An export file as a deputy's browser makes it, with the completion code it printed. */
function exported(name: string, passed: string[], when = new Date('2026-03-10T02:00:00Z')): string {
	const store = new ProgressStore(memory());
	store.setName(name);
	for (const m of modules) if (passed.includes(m.quiz!)) store.recordAttempt(m.quiz!, m.hash!, 90, true, when);
	return store.exportFile(new Date('2026-03-11T02:00:00Z'), completion(modules, store.read()).code);
}

describe("the trainer's class table", () => {
	const zhang = exported('张伟', ['system', 'motions']);
	const li = exported('李娜', ['system']);
	const tampered = (() => {
		const f = JSON.parse(exported('王强', ['system']));
		f.data.quizzes.motions = { ...f.data.quizzes.system, hash: 'hm' };
		return JSON.stringify(f);
	})();

	it('reads three files with one tampered: two rows and one refusal with the reason', () => {
		const { rows, refused } = readClassFiles(
			[{ name: 'zhang.json', text: zhang }, { name: 'wang.json', text: tampered }, { name: 'li.json', text: li }],
			modules,
		);
		expect(refused).toEqual([{ file: 'wang.json', reason: '文件内容与校验码不符，可能被改动过，未导入。' }]);
		expect(rows.map((r) => [r.name, r.requiredPassed, r.requiredTotal, r.complete])).toEqual([
			['张伟', 2, 2, true],
			['李娜', 1, 2, false],
		]);
		expect(rows[0]).toMatchObject({ completedAt: '2026-03-10T02:00:00.000Z', exportedAt: '2026-03-11T02:00:00.000Z', codeMatches: true });
		expect(rows[0].code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
		expect(rows[1]).toMatchObject({ code: undefined, codeMatches: null });
	});

	it('refuses what is not a progress file, and the same record twice', () => {
		const { rows, refused } = readClassFiles(
			[{ name: 'a.json', text: zhang }, { name: 'b.json', text: zhang }, { name: 'c.txt', text: '你好' }, { name: 'd.json', text: '{"format":"other"}' }],
			modules,
		);
		expect(rows).toHaveLength(1);
		expect(refused).toEqual([
			{ file: 'b.json', reason: '与 a.json 是同一份记录，未重复计入。' },
			{ file: 'c.txt', reason: '这不是学习记录文件：内容不是有效的 JSON。' },
			{ file: 'd.json', reason: '这不是本手册导出的学习记录文件。' },
		]);
	});

	it('marks the code as not matching when a required quiz changed after the export', () => {
		const changed = modules.map((m) => (m.quiz === 'motions' ? { ...m, hash: 'hm2' } : m));
		const [row] = readClassFiles([{ name: 'zhang.json', text: zhang }], changed).rows;
		expect(row).toMatchObject({ complete: false, requiredPassed: 1, codeMatches: null, fileCode: expect.any(String) });
		const [same] = readClassFiles([{ name: 'zhang.json', text: zhang }], modules).rows;
		expect(same.codeMatches).toBe(true);
		const forged = JSON.stringify({ ...JSON.parse(zhang), code: 'AAAA-AAAA' });
		expect(readClassFiles([{ name: 'x.json', text: forged }], modules).rows[0].codeMatches).toBe(false);
	});

	it('writes CSV that Excel reads as UTF-8: BOM, CRLF, quoted fields, no formulas', () => {
		const { rows } = readClassFiles([{ name: 'zhang.json', text: zhang }, { name: 'li.json', text: li }], modules);
		rows[1].name = '=HYPERLINK("x")，李';
		const csv = classCsv(rows);
		expect(csv.startsWith('\uFEFF姓名,必修模块通过,必修模块总数,全部通过,完成日期,')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines).toHaveLength(4); // header, two rows, and the empty string after the last CRLF
		expect(lines[3]).toBe('');
		expect(lines[1]).toMatch(/^张伟,2,2,是,2026-03-10,,,,2026-03-11,[2-9A-Z]{4}-[2-9A-Z]{4},是,zhang\.json$/);
		expect(lines[2]).toBe(`"'=HYPERLINK(""x"")，李",1,2,否,,,,,2026-03-11,,,li.json`);
	});
});
