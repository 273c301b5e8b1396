/** Reading order and navigation of the handbook, computed from page metadata alone. */
import { type Track, trackLabels, trackSchema } from '../schemas/training';
import { type PageSection, pageKey, pageSections, sections } from './sections';

export { pageKey, sections };

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

/** The reading time assumed for a page that gives none (only training modules give one). */
const DEFAULT_MINUTES = 10;
export const minutesOf = (p: Pick<NavPage, 'minutes'>): number => p.minutes ?? DEFAULT_MINUTES;

/** Sections in reading order. */
export const sectionOrder = pageSections;

/** Training tracks in reading order. */
export const trackOrder: readonly Track[] = trackSchema.options;

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
		.map((t) => ({ label: trackLabels[t], pages: inSection.filter((p) => p.track === t) }))
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
