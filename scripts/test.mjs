#!/usr/bin/env node
/**
 * `npm test`: every check, in the order a failure is cheapest to find —
 * browsers present → typecheck → unit tests → build → end-to-end tests (Chromium; the offline edition's search
 * also in Firefox ESR).
 * Prints a summary line with the counts at the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** poppler's pdftotext reads the PDF books back; the books are set in two TrueType CJK fonts (src/styles/book.css). */
const PDFTOTEXT = '/usr/bin/pdftotext';
const BOOK_FONTS = ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'];

const totals = { passed: 0, failed: 0, skipped: 0 };

function summary() {
	console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
}

/** Adds the counts of a Vitest JSON report to the totals. */
function count(report) {
	if (!existsSync(report)) return;
	const r = JSON.parse(readFileSync(report, 'utf8'));
	totals.passed += r.numPassedTests;
	totals.failed += r.numFailedTests;
	totals.skipped += r.numPendingTests + r.numTodoTests;
}

function vitest(title, project) {
	const report = `tests/.tmp/vitest-${project}.json`;
	rmSync(report, { force: true });
	step(title, 'vitest', ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {}, () =>
		count(report),
	);
}

function step(title, cmd, args, env = {}, after = () => {}) {
	console.log(`\n▶ ${title}: ${[cmd, ...args].join(' ')}`);
	const started = Date.now();
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	after();
	if (r.status !== 0) {
		console.error(`\n✗ ${title} failed (${seconds} s)`);
		totals.failed = Math.max(totals.failed, 1);
		summary();
		process.exit(r.status ?? 1);
	}
	console.log(`✓ ${title} (${seconds} s)`);
}

function ensureBrowsers() {
	const missing = () => [CHROMIUM, FIREFOX, PDFTOTEXT, ...BOOK_FONTS].filter((p) => !existsSync(p));
	if (missing().length === 0) return;
	const install =
		'apt-get update && apt-get install -y chromium firefox-esr fonts-noto-cjk fonts-wqy-microhei fonts-wqy-zenhei poppler-utils';
	const isRoot = process.getuid?.() === 0;
	const isDebian = existsSync('/etc/debian_version');
	if (isRoot && isDebian) {
		console.log(`Missing ${missing().join(', ')}; installing from Debian's packages:\n  ${install}`);
		execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${install}`], { stdio: 'inherit' });
		if (missing().length === 0) return;
	}
	console.error(
		`The end-to-end tests need Chromium at ${CHROMIUM} (or set CHROMIUM_PATH) and Firefox ESR at ${FIREFOX} ` +
			`(or set FIREFOX_PATH; the offline edition's search is tested in it).\n` +
			`On Debian or Ubuntu, as root:\n  ${install}\n` +
			'Browser downloads (npx playwright install) are not used by this project.',
	);
	process.exit(1);
}

ensureBrowsers();
step('typecheck', 'astro', ['check', '--minimumSeverity', 'warning']);
vitest('unit tests', 'unit');
step('build', 'astro', ['build']);
vitest('end-to-end tests', 'e2e');
console.log('\nAll checks passed.');
summary();
