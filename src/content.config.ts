/**
 * Assembles the collections from the schemas in src/schemas/. The content folder defaults to `content/` and can be
 * pointed elsewhere with HANDBOOK_CONTENT (the benchmarks and the bad-content tests build other folders).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import yaml from 'js-yaml';
import { type PageSection, pageSections } from './lib/sections';
import { glossarySchema } from './schemas/glossary';
import { lawSchema } from './schemas/laws';
import { pageSchemas } from './schemas/pages';
import { quizSchema } from './schemas/quiz';
import { ruleSchema } from './schemas/rules';
import { startSchema } from './schemas/start';

const root = process.env.HANDBOOK_CONTENT ?? 'content';

/** One collection per section: its folder's Markdown/MDX files, checked by its page schema. */
const pageCollection = <S extends PageSection>(section: S) =>
	defineCollection({ loader: glob({ pattern: '*.{md,mdx}', base: join(root, section) }), schema: pageSchemas[section] });
const pageCollections = Object.fromEntries(pageSections.map((s) => [s, pageCollection(s)])) as {
	[S in PageSection]: ReturnType<typeof pageCollection<S>>;
};

export const collections = {
	...pageCollections,
	quizzes: defineCollection({ loader: glob({ pattern: '*.{yaml,yml}', base: join(root, 'quizzes') }), schema: quizSchema }),
	laws: defineCollection({ loader: file(join(root, 'laws.yaml')), schema: lawSchema }),
	rules: defineCollection({ loader: file(join(root, 'rules.yaml')), schema: ruleSchema }),
	start: defineCollection({
		loader: async () => [{ id: 'start', ...(yaml.load(readFileSync(join(root, 'start.yaml'), 'utf8')) as object) }],
		schema: startSchema,
	}),
	glossary: defineCollection({
		// Every YAML file in content/glossary/ holds a list of terms.
		loader: async () => {
			const dir = join(root, 'glossary');
			return readdirSync(dir)
				.filter((f) => /\.ya?ml$/.test(f))
				.sort()
				.flatMap((f) => yaml.load(readFileSync(join(dir, f), 'utf8')) as { id: string }[]);
		},
		schema: glossarySchema,
	}),
};
