/**
 * Screenshots of built pages at phone and desktop width, light and dark, for looking at the site as a reader does.
 * usage: node scripts/screenshot.ts [dist] [out] [path ...]
 */
import { mkdirSync } from 'node:fs';
import { launch } from '../tests/support/browser.ts';
import { serve } from '../tests/support/static-server.ts';

const [dist = 'dist', out = 'tests/.tmp/shots', ...paths] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await serve(dist, '/');
const browser = await launch();
for (const scheme of ['light', 'dark'] as const) {
	for (const [name, width, height] of [
		['phone', 375, 812],
		['desktop', 1280, 900],
	] as const) {
		const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
		for (const p of paths.length ? paths : ['/']) {
			await page.goto(server.url + p.replace(/^\//, ''));
			const file = `${out}/${p.replace(/\W+/g, '_') || 'home'}-${name}-${scheme}.png`;
			await page.screenshot({ path: file, fullPage: false });
			console.log(file);
		}
		await page.close();
	}
}
await browser.close();
await server.close();
