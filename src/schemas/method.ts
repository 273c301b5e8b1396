import { z } from 'astro/zod';
import { pageSchema } from './common';

/** The step of the 望闻问切 method a page treats; 总览 is the overview, 案例 a complete case. */
export const methodStepSchema = z.enum(['总览', '望', '闻', '问', '切', '案例']);

/** One prompt on a worksheet, with how many lines to leave for the answer on paper. */
export const worksheetPromptSchema = z.union([
	z.string().min(2),
	z.object({ prompt: z.string().min(2), lines: z.number().int().min(1).max(12).default(3) }),
]);

/** A page of the 望闻问切 working method (content/method/*.mdx). */
export const methodSchema = pageSchema.extend({
	step: methodStepSchema,
	/** Prompts a deputy fills in, rendered as a printable form at the end of the page. */
	worksheet: z.array(worksheetPromptSchema).default([]),
});
