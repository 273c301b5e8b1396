/**
 * `npm run build:pdf`: the PDF books (src/integrations/build/pdf.ts) made from the built site in dist/ (built first
 * if it is missing) into dist-pdf/. Prints a table of page counts and sizes; fails when a book exceeds its budget.
 *   node scripts/build-pdf.ts [--dist dist] [--out dist-pdf]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bookTable, writePdfs } from '../src/integrations/build/pdf.ts';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const dist = arg('--dist', 'dist');
const out = arg('--out', 'dist-pdf');
if (!existsSync(join(dist, 'print', 'index.html'))) {
	console.log(`${dist}/ 还没有构建，先运行 astro build。`);
	const r = spawnSync('astro', ['build', '--outDir', dist], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}
try {
	const { made, seconds } = await writePdfs(dist, out);
	console.log(`PDF：${made.length} 本，用时 ${seconds.toFixed(1)} 秒，在 ${out}/：\n${bookTable(made)}`);
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
