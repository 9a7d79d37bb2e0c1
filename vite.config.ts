import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraatDevServer } from './src/lib/server/runtime/vite-plugin.ts';
import { malformedRequestPlugin } from './src/lib/server/http/malformed-request.ts';
import { paraatPwa } from './src/lib/server/runtime/pwa.ts';

export default defineConfig({
	// First: malformed addresses are answered before SvelteKit's dev middleware decodes them.
	plugins: [malformedRequestPlugin(), sveltekit(), paraatPwa(), paraatDevServer()],
	server: { port: Number(process.env.PORT ?? 5173) },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		// One embedded PostgreSQL for the run; every integration file gets its own database.
		globalSetup: ['tests/support/global-setup.ts'],
		// Every test file sees the capabilities registered, as a started app does.
		setupFiles: ['tests/support/register-capabilities.ts'],
		// A fixed key for sealed secrets, so test runs never write a key file into the project.
		env: { PARAAT_SECRET_KEY: 'dGVzdHNsZXV0ZWwtcGFyYWF0LXZpdGVzdC0wMDAwMDA=' },
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
