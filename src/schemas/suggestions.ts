import { z } from 'astro/zod';
import { pageSchema } from './common';

/** A page of the guide to 代表建议 (content/suggestions/*.mdx). */
export const suggestionSchema = pageSchema.extend({
	/** Things to check before moving on; shown as a checklist box. */
	checklist: z.array(z.string().min(2)).default([]),
});
