import { z } from 'astro/zod';
import { citationSchema, pageRefSchema } from './common';

/** A term in the glossary (content/glossary/terms.yaml). */
export const glossarySchema = z.object({
	/** Short latin id, used as the anchor on /glossary/ and in `related`. */
	id: z.string().regex(/^[a-z][a-z0-9-]*$/, '只能用小写字母、数字和连字符'),
	/** The term as a deputy meets it. */
	term: z.string().min(1),
	/** Hanyu pinyin without tones, used to group terms by initial, e.g. `daibiao lianluozhan`. */
	pinyin: z.string().regex(/^[a-z][a-z ]*$/, '用不带声调的小写拼音，例如 daibiao lianluozhan'),
	/** Other names people use for it; search finds the term by these too. */
	aliases: z.array(z.string().min(1)).default([]),
	/** A short definition in plain words. */
	definition: z.string().min(8),
	/** Pages that treat the term (page references, anchors allowed). */
	see: z.array(pageRefSchema).default([]),
	/** Ids of related terms in the glossary. */
	related: z.array(z.string()).default([]),
	/** Laws and articles the definition relies on. */
	sources: z.array(citationSchema).default([]),
});
export type GlossaryData = z.infer<typeof glossarySchema>;
