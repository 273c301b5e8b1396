/**
 * Reads the content folder from disk, validates every file with the collection schemas and then checks
 * cross-references. The build runs this before Astro renders anything, so an editor's mistake stops the build
 * with one line per problem (file › entry › field: message) instead of a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { contentLayout as layout, listFiles, parsePage, parseYaml } from '../content/loaders';
import { finalTestSchema } from '../schemas/final-test';
import { glossarySchema } from '../schemas/glossary';
import { lawSchema } from '../schemas/laws';
import { pageSchemas } from '../schemas/pages';
import { quizSchema } from '../schemas/quiz';
import { ruleSchema } from '../schemas/rules';
import { startSchema } from '../schemas/start';
import { checkContent, type ContentModel, type PageEntry, type Problem, type RuleRef } from '../lib/content-check';
import { hash } from '../lib/hash';
import { extractHeadings } from '../lib/headings';
import { parseLawText } from '../lib/law-text';
import { pageSections } from '../lib/sections';

/** Zod's own messages (wrong type, unknown option …) in Chinese; the schemas' messages are Chinese already. */
const zhCN = { error: z.locales.zhCN().localeError };

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

/** Runs a parser; a YAML mistake becomes a problem (with its line) and the result undefined. */
function tryYaml<T>(parse: () => T, file: string, entry: string, problems: Problem[]): T | undefined {
	try {
		return parse();
	} catch (e) {
		const reason = e instanceof yaml.YAMLException ? e.reason + (e.mark ? `（第 ${e.mark.line + 1} 行）` : '') : String(e);
		problems.push({ file, entry, field: '(YAML)', message: `无法解析：${reason}` });
		return undefined;
	}
}

/**
 * The `<Rule … />` tags of an MDX body, with the line each starts on (counted from the top of the file: the body
 * keeps its lines, see parsePage).
 */
export function ruleRefs(body: string): RuleRef[] {
	const refs: RuleRef[] = [];
	for (const m of body.matchAll(/<Rule\b([^>]*?)\/?>/g)) {
		const ref: RuleRef = { line: body.slice(0, m.index).split('\n').length };
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
	/** A fingerprint of the content files read (names and text): the “内容版本” shown on /about/. */
	version: string;
}

/** Loads and checks everything under `dir`. File paths in problems are relative to `cwd`. */
export function loadContent(dir: string, cwd = process.cwd()): LoadedContent {
	const problems: Problem[] = [];
	const model: ContentModel = { pages: [], quizzes: [], glossary: [], laws: [], rules: [] };
	const rel = (p: string) => relative(cwd, p) || p;
	const list = (sub: string, ext: RegExp) => listFiles(join(dir, sub), ext);
	const read: string[] = [];
	/** Reads a file of the content folder, and remembers it for the version. */
	const readContent = (path: string) => {
		const text = readFileSync(path, 'utf8');
		read.push(relative(dir, path), text);
		return text;
	};

	for (const section of pageSections) {
		for (const name of list(section, layout.pages.ext)) {
			const path = join(dir, section, name);
			const file = rel(path);
			const id = name.replace(layout.pages.ext, '');
			const entry = `${section}/${id}`;
			if (!FILE_NAME.test(id)) {
				problems.push({ file, entry, field: '(文件名)', message: '文件名只能用小写字母、数字和连字符，例如 attend-meetings.mdx' });
				continue;
			}
			const source = readContent(path);
			const page = tryYaml(() => parsePage(source), file, entry, problems);
			if (page === undefined) {
				// Reported; still known by address (anchors read from the whole file), so references add no problem.
				(model.unparsed ??= []).push({ section, id, anchors: extractHeadings(source).map((h) => h.slug) });
				continue;
			}
			if (page === null) {
				problems.push({ file, entry, field: '(frontmatter)', message: '文件开头缺少以 --- 包围的属性区' });
				continue;
			}
			const anchors = extractHeadings(page.body).map((h) => h.slug);
			const rules = ruleRefs(page.body);
			const parsed = pageSchemas[section].safeParse(page.frontmatter, zhCN);
			if (!parsed.success) {
				problems.push(...zodProblems(parsed.error, file, entry));
				(model.unparsed ??= []).push({ section, id, anchors });
				continue;
			}
			// TypeScript cannot tie `section` to the type of `parsed.data` inside a loop over every section.
			model.pages.push({ section, id, file, data: parsed.data, anchors, rules } as PageEntry);
		}
	}

	for (const name of list(layout.quizzes.dir, layout.quizzes.ext)) {
		const path = join(dir, layout.quizzes.dir, name);
		const file = rel(path);
		const id = name.replace(layout.quizzes.ext, '');
		const raw = tryYaml(() => parseYaml(readContent(path)), file, `测验 ${id}`, problems);
		if (raw === undefined) {
			(model.unparsedQuizzes ??= []).push(id);
			continue;
		}
		const parsed = quizSchema.safeParse(raw, zhCN);
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
		const raw = tryYaml(() => parseYaml(readContent(path)), file, label, problems);
		if (raw === undefined) return;
		if (!Array.isArray(raw)) {
			problems.push({ file, entry: label, field: '(整个文件)', message: '应是一个列表（每项以“- ”开头）' });
			return;
		}
		raw.forEach((item, i) => {
			const parsed = schema.safeParse(item, zhCN);
			const name = typeof item?.id === 'string' ? item.id : `第 ${i + 1} 项`;
			if (parsed.success) push(file, parsed.data);
			else {
				problems.push(...zodProblems(parsed.error, file, `${label} ${name}`));
				failed?.(name);
			}
		});
	};
	loadList(join(dir, layout.laws), lawSchema, '法律', (file, data) => model.laws.push({ file, data }));
	for (const { file, data } of model.laws) {
		if (!data.text) continue;
		const path = join(LAWS_DIR, `${data.text}.md`);
		if (!existsSync(path)) {
			problems.push({ file, entry: `法律 ${data.id}`, field: 'text', message: `法律文本 ${rel(path)} 不存在` });
			continue;
		}
		(model.lawTexts ??= new Map()).set(data.id, parseLawText(readFileSync(path, 'utf8')));
	}
	if (existsSync(join(dir, layout.rules))) {
		loadList(
			join(dir, layout.rules),
			ruleSchema,
			'规则',
			(file, data) => model.rules.push({ file, data }),
			(id) => (model.unparsedRules ??= []).push(id),
		);
	}
	for (const name of list(layout.glossary.dir, layout.glossary.ext)) {
		loadList(join(dir, layout.glossary.dir, name), glossarySchema, '术语', (file, data) => model.glossary.push({ file, data }));
	}

	/** A YAML file holding one object (start.yaml, final-test.yaml): its data, or its problems. */
	const loadOne = <T>(path: string, schema: z.ZodType<T>, label: string): { file: string; data: T } | undefined => {
		const file = rel(path);
		if (!existsSync(path)) {
			problems.push({ file, entry: label, field: '(文件)', message: '文件不存在' });
			return undefined;
		}
		const raw = tryYaml(() => parseYaml(readContent(path)), file, label, problems);
		if (raw === undefined) return undefined;
		const parsed = schema.safeParse(raw, zhCN);
		if (parsed.success) return { file, data: parsed.data };
		problems.push(...zodProblems(parsed.error, file, label));
		return undefined;
	};
	const start = loadOne(join(dir, layout.start), startSchema, '新任代表路径');
	if (start) model.start = start;
	const finalTest = loadOne(join(dir, layout.finalTest), finalTestSchema, '结业自测');
	if (finalTest) model.finalTest = finalTest;

	problems.push(...checkContent(model));
	return { model, problems, version: hash(read.join('\0')).slice(0, 8) };
}
