// Shared facts about the end-to-end test servers: used by playwright.config.ts and the specs.
// Kept free of app imports, so loading it never touches the database or the build.

/**
 * Node A: started by Playwright's webServer (see playwright.config.ts). PARAAT_E2E_PORT moves the
 * whole set of ports (app, node B, PostgreSQL), so two runs on one machine do not collide.
 */
const OFFSET = Number(process.env.PARAAT_E2E_PORT ?? 4173) - 4173;
export const APP_PORT = 4173 + OFFSET;
export const BASE_URL = `http://localhost:${APP_PORT}`;
export const HEALTH_URL = `http://127.0.0.1:${APP_PORT}/healthz`;

/** The embedded PostgreSQL node A starts (fresh data folder per run, fsync off). */
export const PG_PORT = 55433 + OFFSET;
export const DATABASE_URL = `postgres://paraat:paraat-embedded@127.0.0.1:${PG_PORT}/paraat`;

/** Node B of the two-node test: a second app process on node A's database. */
export const NODE_B_PORT = 4174 + OFFSET;
export const NODE_B_URL = `http://localhost:${NODE_B_PORT}`;

/** The proxy test: two more nodes on the same database behind nginx. */
export const PROXY_NODE_PORTS = [4175 + OFFSET, 4176 + OFFSET] as const;
export const PROXY_PORT = 4177 + OFFSET;

/** The database-outage test: one node on a Debian PostgreSQL 15 cluster that the test stops. */
export const OUTAGE_NODE_PORT = 4178 + OFFSET;
export const OUTAGE_PG_PORT = 55434 + OFFSET;

/** The worker-process test: a node with PARAAT_WORKERS=2 on node A's database. */
export const WORKERS_NODE_PORT = 4180 + OFFSET;

/** The local stand-in for the PDOK Locatieserver (tests/support/fake-locatieserver.ts) the app asks. */
export const LOCATIESERVER_PORT = 4179 + OFFSET;
export const LOCATIESERVER_URL = `http://127.0.0.1:${LOCATIESERVER_PORT}/bzk/locatieserver/search/v3_1`;

export const DEMO_PASSWORD = 'paraat-demo';

/** `<role>.<municipality>@paraat.test`, or the regional `<role>@paraat.test` without municipality. */
export function demoEmail(role: string, municipality?: string): string {
	return `${role}${municipality ? `.${municipality}` : ''}@paraat.test`;
}

/**
 * The data folder of this run's embedded PostgreSQL. playwright.config.ts creates it once in
 * the runner process and passes it on through the environment (workers inherit it).
 */
export function e2eDataDir(): string | undefined {
	return process.env.PARAAT_E2E_DATA_DIR;
}

/** Chromium from Debian; Playwright's own browser download is not available here. */
export const CHROMIUM = {
	executablePath: '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
};
