/**
 * The handbook's build steps around Astro's own: before anything renders, the content is validated and
 * cross-checked; a problem stops `astro build` with one line per problem (file › entry › field: message).
 */
import type { AstroIntegration } from 'astro';
import { formatProblem } from '../lib/content-check';
import { loadContent } from './content-source';

export class ContentError extends Error {
	constructor(lines: string[]) {
		super(`内容有 ${lines.length} 处问题，构建已停止：\n${lines.map((l) => `  ✗ ${l}`).join('\n')}`);
		this.name = 'ContentError';
	}
}

export function handbook(options: { contentDir: string }): AstroIntegration {
	return {
		name: 'handbook',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
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
		},
	};
}
