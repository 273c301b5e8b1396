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
	// No code blocks in the handbook; Shiki's inline styles would also conflict with the CSP below.
	markdown: { syntaxHighlight: false },
	security: {
		// A Content-Security-Policy meta tag on every page: only this site's own files; inline scripts only by hash
		// (Astro adds them); WebAssembly compilation allowed for the search index ('wasm-unsafe-eval'), nothing else.
		csp: {
			algorithm: 'SHA-256',
			directives: [
				"default-src 'self'",
				"img-src 'self' data: blob:",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
			styleDirective: { resources: ["'self'"] },
		},
	},
});
