/**
 * The build's settings from the environment, declared once. `envSchema` is Astro's `env.schema`
 * (astro.config.mjs), so pages read them from `astro:env/server`, validated by Astro.
 *
 * astro.config.mjs and the build integration cannot import `astro:env`: it is a Vite virtual module, and they run
 * in plain Node before Astro's Vite build exists. They use `settings`, read here (and nowhere else) from
 * process.env against the same schema: an unknown edition or a budget that is not a number stops the build.
 */
import { envField } from 'astro/config';

export const EDITIONS = ['web', 'file'] as const;
/** web: the site with its service worker; file: the folder and zip that open from file:// (npm run build:offline). */
export type Edition = (typeof EDITIONS)[number];

export const envSchema = {
	HANDBOOK_EDITION: envField.enum({ context: 'server', access: 'public', values: [...EDITIONS], default: 'web' }),
	/** The public origin, e.g. https://rd.example.gov.cn. */
	SITE: envField.string({ context: 'server', access: 'public', default: 'http://localhost:4321' }),
	/** The sub-path the site is served under, e.g. /handbook/ (the file edition always uses /). */
	BASE: envField.string({ context: 'server', access: 'public', default: '/' }),
	/** The content folder (the benchmarks and the bad-content tests build other folders). */
	HANDBOOK_CONTENT: envField.string({ context: 'server', access: 'public', default: 'content' }),
	/** Raises the precache budget for synthetic handbooks many times the real size (the benchmarks). */
	HANDBOOK_PRECACHE_BUDGET_MB: envField.number({ context: 'server', access: 'public', default: 8 }),
};

function read(key: keyof typeof envSchema): string | number {
	const field = envSchema[key];
	const raw = process.env[key];
	if (raw === undefined || raw === '') return field.default!;
	if (field.type === 'enum' && !field.values.includes(raw)) {
		throw new Error(`环境变量 ${key}=${raw} 无效：应为 ${field.values.join(' 或 ')}`);
	}
	if (field.type === 'number') {
		if (!Number.isFinite(Number(raw))) throw new Error(`环境变量 ${key}=${raw} 无效：应为数字`);
		return Number(raw);
	}
	return raw;
}

export const settings = {
	edition: read('HANDBOOK_EDITION') as Edition,
	site: read('SITE') as string,
	base: read('BASE') as string,
	contentDir: read('HANDBOOK_CONTENT') as string,
	precacheBudgetMb: read('HANDBOOK_PRECACHE_BUDGET_MB') as number,
};
