// Two production nodes behind a real reverse proxy (Debian's nginx, websocket upgrade, the shipped
// deploy/paraat-proxy.conf): a write on one node reaches a browser on the other, and a node
// stopped with SIGTERM mid-session costs the browser nothing — its socket is closed (not
// "disconnected" by the server, which would stop socket.io from reconnecting), it reconnects
// through the proxy to the remaining node and replays what it missed with `since`.
// Both nodes run two worker processes each (PARAAT_WORKERS=2).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { apiLogin, apiPostNotice, connectionBadge, expectConnected, noticeItems, openOverview, uniqueText } from './support/app';
import { BASE_URL, DATABASE_URL, PROXY_NODE_PORTS, PROXY_PORT, demoEmail } from './support/env';
import { ALL_WORKERS_LISTEN, startNginx, startNode, waitForOk, type Child } from './support/processes';

const [PRIMARY_PORT, BACKUP_PORT] = PROXY_NODE_PORTS;
const PROXY_URL = `http://localhost:${PROXY_PORT}`;

let primary: Child | undefined;
let backup: Child | undefined;
let nginx: Child | undefined;
let prefix: string | undefined;

test.describe('twee productieknooppunten achter nginx', () => {
	test.describe.configure({ mode: 'serial' });

	test.beforeAll(async () => {
		test.setTimeout(120_000);
		prefix = mkdtempSync(path.join(os.tmpdir(), 'paraat-nginx-'));
		chmodSync(prefix, 0o755); // nginx's workers run as an unprivileged user
		// Both nodes with two worker processes (PARAAT_WORKERS is 1 by default), every worker up before
		// the tests: the stop of a node mid-session then also proves the workers' shutdown and the
		// sockets' move from either worker to the other node. LOG_LEVEL info for the primary's line
		// that says all workers listen.
		const workers = { PARAAT_WORKERS: '2', LOG_LEVEL: 'info' };
		primary = startNode(PRIMARY_PORT, DATABASE_URL, workers);
		backup = startNode(BACKUP_PORT, DATABASE_URL, workers);
		await Promise.all([primary.waitForOutput(ALL_WORKERS_LISTEN, 90_000), backup.waitForOutput(ALL_WORKERS_LISTEN, 90_000)]);
		await Promise.all([
			waitForOk(`http://127.0.0.1:${PRIMARY_PORT}/readyz`, primary, 15_000),
			waitForOk(`http://127.0.0.1:${BACKUP_PORT}/readyz`, backup, 15_000)
		]);
		nginx = startNginx(prefix, PROXY_PORT, [PRIMARY_PORT, BACKUP_PORT]);
		await waitForOk(`http://127.0.0.1:${PROXY_PORT}/healthz`, nginx, 15_000);
	});

	test.afterAll(async () => {
		await Promise.all([primary?.stop(), backup?.stop()]);
		await nginx?.stop();
		if (prefix) rmSync(prefix, { recursive: true, force: true });
	});

	test('een bericht via het andere knooppunt bereikt een browser achter de proxy', async ({ browser, playwright }) => {
		const context = await browser.newContext({ baseURL: PROXY_URL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
		const direct = await playwright.request.newContext({ baseURL: `http://localhost:${BACKUP_PORT}` });
		try {
			await apiLogin(context.request, demoEmail('waarnemer', 'haarlem'), PROXY_URL);
			const page = await context.newPage();
			await openOverview(page);
			expect(new URL(page.url()).port).toBe(String(PROXY_PORT));

			// Written on the backup node; the browser's socket is on the primary (nginx's first choice).
			await apiLogin(direct, demoEmail('crisisteam', 'haarlem'), `http://localhost:${BACKUP_PORT}`);
			const text = uniqueText('Via het reserveknooppunt');
			await apiPostNotice(direct, { text }, `http://localhost:${BACKUP_PORT}`);
			await expect(noticeItems(page, text)).toHaveCount(1);
		} finally {
			await direct.dispose();
			await context.close();
		}
	});

	test('een knooppunt dat stopt (SIGTERM): de browser verbindt via de proxy met het andere en mist niets', async ({ browser, playwright }) => {
		test.setTimeout(90_000);
		const context = await browser.newContext({ baseURL: PROXY_URL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
		const writer = await playwright.request.newContext({ baseURL: BASE_URL });
		let writing = true;
		let writes: Promise<void> | undefined;
		try {
			await apiLogin(context.request, demoEmail('waarnemer', 'zandvoort'), PROXY_URL);
			const page = await context.newPage();
			await openOverview(page);
			await apiLogin(writer, demoEmail('crisisteam'), BASE_URL);

			// Notices keep coming (through node A, outside the proxy) while the primary stops: some
			// arrive live, some while the browser has no socket and must come from the replay.
			const prefixText = uniqueText('Tijdens de wissel');
			const texts: string[] = [];
			writes = (async () => {
				for (let i = 0; writing || i < 4; i++) {
					const text = `${prefixText} #${i}`;
					await apiPostNotice(writer, { text }, BASE_URL);
					texts.push(text);
					await new Promise((resolve) => setTimeout(resolve, 300)); // pacing of the writer
				}
			})();

			const exitCode = await primary!.stop();
			expect(exitCode, primary!.output()).toBe(0);
			// The socket was closed, not ended by the server: the browser reconnects by itself.
			await expectConnected(page, 30_000);
			await expect(connectionBadge(page)).not.toHaveAttribute('data-connection-state', 'afgemeld');
			const after = uniqueText('Na de wissel');
			writing = false;
			await writes;
			await apiPostNotice(writer, { text: after }, BASE_URL);
			texts.push(after);

			for (const text of texts) await expect(noticeItems(page, text), text).toHaveCount(1);
			// Everything now comes from the backup node: the proxy still answers, the primary does not.
			expect((await page.request.get(`${PROXY_URL}/readyz`)).status()).toBe(200);
			await expect(fetch(`http://127.0.0.1:${PRIMARY_PORT}/healthz`)).rejects.toThrow();
		} finally {
			// After a failed expectation above, the writer's loop must end before its context goes:
			// otherwise its "context closed" is the error reported first, hiding the real one.
			writing = false;
			await writes?.catch(() => {});
			await writer.dispose();
			await context.close();
		}
	});
});
