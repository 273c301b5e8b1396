/**
 * The handbook's build steps around Astro's own: before anything renders, the content is validated and
 * cross-checked (a problem stops `astro build` with one line per problem: file › entry › field: message);
 * after the pages are written, the edition's steps run (src/integrations/build/): the search index, the link and
 * size checks, and the service worker (web), or the packed search, classic scripts, relative links and zip of the
 * edition that opens from file:// (file).
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { Edition } from '../env';
import { formatProblem } from '../lib/content-check';
import { runSteps } from './build/index';
import { ZIP_NAME } from './build/offline';
import { loadContent } from './content-source';

export class ContentError extends Error {
	constructor(lines: string[]) {
		super(`内容有 ${lines.length} 处问题，构建已停止：\n${lines.map((l) => `  ✗ ${l}`).join('\n')}`);
		this.name = 'ContentError';
	}
}

/**
 * `virtual:handbook/edition` (declared in src/virtual.d.ts): what the pages know about this build. The content
 * version (“内容版本” on /about/) is the fingerprint of the content files the pre-check read.
 */
function editionModule(version: string): Plugin {
	const id = 'virtual:handbook/edition';
	return {
		name: 'handbook:edition',
		resolveId: (source) => (source === id ? `\0${id}` : undefined),
		load: (loaded) => (loaded === `\0${id}` ? `export const contentVersion = ${JSON.stringify(version)};` : undefined),
	};
}

export interface HandbookOptions {
	contentDir: string;
	edition: Edition;
	/** Bytes the service worker's precache may hold (web edition). */
	precacheBudget: number;
}

export function handbook(options: HandbookOptions): AstroIntegration {
	let base = '/';
	let outDir = '';
	return {
		name: 'handbook',
		hooks: {
			'astro:config:setup': ({ command, logger, updateConfig }) => {
				const checked = command === 'build' || command === 'dev' ? loadContent(options.contentDir) : undefined;
				updateConfig({ vite: { plugins: [editionModule(checked?.version ?? '')] } });
				if (options.edition === 'file') {
					// Opened from file://, the edition lives at the root of its folder; its pages' scripts are re-bundled
					// into one classic script each, where Vite's preload helper (which resolves URLs against
					// import.meta.url) cannot run.
					updateConfig({ base: '/', vite: { build: { modulePreload: false } } });
				}
				if (!checked) return;
				const { model, problems } = checked;
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
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': () => {
				// A zip left from an earlier build must not pass for this one if this one fails.
				if (options.edition === 'file') rmSync(join(dirname(outDir), ZIP_NAME), { force: true });
			},
			'astro:build:done': async ({ dir, logger }) => {
				const { edition, precacheBudget } = options;
				await runSteps({ root: fileURLToPath(dir), base, edition, precacheBudget }, logger);
			},
		},
	};
}
