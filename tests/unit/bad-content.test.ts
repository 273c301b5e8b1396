/**
 * Broken content must stop the build with a message naming the file, the entry and the field. Each fixture is the
 * good fixture with one mistake an editor could make; the test checks the checker's problem list and then runs a real
 * `astro build` on the broken folder and reads its output.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content-check';
import { loadContent } from '../../src/integrations/content-source';
import { astroBuild } from '../support/build';

const GOOD = 'tests/fixtures/good';
const TMP = 'tests/.tmp/bad';

function edit(dir: string, file: string, change: (text: string) => string) {
	const path = join(dir, file);
	const before = readFileSync(path, 'utf8');
	const after = change(before);
	if (after === before) throw new Error(`fixture edit changed nothing in ${file}`);
	writeFileSync(path, after);
}

interface BadFixture {
	name: string;
	break: (dir: string) => void;
	/** What the message line must contain: the file, the field, and a fragment of the reason. */
	file: string;
	field: string;
	reason: string;
}

const fixtures: BadFixture[] = [
	{
		name: 'missing title',
		break: (d) => edit(d, 'training/system.mdx', (t) => t.replace('title: 人民代表大会制度\n', '')),
		file: 'training/system.mdx',
		field: 'title',
		reason: '无效输入：期望 string，实际接收 undefined',
	},
	{
		name: 'unknown track',
		break: (d) => edit(d, 'training/session.mdx', (t) => t.replace('track: initial', 'track: beginner')),
		file: 'training/session.mdx',
		field: 'track',
		reason: '无效选项：期望以下之一 "initial"',
	},
	{
		name: 'quiz answer not among options',
		break: (d) => edit(d, 'quizzes/training-system.yaml', (t) => t.replace('answer: b', 'answer: d')),
		file: 'quizzes/training-system.yaml',
		field: 'questions[0].answer',
		reason: '答案“d”不在选项中',
	},
	{
		name: 'duplicate question id',
		break: (d) => edit(d, 'quizzes/training-system.yaml', (t) => t.replace('id: direct', 'id: term')),
		file: 'quizzes/training-system.yaml',
		field: 'questions[1].id',
		reason: '题目 id “term”重复',
	},
	{
		name: 'dangling page reference',
		break: (d) => edit(d, 'suggestions/writing.mdx', (t) => t.replace('related: [method/overview]', 'related: [method/nowhere]')),
		file: 'suggestions/writing.mdx',
		field: 'related[0]',
		reason: '引用的页面“method/nowhere”不存在',
	},
	{
		name: 'dangling anchor',
		break: (d) =>
			edit(d, 'quizzes/training-system.yaml', (t) => t.replace('source: training/system#代表怎样产生', 'source: training/system#代表的任期')),
		file: 'quizzes/training-system.yaml',
		field: 'questions[1].source',
		reason: '没有小标题“代表的任期”',
	},
	{
		name: 'unknown law id',
		break: (d) => edit(d, 'duties/overview.mdx', (t) => t.replace('law: daibiaofa', 'law: daibiao-fa')),
		file: 'duties/overview.mdx',
		field: 'sources[0].law',
		reason: '未知的法律 id “daibiao-fa”',
	},
	{
		name: 'wrong type',
		break: (d) => edit(d, 'training/system.mdx', (t) => t.replace('minutes: 10', 'minutes: 十分钟')),
		file: 'training/system.mdx',
		field: 'minutes',
		reason: '无效输入：期望 数字，实际接收 string',
	},
	{
		name: 'empty options',
		break: (d) =>
			edit(d, 'quizzes/training-system.yaml', (t) =>
				t.replace(/options:\n(\s+- \{ id: a[^\n]*\n\s+- \{ id: b[^\n]*\n\s+- \{ id: c[^\n]*\n)/, 'options: []\n'),
			),
		file: 'quizzes/training-system.yaml',
		field: 'questions[0].options',
		reason: '至少要有两个选项',
	},
	{
		name: 'duplicate order',
		break: (d) => edit(d, 'training/session.mdx', (t) => t.replace('order: 2', 'order: 1')),
		file: 'training/session.mdx',
		field: 'order',
		reason: '排序号 1 与',
	},
	{
		name: 'article beyond the law',
		break: (d) => edit(d, 'duties/overview.mdx', (t) => t.replace('article: 第8条', 'article: 第80条')),
		file: 'duties/overview.mdx',
		field: 'sources[0].article',
		reason: '代表法只有 65 条',
	},
	{
		name: 'glossary term pointing nowhere',
		break: (d) => edit(d, 'glossary/terms.yaml', (t) => t.replace('related: [zhixun]', 'related: [xunwen]')),
		file: 'glossary/terms.yaml',
		field: 'related[0]',
		reason: '术语“xunwen”不存在',
	},
	{
		name: 'required module left out of the start path',
		break: (d) => edit(d, 'start.yaml', (t) => t.replace(/\n  - title: 第一次人代会前[\s\S]*$/, '\n')),
		file: 'start.yaml',
		field: 'stages',
		reason: '必修模块“training/session”不在路径中',
	},
	{
		name: 'final self-test pass mark over 100',
		break: (d) => edit(d, 'final-test.yaml', (t) => t.replace('passPercent: 80', 'passPercent: 180')),
		file: 'final-test.yaml',
		field: 'passPercent',
		reason: '及格线不能超过 100%',
	},
	{
		name: 'final self-test asking more questions than the banks hold',
		break: (d) => edit(d, 'final-test.yaml', (t) => t.replace('count: 4', 'count: 12')),
		file: 'final-test.yaml',
		field: 'count',
		reason: '必修模块的题库共 4 道题，不够抽 12 道',
	},
	{
		name: 'unknown rule id',
		break: (d) => edit(d, 'duties/overview.mdx', (t) => t.replace('<Rule id="motion-cosign" />', '<Rule id="motion-cosing" />')),
		file: 'duties/overview.mdx',
		field: '第 19 行 <Rule>',
		reason: '规则“motion-cosing”不存在',
	},
	{
		name: 'level a rule does not define',
		break: (d) => edit(d, 'duties/overview.mdx', (t) => t.replace('id="attend-township-congress" level="县"', 'id="attend-township-congress" level="乡镇"')),
		file: 'duties/overview.mdx',
		field: '第 17 行 <Rule>',
		reason: '没有“乡镇”这一级的规定（有：县）',
	},
	{
		name: 'rule citing an article the law lacks',
		break: (d) => edit(d, 'rules.yaml', (t) => t.replace('article: 第34条第二款', 'article: 第34条第三款')),
		file: 'rules.yaml',
		field: 'values[0].article',
		reason: '代表法第34条只有 2 款，没有第3款',
	},
	{
		name: 'rule quotation not in its article',
		break: (d) => edit(d, 'rules.yaml', (t) => t.replace('代表十人以上联名', '代表十人以上（含十人）联名')),
		file: 'rules.yaml',
		field: 'values[0].quote',
		reason: '引文不在地方组织法第22条第二款里',
	},
	{
		name: 'rule with a level twice',
		break: (d) => edit(d, 'rules.yaml', (t) => t.replace('levels: [乡镇]', 'levels: [县, 乡镇]')),
		file: 'rules.yaml',
		field: 'values[1].levels',
		reason: '层级“县”在第 1 项已经写过',
	},
	{
		name: 'broken YAML',
		break: (d) => edit(d, 'quizzes/training-session.yaml', (t) => t.replace('passPercent: 100', 'passPercent: [100')),
		file: 'quizzes/training-session.yaml',
		field: '(YAML)',
		reason: '无法解析',
	},
	{
		name: 'too few objectives',
		break: (d) => edit(d, 'training/speech.mdx', (t) => t.replace('objectives: [准备发言, 讲清问题, 提出建议]', 'objectives: [准备发言]')),
		file: 'training/speech.mdx',
		field: 'objectives',
		reason: '学习目标要写 3—5 条',
	},
	{
		name: 'too many key points',
		break: (d) => edit(d, 'training/speech.mdx', (t) => t.replace('keyPoints: [一次讲一件事,', 'keyPoints: [甲项, 乙项, 丙项, 丁项, 戊项, 一次讲一件事,')),
		file: 'training/speech.mdx',
		field: 'keyPoints',
		reason: '要点要写 4—8 条',
	},
	{
		name: 'broken frontmatter YAML',
		break: (d) => edit(d, 'training/system.mdx', (t) => t.replace('minutes: 10', 'minutes: 10: 20')),
		file: 'training/system.mdx',
		field: '(YAML)',
		reason: '无法解析：bad indentation of a mapping entry（第 7 行）',
	},
];

function prepare(f: BadFixture): string {
	const dir = join(TMP, f.name.replace(/\W+/g, '-'));
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(TMP, { recursive: true });
	cpSync(GOOD, dir, { recursive: true });
	f.break(dir);
	return dir;
}

function matching(lines: string[], dir: string, f: BadFixture) {
	return lines.filter(
		(l) => l.includes(join(dir, f.file)) && l.includes(`› ${f.field}:`) && l.includes(f.reason),
	);
}

describe('bad content fixtures', () => {
	it('the good fixture passes', () => {
		expect(loadContent(GOOD).problems.map(formatProblem)).toEqual([]);
	});

	for (const f of fixtures) {
		it(`${f.name}: the checker names file and field`, () => {
			const dir = prepare(f);
			const lines = loadContent(dir).problems.map(formatProblem);
			// Exactly one problem: the mistake itself, with no follow-on noise.
			expect(lines, lines.join('\n')).toHaveLength(1);
			expect(matching(lines, dir, f), lines.join('\n')).toHaveLength(1);
		});
	}

	it(
		'each one fails a real astro build with its message',
		() => {
			for (const f of fixtures) {
				const dir = prepare(f);
				const r = astroBuild(join(TMP, 'dist'), { HANDBOOK_CONTENT: dir });
				const output = `${r.stdout}\n${r.stderr}`;
				expect(r.status, `${f.name}: build should fail`).not.toBe(0);
				expect(matching(output.split('\n'), dir, f), `${f.name}:\n${output}`).toHaveLength(1);
			}
		},
		300_000,
	);
});
