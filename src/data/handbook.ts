/**
 * The handbook as the pages see it: every collection loaded once and turned into navigation data.
 * Content has already been checked by the build (src/integrations/content-source.ts) before any page renders.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import type { ModuleInfo } from '../lib/completion';
import { type NavPage, pageKey, readingOrder } from '../lib/navigation';
import { toGradable } from '../lib/quiz';
import { type PageSection, pageSections } from '../lib/sections';
import { contentVersion } from 'virtual:handbook/edition';

/** A content page's entry; `entry.collection` tells the section and with it the shape of `entry.data`. */
export type PageEntry = CollectionEntry<PageSection>;

export interface HandbookPage extends NavPage {
	entry: PageEntry;
}

let cache: Promise<HandbookPage[]> | undefined;

async function load(): Promise<HandbookPage[]> {
	const all: HandbookPage[] = [];
	for (const section of pageSections) {
		for (const entry of await getCollection(section)) {
			const training = entry.collection === 'training' ? entry.data : undefined;
			all.push({
				section,
				id: entry.id,
				title: entry.data.title,
				description: entry.data.description,
				order: entry.data.order,
				track: training?.track,
				required: training?.required,
				minutes: training?.minutes,
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

/** Every rule of content/rules.yaml, in the file's order. */
export async function getRules() {
	return (await getCollection('rules')).map((r) => r.data);
}

export async function getRule(id: string) {
	return (await getRules()).find((r) => r.id === id);
}

export async function getQuiz(id: string) {
	return (await getCollection('quizzes')).find((q) => q.id === id)?.data;
}

export async function getGlossary() {
	return (await getCollection('glossary')).map((g) => g.data);
}

const built = new Date();
/**
 * This build: its time, the content version (a fingerprint of the content files, set by the build integration)
 * and an id that tells editions apart (used as the search bundle's cache tag).
 */
export const edition = {
	built,
	version: contentVersion,
	id: `${built.getTime().toString(36)}${contentVersion ? `-${contentVersion}` : ''}`,
};

/** Training modules with their quiz fingerprints, for progress and the completion record. */
export async function getModules(): Promise<(ModuleInfo & { track: NavPage['track'] })[]> {
	const pages = (await getPages()).filter((p) => p.section === 'training');
	return Promise.all(
		pages.map(async (p) => {
			const quizId = p.entry.data.quiz;
			const quiz = quizId ? await getQuiz(quizId) : undefined;
			return {
				key: pageKey(p),
				title: p.title,
				required: Boolean(p.required),
				track: p.track,
				quiz: quiz ? quizId : undefined,
				hash: quiz ? toGradable(quiz).hash : undefined,
			};
		}),
	);
}
