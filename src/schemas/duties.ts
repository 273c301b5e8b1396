import { z } from 'astro/zod';
import { pageSchema } from './common';

/** What a duties page treats. */
export const dutyKindSchema = z.enum(['overview', 'right', 'obligation', 'guarantee', 'conduct']);
export const dutyKindLabels: Record<z.infer<typeof dutyKindSchema>, string> = {
	overview: '总览',
	right: '权利',
	obligation: '义务',
	guarantee: '保障',
	conduct: '行为规范',
};

/** A page on a deputy's rights, obligations, guarantees or conduct (content/duties/*.mdx). */
export const dutySchema = pageSchema.extend({
	kind: dutyKindSchema,
	/** The main article the page explains, e.g. `第8条第二项`; shown under the title. */
	article: z.string().optional(),
	/** Things a deputy can tick off; shown as a checklist box. */
	checklist: z.array(z.string().min(2)).default([]),
});
