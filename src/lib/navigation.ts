/** Reading order and navigation of the handbook, computed from page metadata alone. */
import { type PageSection, pageKey } from './content-check';

export { pageKey };

export type Track = 'initial' | 'advanced' | 'topic';

export interface NavPage {
	section: PageSection;
	id: string;
	title: string;
	description: string;
	order: number;
	track?: Track;
	required?: boolean;
	minutes?: number;
}

export interface SectionInfo {
	title: string;
	/** The label used by the search filter (栏目). */
	short: string;
	description: string;
}

/** Sections in reading order. */
export const sections: Record<PageSection, SectionInfo> = {
	training: { title: '培训课程', short: '培训', description: '初任学习、履职提升和专题学习的模块，每个模块配一组自测题。' },
	duties: { title: '权利与义务', short: '权利义务', description: '依据2025年修正的代表法：八项权利、八项义务、履职保障和行为规范。' },
	suggestions: { title: '代表建议', short: '建议', description: '怎样写好一件建议，建议怎样交办、答复和督办，怎样跟踪评价。' },
	method: { title: '望闻问切工作法', short: '望闻问切', description: '察民需、听民声、询民意、解民困：在社区里用得上的四步工作法和工作单。' },
};
export const sectionOrder = Object.keys(sections) as PageSection[];

export const trackNames: Record<Track, string> = { initial: '初任学习', advanced: '履职提升', topic: '专题学习' };
export const trackOrder: Track[] = ['initial', 'advanced', 'topic'];

/** All pages in the order a reader goes through the handbook (and /print/ prints it). */
export function readingOrder(pages: NavPage[]): NavPage[] {
	const rank = (p: NavPage) => [
		sectionOrder.indexOf(p.section),
		p.track ? trackOrder.indexOf(p.track) : 0,
		p.order,
	];
	return [...pages].sort((a, b) => {
		const ra = rank(a);
		const rb = rank(b);
		for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
		return a.id.localeCompare(b.id);
	});
}

export interface NavGroup {
	label?: string;
	pages: NavPage[];
}

/** The sidebar of a section: training is grouped by track, other sections are one list. */
export function sectionGroups(pages: NavPage[], section: PageSection): NavGroup[] {
	const inSection = readingOrder(pages).filter((p) => p.section === section);
	if (section !== 'training') return [{ pages: inSection }];
	return trackOrder
		.map((t) => ({ label: trackNames[t], pages: inSection.filter((p) => p.track === t) }))
		.filter((g) => g.pages.length > 0);
}

/** How many pages a sidebar lists at most; a larger section shows the pages around the current one. */
export const SIDEBAR_LIMIT = 40;

/**
 * The sidebar's groups for one page. Up to SIDEBAR_LIMIT pages the whole section is listed; past that, a window of
 * pages around the current one (the section index lists them all), so every page's HTML stays the same size
 * however large the handbook grows.
 */
export function sidebarGroups(pages: NavPage[], section: PageSection, current?: string): { groups: NavGroup[]; hidden: number } {
	const groups = sectionGroups(pages, section);
	const total = groups.reduce((n, g) => n + g.pages.length, 0);
	if (total <= SIDEBAR_LIMIT) return { groups, hidden: 0 };
	const flat = groups.flatMap((g) => g.pages.map((p) => ({ p, label: g.label })));
	const at = Math.max(0, flat.findIndex(({ p }) => pageKey(p) === current));
	const start = Math.min(Math.max(0, at - Math.floor(SIDEBAR_LIMIT / 2)), flat.length - SIDEBAR_LIMIT);
	const shown = flat.slice(start, start + SIDEBAR_LIMIT);
	const windowed: NavGroup[] = [];
	for (const { p, label } of shown) {
		const last = windowed.at(-1);
		if (last && last.label === label) last.pages.push(p);
		else windowed.push({ label, pages: [p] });
	}
	return { groups: windowed, hidden: total - SIDEBAR_LIMIT };
}

/** Previous and next page within the page's section, in reading order. */
export function neighbours(pages: NavPage[], key: string): { prev?: NavPage; next?: NavPage } {
	const current = pages.find((p) => pageKey(p) === key);
	if (!current) return {};
	const list = readingOrder(pages).filter((p) => p.section === current.section);
	const i = list.findIndex((p) => pageKey(p) === key);
	return { prev: list[i - 1], next: list[i + 1] };
}
