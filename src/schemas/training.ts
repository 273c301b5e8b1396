import { z } from 'astro/zod';
import { pageSchema } from './common';

/** The three stages of training: 初任学习, 履职提升学习, 专题学习. */
export const trackSchema = z.enum(['initial', 'advanced', 'topic']);
export type Track = z.infer<typeof trackSchema>;
export const trackLabels: Record<Track, string> = { initial: '初任学习', advanced: '履职提升', topic: '专题学习' };

/** A training module (content/training/*.mdx). */
export const trainingSchema = pageSchema.extend({
	/** Which stage of training the module belongs to. */
	track: trackSchema,
	/** Estimated reading time, in minutes. */
	minutes: z.number().int().positive().max(240),
	/** What the reader can do after the module (3–5 items). */
	objectives: z.array(z.string().min(2)).min(3, '学习目标要写 3—5 条').max(5, '学习目标要写 3—5 条'),
	/** The points to remember, shown as a summary box (4–8 items). */
	keyPoints: z.array(z.string().min(2)).min(4, '要点要写 4—8 条').max(8, '要点要写 4—8 条'),
	/** Whether a new deputy must pass it for the completion record. */
	required: z.boolean().default(false),
});
