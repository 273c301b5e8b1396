import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					// One browser per file; files run one at a time so the 2-core machine is not oversubscribed.
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 120_000,
					globalSetup: ['tests/e2e/global-setup.ts'],
				},
			},
		],
	},
});
