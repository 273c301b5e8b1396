/**
 * Renders the app icons (public/icons/*.png) from one SVG design in Chromium. Run after changing the design:
 *   node scripts/make-icons.ts
 */
import { mkdirSync } from 'node:fs';
import { launch } from '../tests/support/browser.ts';

const svg = (size: number, padding: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 512 512">
<rect width="512" height="512" rx="${padding ? 0 : 96}" fill="#a3221b"/>
<text x="256" y="${padding ? 336 : 350}" font-size="${padding ? 230 : 300}" text-anchor="middle" fill="#fff" font-family="Noto Serif CJK SC, serif" font-weight="700">代</text>
</svg>`;

mkdirSync('public/icons', { recursive: true });
const browser = await launch();
for (const [name, size, maskable] of [
	['icon-192', 192, false],
	['icon-512', 512, false],
	['maskable-512', 512, true],
] as const) {
	const page = await browser.newPage({ viewport: { width: size, height: size } });
	await page.setContent(`<body style="margin:0">${svg(size, maskable ? 1 : 0)}</body>`);
	await page.screenshot({ path: `public/icons/${name}.png`, omitBackground: !maskable });
	await page.close();
	console.log(`public/icons/${name}.png`);
}
await browser.close();
