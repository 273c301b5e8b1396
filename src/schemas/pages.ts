/** The frontmatter schema of each section's pages, keyed by the section ids of src/lib/sections.ts. */
import type { z } from 'astro/zod';
import type { PageSection } from '../lib/sections';
import { dutySchema } from './duties';
import { methodSchema } from './method';
import { suggestionSchema } from './suggestions';
import { trainingSchema } from './training';

const schemas = {
	training: trainingSchema,
	duties: dutySchema,
	method: methodSchema,
	suggestions: suggestionSchema,
} satisfies Record<PageSection, z.ZodType>;

/** The parsed frontmatter of a page, by section: `PageDataOf['training']` has `track`, `minutes` … */
export type PageDataOf = { [S in PageSection]: z.output<(typeof schemas)[S]> };

/** Typed so that `pageSchemas[section]` parses to `PageDataOf[section]` even where `section` is a type parameter. */
export const pageSchemas: { [S in PageSection]: z.ZodType<PageDataOf[S]> } = schemas;
