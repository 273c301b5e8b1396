/**
 * The handbook's sections, in reading order: the one list that the collections, the page schemas
 * (src/schemas/pages.ts), the pre-check, the navigation and the page-reference pattern are derived from. A section's
 * pages are the Markdown/MDX files of the content folder of the same name, and it lives at /<section>/.
 *
 * Plain data without Zod, so that any module, browser code included, can import it.
 */
export interface SectionInfo {
	title: string;
	/** The label used by the search filter (栏目). */
	short: string;
	description: string;
}

export const sections = {
	training: { title: '培训课程', short: '培训', description: '初任学习、履职提升和专题学习的模块，每个模块配一组自测题。' },
	duties: { title: '权利与义务', short: '权利义务', description: '依据2025年修正的代表法：八项权利、八项义务、履职保障和行为规范。' },
	suggestions: { title: '代表建议', short: '建议', description: '怎样写好一件建议，建议怎样交办、答复和督办，怎样跟踪评价。' },
	method: { title: '望闻问切工作法', short: '望闻问切', description: '察民需、听民声、询民意、解民困：在社区里用得上的四步工作法和工作单。' },
} satisfies Record<string, SectionInfo>;

export type PageSection = keyof typeof sections;

/** The section ids in reading order. */
export const pageSections = Object.keys(sections) as PageSection[];

/** A page's address within the site and in references: `section/id`. */
export function pageKey(p: { section: PageSection; id: string }): string {
	return `${p.section}/${p.id}`;
}
