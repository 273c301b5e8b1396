// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { handbook } from './src/integrations/handbook.ts';

// SITE: the public origin (e.g. https://rd.example.gov.cn); BASE: the sub-path the site is served under (e.g. /handbook/).
const site = process.env.SITE || 'http://localhost:4321';
const base = process.env.BASE || '/';
const contentDir = process.env.HANDBOOK_CONTENT || 'content';

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	output: 'static',
	build: { format: 'directory' },
	integrations: [handbook({ contentDir }), mdx()],
	devToolbar: { enabled: false },
});
