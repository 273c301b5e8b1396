/**
 * The content readers shared by the collections and the pre-check: which files they see, what a page's frontmatter
 * and body are, and that the inline loaders yield what the pre-check validated.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { contentLayout, listFiles, parsePage, yamlFileLoader, yamlListLoader } from '../../src/content/loaders';
import { loadContent } from '../../src/integrations/content-source';
import { glossarySchema } from '../../src/schemas/glossary';
import { startSchema } from '../../src/schemas/start';

const GOOD = 'tests/fixtures/good';
const TMP = 'tests/.tmp/loaders';

describe('parsePage', () => {
	const source = '---\ntitle: 标题\norder: 2\n---\n\n## 第一节\n\n<Rule id="x" />\n';
	it('parses the frontmatter and keeps every body line on its line of the file', () => {
		const page = parsePage(source)!;
		expect(page.frontmatter).toEqual({ title: '标题', order: 2 });
		const lines = page.body.split('\n');
		expect(lines[5]).toBe('## 第一节');
		expect(lines[7]).toBe('<Rule id="x" />');
		expect(lines.slice(0, 4).join('')).toBe('');
	});
	it('returns null for a file without frontmatter', () => {
		expect(parsePage('# 标题\n\n正文\n')).toBeNull();
	});
	it('reports a YAML mistake with its line counted from the top of the file', () => {
		for (const [text, line] of [
			['---\ntitle: 标题\norder: 1: 2\n---\n正文\n', 3],
			['\n\n---\ntitle: 标题\norder: 1: 2\n---\n正文\n', 5],
		] as const) {
			let error: unknown;
			try {
				parsePage(text);
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(yaml.YAMLException);
			expect((error as yaml.YAMLException).mark.line + 1).toBe(line);
		}
	});
});

describe('the content layout', () => {
	it('each glob the collections use matches exactly the names the pre-check lists', () => {
		const names = ['a.md', 'a.mdx', 'a.yaml', 'a.yml', 'a.json', 'a.txt', 'a.md.bak', 'README'];
		for (const { glob, ext } of [contentLayout.pages, contentLayout.quizzes]) {
			expect(names.filter((n) => matchesGlob(n, glob)), glob).toEqual(names.filter((n) => ext.test(n)));
		}
	});
	it('lists matching files sorted, and none for a missing folder', () => {
		rmSync(TMP, { recursive: true, force: true });
		mkdirSync(TMP, { recursive: true });
		for (const f of ['b.yaml', 'a.yml', 'c.txt']) writeFileSync(join(TMP, f), '');
		expect(listFiles(TMP, contentLayout.glossary.ext)).toEqual(['a.yml', 'b.yaml']);
		expect(listFiles(join(TMP, 'nowhere'), contentLayout.glossary.ext)).toEqual([]);
	});
});

describe('the inline loaders', () => {
	it('the glossary loader yields the terms of every file, in file order, as the pre-check read them', async () => {
		const dir = join(TMP, 'glossary');
		rmSync(dir, { recursive: true, force: true });
		cpSync(GOOD, dir, { recursive: true });
		writeFileSync(join(dir, 'glossary', 'a-more.yaml'), '- { id: aaa, term: 另一个, pinyin: ling yi ge, definition: 第二个文件里的术语。 }\n');
		const entries = await yamlListLoader({ dir: join(dir, contentLayout.glossary.dir) })();
		expect(entries.map((e) => e.id)).toEqual(['aaa', 'lianluozhan', 'zhixun']);
		const { model, problems } = loadContent(dir);
		expect(problems).toEqual([]);
		expect(entries.map((e) => glossarySchema.parse(e))).toEqual(model.glossary.map((g) => g.data));
	});
	it('the start loader yields the one entry `start` with what the pre-check read', async () => {
		const [entry] = await yamlFileLoader({ file: join(GOOD, contentLayout.start), id: 'start' })();
		expect(entry.id).toBe('start');
		const { id: _, ...data } = entry as { id: string };
		expect(startSchema.parse(data)).toEqual(loadContent(GOOD).model.start!.data);
	});
});

describe('the content version', () => {
	it('is a fingerprint of the files read: the same for the same content, another after an edit', () => {
		const dir = join(TMP, 'version');
		rmSync(dir, { recursive: true, force: true });
		cpSync(GOOD, dir, { recursive: true });
		const before = loadContent(dir).version;
		expect(before).toMatch(/^[0-9a-f]{8}$/);
		expect(loadContent(GOOD).version).toBe(before);
		writeFileSync(join(dir, 'README.md'), '编辑说明不属于内容。\n');
		expect(loadContent(dir).version).toBe(before);
		writeFileSync(join(dir, 'glossary', 'terms.yaml'), '\n', { flag: 'a' });
		expect(loadContent(dir).version).not.toBe(before);
	});
});
