/**
 * Assembles the collections from the sections table and the schemas in src/schemas/, reading the files the way the
 * build's pre-check does (src/content/loaders.ts). The content folder defaults to `content/` and can be pointed
 * elsewhere with HANDBOOK_CONTENT (the benchmarks and the bad-content tests build other folders).
 */
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { contentLayout as layout, yamlFileLoader, yamlListLoader } from './content/loaders';
import { type PageSection, pageSections } from './lib/sections';
import { finalTestSchema } from './schemas/final-test';
import { glossarySchema } from './schemas/glossary';
import { lawSchema } from './schemas/laws';
import { pageSchemas } from './schemas/pages';
import { quizSchema } from './schemas/quiz';
import { ruleSchema } from './schemas/rules';
import { startSchema } from './schemas/start';

const root = process.env.HANDBOOK_CONTENT ?? 'content';

/** One collection per section: its folder's Markdown/MDX files, checked by its page schema. */
const pageCollection = <S extends PageSection>(section: S) =>
	defineCollection({ loader: glob({ pattern: layout.pages.glob, base: join(root, section) }), schema: pageSchemas[section] });
const pageCollections = Object.fromEntries(pageSections.map((s) => [s, pageCollection(s)])) as {
	[S in PageSection]: ReturnType<typeof pageCollection<S>>;
};

export const collections = {
	...pageCollections,
	quizzes: defineCollection({
		loader: glob({ pattern: layout.quizzes.glob, base: join(root, layout.quizzes.dir) }),
		schema: quizSchema,
	}),
	laws: defineCollection({ loader: file(join(root, layout.laws)), schema: lawSchema }),
	rules: defineCollection({ loader: file(join(root, layout.rules)), schema: ruleSchema }),
	start: defineCollection({ loader: yamlFileLoader({ file: join(root, layout.start), id: 'start' }), schema: startSchema }),
	finalTest: defineCollection({
		loader: yamlFileLoader({ file: join(root, layout.finalTest), id: 'final-test' }),
		schema: finalTestSchema,
	}),
	glossary: defineCollection({ loader: yamlListLoader({ dir: join(root, layout.glossary.dir) }), schema: glossarySchema }),
};
