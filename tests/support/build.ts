/** Runs `astro build` from a test with a clean environment. */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';

// Vitest exports Vite's own variables (BASE_URL, MODE, DEV, PROD, SSR) into process.env; a child build would
// read them as its own and ignore the BASE it was given.
const VITE_VARS = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

export function astroBuild(outDir: string, env: Record<string, string>): SpawnSyncReturns<string> {
	const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITE_VARS.includes(k)));
	return spawnSync('astro', ['build', '--outDir', outDir], {
		env: { ...clean, ASTRO_TELEMETRY_DISABLED: '1', ...env },
		encoding: 'utf8',
	});
}
