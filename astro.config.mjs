// @ts-check
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { envSchema, settings } from './src/env.ts';
import { handbook } from './src/integrations/handbook.ts';

// SITE, BASE, HANDBOOK_CONTENT, HANDBOOK_EDITION…: see src/env.ts.
const { site, base, contentDir, edition, precacheBudgetMb } = settings;
// The reader's preferences script runs inline in <head> (BaseLayout), before the stylesheet and the first paint, so it
// costs no request of its own; the CSP lets it run by its hash.
const prefsScript = readFileSync(new URL('./src/scripts/prefs.js', import.meta.url), 'utf8');
/** @type {`sha256-${string}`} */
const prefsHash = `sha256-${createHash('sha256').update(prefsScript).digest('base64')}`;

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	output: 'static',
	build: { format: 'directory' },
	env: { schema: envSchema },
	integrations: [handbook({ contentDir, edition, precacheBudget: precacheBudgetMb * 1024 * 1024 }), mdx()],
	devToolbar: { enabled: false },
	vite: {
		build: {
			// Many deputies open the handbook inside WeChat or another app whose browser lags years behind Chrome;
			// keeping CSS to what Chromium 87 and Safari 14 understand stops the minifier from writing media-query
			// range syntax (width>=40rem), which those browsers and the paged-media library used for the PDF books ignore.
			cssTarget: ['chrome87', 'safari14', 'firefox78'],
			rollupOptions: {
				// Astro marks every MDX module with a "use astro:head-inject" directive that the bundler warns about
				// once per file; it is expected and would drown the build log of a large handbook.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
					warn(warning);
				},
			},
		},
	},
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
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [prefsHash] },
			styleDirective: { resources: ["'self'"] },
		},
	},
});
