// End-to-end tests: the production entry (`npm start`) on a fresh embedded PostgreSQL per run,
// driven by Debian's Chromium. Run with `npx playwright test`.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { APP_PORT, BASE_URL, CHROMIUM, HEALTH_URL, LOCATIESERVER_PORT, LOCATIESERVER_URL, PG_PORT } from './tests/e2e/support/env';
import { startFakeLocatieserver } from './tests/support/fake-locatieserver';

const DIR_PREFIX = 'paraat-e2e-';

function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes data folders of earlier runs whose PostgreSQL no longer runs (a clean stop removes
 * postmaster.pid; a killed one leaves the pid of a dead process). Folders without a server
 * that are younger than an hour may belong to a run that is still building: left alone.
 */
function pruneOldDataDirs(): void {
	const tmp = os.tmpdir();
	for (const name of readdirSync(tmp)) {
		if (!name.startsWith(DIR_PREFIX)) continue;
		const dir = path.join(tmp, name);
		try {
			const pidFile = path.join(dir, 'pg', 'postmaster.pid');
			if (existsSync(pidFile)) {
				const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
				if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) continue;
			} else if (Date.now() - statSync(dir).mtimeMs < 60 * 60 * 1000) {
				continue;
			}
			rmSync(dir, { recursive: true, force: true });
		} catch {
			// Someone else's folder or already gone: not ours to worry about.
		}
	}
}

// The config is evaluated in the runner and again in every worker. Only the runner (the first
// to get here) creates the folder; workers inherit PARAAT_E2E_DATA_DIR through the environment.
if (!process.env.PARAAT_E2E_DATA_DIR) {
	pruneOldDataDirs();
	const dir = mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
	// Run as root, PostgreSQL's own user must enter the folder (see src/lib/server/db/embedded-location.ts).
	chmodSync(dir, 0o755);
	process.env.PARAAT_E2E_DATA_DIR = dir;
	// The address search asks a local stand-in for the PDOK Locatieserver: the run needs no internet.
	// It lives in the runner process (unref'd) and ends with it.
	startFakeLocatieserver(LOCATIESERVER_PORT).catch((err: Error) => {
		throw new Error(`De nep-Locatieserver kon niet starten op poort ${LOCATIESERVER_PORT}: ${err.message}`);
	});
	// By the time the runner exits, the web server (and its PostgreSQL) has been stopped.
	process.on('exit', () => {
		try {
			rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
		} catch {
			// pruned by a later run
		}
	});
}
const dataDir = path.join(process.env.PARAAT_E2E_DATA_DIR!, 'pg');


export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1, // two cores: one browser, one app server, one PostgreSQL
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: 'list',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: BASE_URL,
		browserName: 'chromium',
		locale: 'nl-NL',
		timezoneId: 'Europe/Amsterdam',
		launchOptions: CHROMIUM,
		trace: 'retain-on-failure'
	},
	webServer: {
		command: 'node src/lib/server/runtime/launch.cjs src/lib/server/runtime/start.ts',
		url: HEALTH_URL,
		timeout: 180_000, // the first start may run a vite build
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		// SIGTERM lets the app stop its embedded PostgreSQL; a SIGKILL would leave it running.
		gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
		env: {
			NODE_ENV: 'production',
			PORT: String(APP_PORT),
			PARAAT_DATA_DIR: dataDir,
			PARAAT_PG_PORT: String(PG_PORT),
			PARAAT_PG_FAST: '1',
			PARAAT_DEMO: '1',
			PARAAT_SKIP_BUILD: '0',
			// An inherited DATABASE_URL would make the server skip its own fresh database.
			DATABASE_URL: '',
			PARAAT_LOCATIESERVER_URL: LOCATIESERVER_URL,
			LOG_LEVEL: 'warn'
		}
	}
});
