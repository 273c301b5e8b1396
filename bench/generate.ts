/**
 * Generates a synthetic handbook of N pages in Chinese into a content folder, with the shape of the real one:
 * pages spread over the four sections, ~2,000 characters each under six headings, a quiz for every tenth page,
 * glossary terms, the laws file and a start path. Deterministic for a given N.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageSections } from '../src/lib/sections.ts';

const WORDS = (
	'代表 人民代表大会 常务委员会 选民 选举单位 建议 议案 审议 表决 视察 调研 执法检查 专题询问 质询 预算 决算 ' +
	'国有资产 审计 整改 监督 联系群众 代表之家 联络站 代表小组 闭会期间 会议期间 主席团 代表团 专门委员会 列席 ' +
	'报告 意见 批评 答复 交办 督办 满意度 测评 群众 社区 村民 居民 乡镇 街道 县级 市级 政府 部门 承办单位 ' +
	'食品安全 小作坊 学校食堂 农贸市场 养老 医疗 教育 交通 停车 充电桩 老旧小区 电梯 垃圾分类 供水 道路 ' +
	'学习 培训 履职 职责 权利 义务 保障 言论免责 人身特别保护 活动经费 代表证 履职平台 信息 资料 法律 宪法 ' +
	'组织法 监督法 代表法 条文 规定 程序 时限 三个月 六个月 书面 口头 会前 会后 准备 记录 材料 照片 数据 ' +
	'问题 原因 分析 措施 方案 效果 跟踪 反馈 回访 走访 座谈 访谈 问卷 实地 现场 情况 经验 做法 案例'
).split(' ');
const JOIN = ['，', '，', '；', '。'];

function rng(seed: number) {
	let x = seed || 1;
	return () => ((x = (x * 48271) % 2147483647) / 2147483647);
}

function sentence(r: () => number): string {
	const n = 6 + Math.floor(r() * 10);
	let s = '';
	for (let i = 0; i < n; i++) s += WORDS[Math.floor(r() * WORDS.length)] + (i % 3 === 2 ? '的' : '');
	return s;
}

function paragraph(r: () => number): string {
	const n = 3 + Math.floor(r() * 3);
	let p = '';
	for (let i = 0; i < n; i++) p += sentence(r) + JOIN[Math.floor(r() * JOIN.length)];
	return p.replace(/[，；]$/, '。');
}

const HEADINGS = ['基本要求', '法律依据', '会前准备', '会议期间', '闭会以后', '常见误区', '实际情景', '操作步骤'];
const TRACKS = ['initial', 'advanced', 'topic'] as const;

export function generate(n: number, dir: string) {
	rmSync(dir, { recursive: true, force: true });
	for (const s of [...pageSections, 'quizzes', 'glossary']) mkdirSync(join(dir, s), { recursive: true });
	cpSync('content/laws.yaml', join(dir, 'laws.yaml'));
	const r = rng(n);
	const pages: { section: string; id: string; headings: string[]; quiz: boolean }[] = [];
	for (let i = 0; i < n; i++) {
		const section = pageSections[i % pageSections.length];
		const id = `p${i}`;
		const headings = HEADINGS.slice(0, 6).map((h, k) => `${h}${k === 0 ? '' : i % 7}`);
		const withQuiz = i % 10 === 0;
		const common = [
			`title: ${sentence(r).slice(0, 14)}`,
			`description: ${sentence(r).slice(0, 30)}。`,
			`order: ${i}`,
			'updated: 2026-11-28',
			'sources:',
			`  - { law: daibiaofa, article: 第${1 + (i % 65)}条 }`,
		];
		const extra =
			section === 'training'
				? [`track: ${TRACKS[i % 3]}`, 'minutes: 20', 'objectives: [理解要点, 能够运用, 能够解释]', 'keyPoints: [要点一, 要点二, 要点三, 要点四]', `required: ${i < 8 ? 'true' : 'false'}`]
				: section === 'duties'
					? [`kind: ${['right', 'obligation', 'guarantee', 'conduct'][i % 4]}`, 'checklist: [准备材料, 了解规定]']
					: section === 'method'
						? [`step: ${['望', '闻', '问', '切'][i % 4]}`, 'worksheet: [观察的地点, 看到的情况]']
						: ['checklist: [一事一议, 写清建议]'];
		const quiz = withQuiz ? [`quiz: q${i}`] : [];
		const body = headings.map((h) => `## ${h}\n\n${paragraph(r)}\n\n${paragraph(r)}\n`).join('\n');
		writeFileSync(join(dir, section, `${id}.mdx`), `---\n${[...common, ...extra, ...quiz].join('\n')}\n---\n\n${body}`);
		pages.push({ section, id, headings, quiz: withQuiz });
		if (withQuiz) {
			const qs = Array.from({ length: 8 }, (_, k) => {
				const source = `${section}/${id}#${headings[k % headings.length]}`;
				return k % 3 === 2
					? `  - { id: q${k}, type: truefalse, prompt: ${sentence(r).slice(0, 20)}。, answer: ${k % 2 === 0}, explanation: ${sentence(r).slice(0, 24)}。, source: "${source}" }`
					: `  - id: q${k}\n    type: single\n    prompt: ${sentence(r).slice(0, 20)}？\n    options: [{ id: a, text: ${WORDS[k]} }, { id: b, text: ${WORDS[k + 9]} }, { id: c, text: ${WORDS[k + 20]} }]\n    answer: b\n    explanation: ${sentence(r).slice(0, 24)}。\n    source: "${source}"`;
			});
			writeFileSync(join(dir, 'quizzes', `q${i}.yaml`), `questions:\n${qs.join('\n')}\n`);
		}
	}
	const required = pages.filter((p, i) => p.section === 'training' && i < 8);
	writeFileSync(
		join(dir, 'start.yaml'),
		`intro: 合成的测试手册，用于测量构建和搜索的性能。\nstages:\n  - title: 第一周\n    summary: 合成的阶段。\n    steps:\n${required.map((p) => `      - { page: ${p.section}/${p.id}, why: 合成的步骤说明。 }`).join('\n')}\n`,
	);
	writeFileSync(
		join(dir, 'final-test.yaml'),
		// Drawn from the required modules' quizzes (8 questions each), so no more than they hold.
		`title: 结业自测\nintro: 合成的结业自测，用于测量构建的性能。\ncount: ${Math.min(30, required.filter((p) => p.quiz).length * 8)}\npassPercent: 80\n`,
	);
	const terms = Array.from({ length: Math.max(10, Math.floor(n / 20)) }, (_, i) => {
		const p = pages[i % pages.length];
		return `- { id: t${i}, term: ${WORDS[i % WORDS.length]}${i}, pinyin: shuyu ${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}, definition: ${sentence(r).slice(0, 24)}。, see: [${p.section}/${p.id}] }`;
	});
	writeFileSync(join(dir, 'glossary', 'terms.yaml'), `${terms.join('\n')}\n`);
}
