/**
 * Where each kind of content lives in a content folder and how its files are read. The collections
 * (src/content.config.ts) and the build's pre-check (src/integrations/content-source.ts) both go through here, so
 * they cannot disagree about which files there are or what a file contains.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import yaml from 'js-yaml';

const YAML_FILE = /\.ya?ml$/;

/** The files and folders of a content folder, besides one folder of pages per section (src/lib/sections.ts). */
export const contentLayout = {
	/** A section's pages: `<section>/<id>.md` or `.mdx`. */
	pages: { glob: '*.{md,mdx}', ext: /\.mdx?$/ },
	/** One question bank per file: `quizzes/<id>.yaml`. */
	quizzes: { dir: 'quizzes', glob: '*.{yaml,yml}', ext: YAML_FILE },
	/** Every YAML file in `glossary/` holds a list of terms. */
	glossary: { dir: 'glossary', ext: YAML_FILE },
	/** Lists of entries, each with an `id`. */
	laws: 'laws.yaml',
	rules: 'rules.yaml',
	/** One document: the onboarding path. */
	start: 'start.yaml',
	/** One document: the final self-test's settings. */
	finalTest: 'final-test.yaml',
} as const;

/** The names of the files in `dir` that match `ext`, sorted; none when the folder does not exist. */
export function listFiles(dir: string, ext: RegExp): string[] {
	return existsSync(dir) ? readdirSync(dir).filter((f) => ext.test(f)).sort() : [];
}

/** Parses one YAML document. A mistake throws js-yaml's YAMLException, whose `mark.line` (from 0) says where. */
export function parseYaml(text: string): unknown {
	return yaml.load(text);
}

export interface PageSource {
	/** The parsed frontmatter; an empty object when it is empty or not a mapping (as Astro reads it). */
	frontmatter: Record<string, unknown>;
	/** The body, with the frontmatter blanked out so that every line keeps its line number in the file. */
	body: string;
}

/**
 * Splits a Markdown/MDX file with Astro's own frontmatter parser, the one its content collections use. Returns null
 * when the file has no frontmatter. A YAML mistake throws a YAMLException whose `mark.line` counts from the top of
 * the file.
 */
export function parsePage(source: string): PageSource | null {
	try {
		const { frontmatter, rawFrontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-lines' });
		return rawFrontmatter ? { frontmatter, body: content } : null;
	} catch (e) {
		// The parsed text starts on the line of the opening ---, so its line 0 is the file's line of the ---.
		if (e instanceof yaml.YAMLException && e.mark) {
			const opening = /^\uFEFF?\s*/.exec(source)![0];
			e.mark.line += opening.split('\n').length - 1;
		}
		throw e;
	}
}

/** An inline loader: every item of the YAML lists in the files of `dir` (each item has its `id`). */
export function yamlListLoader({ dir }: { dir: string }) {
	return async () =>
		listFiles(dir, YAML_FILE).flatMap(
			(name) => parseYaml(readFileSync(join(dir, name), 'utf8')) as { id: string }[],
		);
}

/** An inline loader: the YAML document in `file` as the one entry `id`. */
export function yamlFileLoader({ file, id }: { file: string; id: string }) {
	return async () => [{ id, ...(parseYaml(readFileSync(file, 'utf8')) as object) }];
}
