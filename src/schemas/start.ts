import { z } from 'astro/zod';
import { pageRefSchema } from './common';

/** One step of the new-deputy path: a page to read (or a module to pass) and why now. */
export const startStepSchema = z.object({
	/** The page: `栏目/页面`. */
	page: pageRefSchema,
	/** Why this step comes now, in one sentence. */
	why: z.string().min(4),
});

/** The onboarding path shown on /start/ (content/start.yaml), in stages. */
export const startSchema = z.object({
	/** A sentence or two shown at the top of /start/. */
	intro: z.string().min(8),
	stages: z
		.array(
			z.object({
				/** e.g. 第一周 */
				title: z.string().min(2),
				/** What the stage is for. */
				summary: z.string().min(4),
				steps: z.array(startStepSchema).min(1),
			}),
		)
		.min(1),
});
export type StartData = z.infer<typeof startSchema>;
