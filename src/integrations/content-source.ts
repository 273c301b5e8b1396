/**
 * Reads the content folder from disk, validates every file with the collection schemas and then checks
 * cross-references. The build runs this before Astro renders anything, so an editor's mistake stops the build
 * with one line per problem (file › entry › field: message) instead of a stack trace.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { glossarySchema } from '../schemas/glossary';
import { lawSchema } from '../schemas/laws';
import { pageSchemas } from '../schemas/pages';
import { quizSchema } from '../schemas/quiz';
import { ruleSchema } from '../schemas/rules';
import { startSchema } from '../schemas/start';
import { checkContent, type ContentModel, type PageEntry, type Problem, type RuleRef } from '../lib/content-check';
import { extractHeadings } from '../lib/headings';
import { parseLawText } from '../lib/law-text';
import { pageSections } from '../lib/sections';

z.config(z.locales.zhCN());

/** The law texts (laws/ at the top of the project, see laws/README.md), shared by every content folder. */
const LAWS_DIR = fileURLToPath(new URL('../../laws/', import.meta.url));

const FILE_NAME = /^[a-z0-9][a-z0-9-]*$/;

function fieldPath(path: PropertyKey[]): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${String(part)}` : String(part);
	}
	return out || '(整个条目)';
}

function zodProblems(error: z.ZodError, file: string, entry: string, describe?: (path: PropertyKey[]) => string): Problem[] {
	return error.issues.map((issue) => ({
		file,
		entry: describe?.(issue.path) ?? entry,
		field: fieldPath(issue.path),
		message: issue.message,
	}));
}

function splitFrontmatter(source: string): { frontmatter: string; body: string } | null {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
	return m ? { frontmatter: m[1], body: m[2] } : null;
}

function parseYaml(text: string, file: string, entry: string, problems: Problem[]): unknown {
	try {
		return yaml.load(text);
	} catch (e) {
		const reason = e instanceof yaml.YAMLException ? e.reason + (e.mark ? `（第 ${e.mark.line + 1} 行）` : '') : String(e);
		problems.push({ file, entry, field: '(YAML)', message: `无法解析：${reason}` });
		return undefined;
	}
}

/** The `<Rule … />` tags of an MDX body, with the line each starts on (counted from the top of the file). */
export function ruleRefs(body: string, firstLine: number): RuleRef[] {
	const refs: RuleRef[] = [];
	for (const m of body.matchAll(/<Rule\b([^>]*?)\/?>/g)) {
		const ref: RuleRef = { line: firstLine + body.slice(0, m.index).split('\n').length - 1 };
		for (const a of m[1].matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)) {
			if (a[1] === 'id') ref.id = a[2];
			else if (a[1] === 'level') ref.level = a[2];
			else (ref.unknown ??= []).push(a[1]);
		}
		refs.push(ref);
	}
	return refs;
}

export interface LoadedContent {
	model: ContentModel;
	problems: Problem[];
}

/** Loads and checks everything under `dir`. File paths in problems are relative to `cwd`. */
export function loadContent(dir: string, cwd = process.cwd()): LoadedContent {
	const problems: Problem[] = [];
	const model: ContentModel = { pages: [], quizzes: [], glossary: [], laws: [], rules: [] };
	const rel = (p: string) => relative(cwd, p) || p;
	const list = (sub: string, ext: RegExp) => {
		const d = join(dir, sub);
		return existsSync(d) ? readdirSync(d).filter((f) => ext.test(f)).sort() : [];
	};

	for (const section of pageSections) {
		for (const name of list(section, /\.mdx?$/)) {
			const path = join(dir, section, name);
			const file = rel(path);
			const id = name.replace(/\.mdx?$/, '');
			const entry = `${section}/${id}`;
			if (!FILE_NAME.test(id)) {
				problems.push({ file, entry, field: '(文件名)', message: '文件名只能用小写字母、数字和连字符，例如 attend-meetings.mdx' });
				continue;
			}
			const parts = splitFrontmatter(readFileSync(path, 'utf8'));
			if (!parts) {
				problems.push({ file, entry, field: '(frontmatter)', message: '文件开头缺少以 --- 包围的属性区' });
				continue;
			}
			const raw = parseYaml(parts.frontmatter, file, entry, problems);
			if (raw === undefined) continue;
			const anchors = extractHeadings(parts.body).map((h) => h.slug);
			const rules = ruleRefs(parts.body, parts.frontmatter.split('\n').length + 3);
			const parsed = pageSchemas[section].safeParse(raw);
			if (!parsed.success) {
				problems.push(...zodProblems(parsed.error, file, entry));
				(model.unparsed ??= []).push({ section, id, anchors });
				continue;
			}
			// TypeScript cannot tie `section` to the type of `parsed.data` inside a loop over every section.
			model.pages.push({ section, id, file, data: parsed.data, anchors, rules } as PageEntry);
		}
	}

	for (const name of list('quizzes', /\.ya?ml$/)) {
		const path = join(dir, 'quizzes', name);
		const file = rel(path);
		const id = name.replace(/\.ya?ml$/, '');
		const raw = parseYaml(readFileSync(path, 'utf8'), file, `测验 ${id}`, problems);
		if (raw === undefined) {
			(model.unparsedQuizzes ??= []).push(id);
			continue;
		}
		const parsed = quizSchema.safeParse(raw);
		if (!parsed.success) {
			const questions = (raw as { questions?: { id?: unknown }[] })?.questions;
			problems.push(
				...zodProblems(parsed.error, file, `测验 ${id}`, (path) => {
					if (path[0] === 'questions' && typeof path[1] === 'number') {
						const qid = Array.isArray(questions) ? questions[path[1]]?.id : undefined;
						return typeof qid === 'string' ? `题目 ${qid}` : `第 ${path[1] + 1} 题`;
					}
					return `测验 ${id}`;
				}),
			);
			(model.unparsedQuizzes ??= []).push(id);
			continue;
		}
		model.quizzes.push({ id, file, data: parsed.data });
	}

	const loadList = <T>(
		path: string,
		schema: z.ZodType<T>,
		label: string,
		push: (file: string, data: T) => void,
		failed?: (id: string) => void,
	) => {
		if (!existsSync(path)) {
			problems.push({ file: rel(path), entry: label, field: '(文件)', message: '文件不存在' });
			return;
		}
		const file = rel(path);
		const raw = parseYaml(readFileSync(path, 'utf8'), file, label, problems);
		if (raw === undefined) return;
		if (!Array.isArray(raw)) {
			problems.push({ file, entry: label, field: '(整个文件)', message: '应是一个列表（每项以“- ”开头）' });
			return;
		}
		raw.forEach((item, i) => {
			const parsed = schema.safeParse(item);
			const name = typeof item?.id === 'string' ? item.id : `第 ${i + 1} 项`;
			if (parsed.success) push(file, parsed.data);
			else {
				problems.push(...zodProblems(parsed.error, file, `${label} ${name}`));
				failed?.(name);
			}
		});
	};
	loadList(join(dir, 'laws.yaml'), lawSchema, '法律', (file, data) => model.laws.push({ file, data }));
	for (const { file, data } of model.laws) {
		if (!data.text) continue;
		const path = join(LAWS_DIR, `${data.text}.md`);
		if (!existsSync(path)) {
			problems.push({ file, entry: `法律 ${data.id}`, field: 'text', message: `法律文本 ${rel(path)} 不存在` });
			continue;
		}
		(model.lawTexts ??= new Map()).set(data.id, parseLawText(readFileSync(path, 'utf8')));
	}
	if (existsSync(join(dir, 'rules.yaml'))) {
		loadList(
			join(dir, 'rules.yaml'),
			ruleSchema,
			'规则',
			(file, data) => model.rules.push({ file, data }),
			(id) => (model.unparsedRules ??= []).push(id),
		);
	}
	for (const name of list('glossary', /\.ya?ml$/)) {
		loadList(join(dir, 'glossary', name), glossarySchema, '术语', (file, data) => model.glossary.push({ file, data }));
	}

	const startPath = join(dir, 'start.yaml');
	if (existsSync(startPath)) {
		const file = rel(startPath);
		const raw = parseYaml(readFileSync(startPath, 'utf8'), file, '新任代表路径', problems);
		if (raw !== undefined) {
			const parsed = startSchema.safeParse(raw);
			if (parsed.success) model.start = { file, data: parsed.data };
			else problems.push(...zodProblems(parsed.error, file, '新任代表路径'));
		}
	} else {
		problems.push({ file: rel(startPath), entry: '新任代表路径', field: '(文件)', message: '文件不存在' });
	}

	problems.push(...checkContent(model));
	return { model, problems };
}
