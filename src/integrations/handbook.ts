/**
 * The handbook's build steps around Astro's own: before anything renders, the content is validated and
 * cross-checked (a problem stops `astro build` with one line per problem: file › entry › field: message);
 * after the pages are written, the search index and then the service worker are built, and the precache budget is
 * checked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { Edition } from '../env';
import { formatProblem } from '../lib/content-check';
import { hash } from '../lib/hash';
import { loadContent } from './content-source';
import { budgetTable, checkLinks, distPages, measurePages, overBudget } from './check-dist';
import { buildSearchIndex } from './search-index';
import { buildServiceWorker } from './service-worker';

/** A failed check of the built site, with one line per page and cause. */
export class DistError extends Error {
	constructor(title: string, lines: string[]) {
		super(`构建检查未通过：${title}\n${lines.map((l) => `  ✗ ${l}`).join('\n')}`);
		this.name = 'DistError';
	}
}

export class ContentError extends Error {
	constructor(lines: string[]) {
		super(`内容有 ${lines.length} 处问题，构建已停止：\n${lines.map((l) => `  ✗ ${l}`).join('\n')}`);
		this.name = 'ContentError';
	}
}

/** A fingerprint of every file under the content folder: the “内容版本” shown on /about/. */
function contentVersion(dir: string): string {
	const parts: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const path = join(d, name);
			if (statSync(path).isDirectory()) walk(path);
			else parts.push(relative(dir, path), readFileSync(path, 'utf8'));
		}
	};
	walk(dir);
	return hash(parts.join('\0')).slice(0, 8);
}

/** `virtual:handbook/edition` (declared in src/virtual.d.ts): what the pages know about this build. */
function editionModule(contentDir: string, command: string): Plugin {
	const id = 'virtual:handbook/edition';
	return {
		name: 'handbook:edition',
		resolveId: (source) => (source === id ? `\0${id}` : undefined),
		load(loaded) {
			if (loaded !== `\0${id}`) return;
			const version = command === 'build' || command === 'dev' ? contentVersion(contentDir) : '';
			return `export const contentVersion = ${JSON.stringify(version)};`;
		},
	};
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export interface HandbookOptions {
	contentDir: string;
	edition: Edition;
	/** Bytes the service worker's precache may hold (web edition). */
	precacheBudget: number;
}

export function handbook(options: HandbookOptions): AstroIntegration {
	let base = '/';
	return {
		name: 'handbook',
		hooks: {
			'astro:config:setup': ({ command, logger, updateConfig }) => {
				updateConfig({ vite: { plugins: [editionModule(options.contentDir, command)] } });
				if (options.edition === 'file') {
					// Opened from file://, the edition lives at the root of its folder; its pages' scripts are re-bundled
					// into one classic script each, where Vite's preload helper (which resolves URLs against
					// import.meta.url) cannot run.
					updateConfig({ base: '/', vite: { build: { modulePreload: false } } });
				}
				if (command !== 'build' && command !== 'dev') return;
				const { model, problems } = loadContent(options.contentDir);
				if (problems.length > 0) {
					const error = new ContentError(problems.map(formatProblem));
					if (command === 'build') throw error;
					logger.error(error.message);
					return;
				}
				logger.info(
					`内容检查通过：${model.pages.length} 篇页面，${model.quizzes.length} 个题库，${model.glossary.length} 个术语`,
				);
			},
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:done': async ({ dir, logger }) => {
				// The offline edition has its own search index and no service worker; scripts/build-offline.ts finishes
				// it and checks its links once they are relative.
				if (options.edition === 'file') return;
				let started = Date.now();
				const { pages } = await buildSearchIndex(dir);
				logger.info(`搜索索引：${pages} 个页面（${Date.now() - started} ms）`);
				started = Date.now();
				const root = fileURLToPath(dir);
				const pagesOnDisk = distPages(root, base);
				const broken = checkLinks(root, base, pagesOnDisk);
				if (broken.length > 0) {
					throw new DistError(`${broken.length} 处链接或锚点有问题`, broken);
				}
				const weights = measurePages(root, base, pagesOnDisk);
				logger.info(`链接检查通过：${pagesOnDisk.length} 个页面。页面大小：\n${budgetTable(weights)}`);
				const over = overBudget(weights);
				if (over.length > 0) throw new DistError(`${over.length} 处超出大小预算`, over);
				started = Date.now();
				const budget = options.precacheBudget;
				const sw = await buildServiceWorker(dir, base, budget);
				logger.info(`离线缓存：${sw.count} 个文件，共 ${mb(sw.size)}（上限 ${mb(budget)}；${Date.now() - started} ms）`);
				if (sw.size > budget) {
					throw new Error(`离线缓存 ${mb(sw.size)} 超过上限 ${mb(budget)}：请精简内容或资源。`);
				}
			},
		},
	};
}
