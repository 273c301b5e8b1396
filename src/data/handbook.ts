/**
 * The handbook as the pages see it: every collection loaded once and turned into navigation data.
 * Content has already been checked by the build (src/integrations/content-source.ts) before any page renders.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import type { PageSection } from '../lib/content-check';
import { type NavPage, readingOrder } from '../lib/navigation';

export type PageEntry =
	| CollectionEntry<'training'>
	| CollectionEntry<'duties'>
	| CollectionEntry<'method'>
	| CollectionEntry<'suggestions'>;

export interface HandbookPage extends NavPage {
	entry: PageEntry;
}

let cache: Promise<HandbookPage[]> | undefined;

async function load(): Promise<HandbookPage[]> {
	const sections: PageSection[] = ['training', 'duties', 'method', 'suggestions'];
	const all: HandbookPage[] = [];
	for (const section of sections) {
		for (const entry of (await getCollection(section)) as PageEntry[]) {
			const d = entry.data as PageEntry['data'] & { track?: NavPage['track']; required?: boolean; minutes?: number };
			all.push({
				section,
				id: entry.id,
				title: d.title,
				description: d.description,
				order: d.order,
				track: d.track,
				required: d.required,
				minutes: d.minutes,
				entry,
			});
		}
	}
	return readingOrder(all) as HandbookPage[];
}

/** Every content page, in reading order. */
export function getPages(): Promise<HandbookPage[]> {
	cache ??= load();
	return cache;
}

export async function getLaws() {
	return new Map((await getCollection('laws')).map((l) => [l.data.id, l.data]));
}

export async function getQuiz(id: string) {
	return (await getCollection('quizzes')).find((q) => q.id === id)?.data;
}

export async function getGlossary() {
	return (await getCollection('glossary')).map((g) => g.data);
}

/** Build time and content version, shown on /about/ and used to tell editions apart. */
export const edition = {
	built: new Date(),
	version: import.meta.env.HANDBOOK_VERSION ?? '',
};
