/** The web app manifest, generated so that start_url and scope follow the deployment's base path. */
import type { APIRoute } from 'astro';
import { joinBase } from '../lib/paths';
import { SITE_NAME } from '../lib/site';

export const GET: APIRoute = () => {
	const base = import.meta.env.BASE_URL;
	const manifest = {
		name: SITE_NAME,
		short_name: '履职手册',
		description: '面向人大代表的学习手册：权利义务、培训课程、代表建议和望闻问切工作法，可离线使用。',
		lang: 'zh-CN',
		dir: 'ltr',
		start_url: joinBase(base, '/'),
		scope: joinBase(base, '/'),
		id: joinBase(base, '/'),
		display: 'standalone',
		background_color: '#fbfaf8',
		theme_color: '#a3221b',
		icons: [
			{ src: joinBase(base, 'icons/icon-192.png'), sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: joinBase(base, 'icons/icon-512.png'), sizes: '512x512', type: 'image/png', purpose: 'any' },
			{ src: joinBase(base, 'icons/maskable-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
			{ src: joinBase(base, 'favicon.svg'), sizes: 'any', type: 'image/svg+xml' },
		],
	};
	return new Response(JSON.stringify(manifest, null, 2), { headers: { 'content-type': 'application/manifest+json' } });
};
