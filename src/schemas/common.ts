import { z } from 'astro/zod';
import { pageSections } from '../lib/sections';

/**
 * A page reference: `栏目/页面` such as `duties/ob-attend`, optionally with a heading anchor
 * (`duties/ob-attend#会前准备`). The build checks that the page and the anchor exist.
 */
export const pageRefSchema = z
	.string()
	.regex(
		new RegExp(`^(${pageSections.join('|')})/[a-z0-9][a-z0-9-]*(#.+)?$`),
		'应写成“栏目/页面”或“栏目/页面#小标题”，例如 duties/ob-attend#会前准备',
	);

/** One citation: which law and which article the page relies on. */
export const citationSchema = z.object({
	/** The law's `id` in content/laws.yaml, e.g. `daibiaofa`. */
	law: z.string().min(1),
	/** The article, written as in the law: `第8条`, `第8条第2款`, `第13—24条`. */
	article: z.string().regex(/^第\d+(—\d+)?条/, '条文应以“第N条”开头，例如 第8条'),
	/** Optional: what the article is cited for, shown next to the citation. */
	note: z.string().optional(),
});

/** Fields every content page has, whatever its section. */
export const pageSchema = z.object({
	/** Page title, shown in the header, the sidebar and search results. */
	title: z.string().min(2),
	/** One or two sentences on what the reader gets from this page; used in lists and search. */
	description: z.string().min(8),
	/** Position within its section (and track, for training). Unique within that group. */
	order: z.number().int().nonnegative(),
	/** The date the content was last checked or changed, YYYY-MM-DD. */
	updated: z.coerce.date(),
	/** Laws and articles the page relies on; shown as “依据”. */
	sources: z.array(citationSchema).default([]),
	/** Pages to read next or alongside. */
	related: z.array(pageRefSchema).default([]),
	/** The id of the quiz (file name in content/quizzes/ without .yaml) that ends this page. */
	quiz: z.string().optional(),
});

export type Citation = z.infer<typeof citationSchema>;
export type PageData = z.infer<typeof pageSchema>;
