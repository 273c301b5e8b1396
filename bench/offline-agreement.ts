/**
 * How often the offline (file://) edition's search puts the same page first as the online Pagefind search, over the
 * recall query set. Needs `npm run build` (dist/) and `npm run build:offline` (dist-offline/) of the same content.
 *   node bench/offline-agreement.ts
 */
import { resolve } from 'node:path';
import { recallQueries } from '../tests/e2e/search-queries.ts';
import { launch } from '../tests/support/browser.ts';
import { typeQuery } from '../tests/support/search-page.ts';
import { serve } from '../tests/support/static-server.ts';

const server = await serve('dist', '/');
const browser = await launch();
const online = await browser.newPage();
const offline = await (await browser.newContext({ offline: true })).newPage();
await online.goto(`${server.url}search/`);
await offline.goto(`file://${resolve('dist-offline/handbook/search/index.html')}`);
let same = 0;
for (const { q } of recallQueries) {
	const a = (await typeQuery(online, q, 1))[0] ?? '';
	const b = ((await typeQuery(offline, q, 1))[0] ?? '').replace(/^.*\/dist-offline\/handbook/, '');
	if (a === b) same++;
	else console.log(`  ${q}: online ${a || '-'} · offline ${b || '-'}`);
}
console.log(`offline/online top result agreement: ${((same / recallQueries.length) * 100).toFixed(1)}% (${same}/${recallQueries.length})`);
await browser.close();
await server.close();
