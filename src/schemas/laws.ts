import { z } from 'astro/zod';

/** A law the handbook cites (content/laws.yaml). Citations name it by `id`. */
export const lawSchema = z.object({
	/** Short latin id used in citations, e.g. `daibiaofa`. */
	id: z.string().regex(/^[a-z][a-z0-9-]*$/, '只能用小写字母、数字和连字符'),
	/** Full official name, without 《》. */
	name: z.string().min(2),
	/** The short name used in running text, e.g. 代表法. */
	short: z.string().min(1),
	/** The version the handbook follows, e.g. 2025年3月11日第四次修正. */
	version: z.string().min(2),
	/**
	 * The law's text: a file name in laws/ without `.md`. With it, the build refuses a citation of an article the text
	 * lacks and a rule quotation that does not stand in its article word for word.
	 */
	text: z
		.string()
		.regex(/^[a-z0-9-]+$/, '写 laws/ 文件夹里的文件名，不带 .md，例如 daibiaofa2025')
		.optional(),
	/** How many articles the version has, for a law without `text`; citations beyond it are refused. */
	articles: z.number().int().positive().optional(),
	/** When the handbook's content was last checked against this text, YYYY-MM-DD; shown on /about/. */
	checked: z.coerce.date().optional(),
	/** Set for a law that is cited for comparison only (an older version). */
	superseded: z.boolean().default(false),
});
export type LawData = z.infer<typeof lawSchema>;
