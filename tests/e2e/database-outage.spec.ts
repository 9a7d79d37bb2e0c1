// The database goes away under a running production node and comes back: /readyz says 503 with
// the reason, the API answers 503 in its own error format, pages show the Dutch "database niet
// bereikbaar" page with 503, and when PostgreSQL is back the node recovers by itself — pool,
// LISTEN connection and live delivery to the browser that stayed open — without a restart.
// The server is a Debian PostgreSQL 15 cluster the test owns (so this also runs the migrations
// on 15, the oldest major CI proves).
import { test, expect } from '@playwright/test';
import { apiLogin, apiPostNotice, expectConnected, noticeItems, openOverview, uniqueText } from './support/app';
import { OUTAGE_NODE_PORT, OUTAGE_PG_PORT, demoEmail } from './support/env';
import { startNode, waitForOk, type Child } from './support/processes';
import { createDebianCluster, type DebianCluster } from '../support/debian-postgres';

const NODE_URL = `http://localhost:${OUTAGE_NODE_PORT}`;

let cluster: DebianCluster | undefined;
let node: Child | undefined;

interface ReadyBody {
	status: string;
	reason?: string;
	checks: Record<string, { ok: boolean; reason?: string }>;
}

async function readiness(): Promise<{ status: number; body: ReadyBody }> {
	const response = await fetch(`${NODE_URL}/readyz`, { signal: AbortSignal.timeout(10_000) });
	return { status: response.status, body: (await response.json()) as ReadyBody };
}

test.describe('de database valt weg en komt terug', () => {
	test.describe.configure({ mode: 'serial' });

	test.beforeAll(async () => {
		test.setTimeout(120_000);
		cluster = createDebianCluster(OUTAGE_PG_PORT);
		node = startNode(OUTAGE_NODE_PORT, cluster.url('paraat'));
		await waitForOk(`${NODE_URL}/readyz`, node, 90_000);
	});

	test.afterAll(async () => {
		const code = await node?.stop();
		cluster?.destroy();
		expect(code, node?.output()).toBe(0);
	});

	test('503 met de reden, in het API-formaat en als Nederlandse pagina; daarna herstelt Paraat zelf', async ({ browser }) => {
		test.setTimeout(120_000);
		const context = await browser.newContext({ baseURL: NODE_URL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
		try {
			await apiLogin(context.request, demoEmail('crisisteam', 'haarlem'), NODE_URL);
			const page = await context.newPage();
			await openOverview(page);
			const before = await readiness();
			expect(before.status).toBe(200);
			expect(before.body.checks).toMatchObject({ database: { ok: true }, migrations: { ok: true }, realtime: { ok: true } });

			cluster!.stop();

			// Readiness: 503 with the reason, as soon as the database does not answer.
			await expect.poll(async () => (await readiness()).status, { timeout: 15_000 }).toBe(503);
			const down = await readiness();
			expect(down.body.status).toBe('niet gereed');
			expect(down.body.reason).toMatch(/database is niet bereikbaar/);
			expect(down.body.checks.database!.ok).toBe(false);
			// Liveness stays 200: restarting the node would not bring the database back.
			expect((await fetch(`${NODE_URL}/healthz`)).status).toBe(200);

			// The API: 503 in its own error format, not the page format, not 500.
			const api = await context.request.get(`${NODE_URL}/api/v1/me`);
			expect(api.status()).toBe(503);
			expect(api.headers()['content-type']).toMatch(/json/);
			expect(api.headers()['retry-after']).toBeDefined();
			expect(JSON.stringify(await api.json())).toMatch(/database_unavailable/);

			// A page: 503 and a Dutch explanation.
			const other = await context.newPage();
			const response = await other.goto('/');
			expect(response?.status()).toBe(503);
			await expect(other.getByRole('heading', { name: 'Database niet bereikbaar' })).toBeVisible();
			await expect(other.getByRole('alert')).toContainText('De database is niet bereikbaar');
			await other.close();

			cluster!.start();

			// Written as soon as the database takes writes again, possibly before the LISTEN
			// connection is back: then the NOTIFY is lost and only the catch-up can deliver it.
			await expect.poll(async () => (await context.request.get(`${NODE_URL}/api/v1/me`)).status(), { timeout: 20_000 }).toBe(200);
			const listenerWasBack = (await readiness()).body.checks.realtime?.ok;
			test.info().annotations.push({ type: 'LISTEN al terug bij het schrijven', description: String(listenerWasBack) });
			const early = uniqueText('Direct na herstel');
			await apiPostNotice(context.request, { text: early }, NODE_URL);

			await expect.poll(async () => (await readiness()).status, { timeout: 30_000 }).toBe(200);
			const later = uniqueText('Na herstel, live');
			await apiPostNotice(context.request, { text: later }, NODE_URL);

			// The page that stayed open (its socket never left the node) gets both.
			await expectConnected(page);
			await expect(noticeItems(page, early)).toHaveCount(1, { timeout: 20_000 });
			await expect(noticeItems(page, later)).toHaveCount(1);
		} finally {
			await context.close();
		}
	});
});
