/** The steps `astro build` runs after the pages are written, one order per edition. */
import type { AstroIntegrationLogger } from 'astro';
import type { Edition } from '../../env';
import { checkBudgets } from './budgets';
import type { BuildContext, Step } from './dist';
import { checkLinks, relativeLinks } from './links';
import { classicScripts, storePage, zip } from './offline';
import { pagefindPack } from './pagefind-pack';
import { pdfBooks } from './pdf';
import { searchIndexBeside } from './search-index';
import { serviceWorker } from './service-worker';

export const STEPS: Record<Edition, Step[]> = {
	// The checks read the pages only, so they run while Pagefind indexes them in its own process.
	web: [searchIndexBeside(checkLinks, checkBudgets), serviceWorker],
	file: [pagefindPack, classicScripts, relativeLinks, storePage, checkLinks, checkBudgets, pdfBooks, zip],
};

/** Runs the edition's steps in order, logging each one's line and time; the first failure stops the build. */
export async function runSteps(build: BuildContext, logger: AstroIntegrationLogger): Promise<void> {
	for (const step of STEPS[build.edition]) {
		const started = Date.now();
		const [first, ...rest] = (await step(build)).split('\n');
		logger.info([`${first}（${step.name}，${Date.now() - started} ms）`, ...rest].join('\n'));
	}
}
