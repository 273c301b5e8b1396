import { z } from 'astro/zod';

/**
 * The 结业自测 (content/final-test.yaml): how many questions are drawn across the required modules' banks and the
 * pass mark. The build also checks that the banks hold at least `count` questions (src/lib/content-check.ts).
 */
export const finalTestSchema = z.object({
	/** The page's heading, e.g. 结业自测. */
	title: z.string().min(2),
	/** A sentence or two shown above the test. */
	intro: z.string().min(8),
	/** Questions per attempt, drawn afresh each time. */
	count: z.number().int('题数要是整数').min(1, '题数至少 1 道').max(100, '题数最多 100 道'),
	/** Percent of right answers needed to pass. */
	passPercent: z.number().int('及格线要是整数').min(50, '及格线不低于 50%').max(100, '及格线不能超过 100%'),
});
export type FinalTestData = z.infer<typeof finalTestSchema>;
