// Two app nodes on one database: an event written through node A reaches a browser connected to
// node B (PostgreSQL NOTIFY fan-out; the nodes never talk to each other), and the other way round.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { apiLogin, apiPostNotice, loggedInContext, noticeItems, noticeList, openOverview, uniqueText } from './support/app';
import { BASE_URL, DATABASE_URL, NODE_B_PORT, NODE_B_URL, demoEmail } from './support/env';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let nodeB: ChildProcess | undefined;
let nodeBOutput = '';

async function waitForHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exited: string | undefined;
	child.once('exit', (code, signal) => (exited = `knooppunt B stopte (code ${code}, signaal ${signal})`));
	while (Date.now() < deadline) {
		if (exited) throw new Error(`${exited}\n${nodeBOutput}`);
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250)); // polling interval, not a wait for an outcome
	}
	throw new Error(`knooppunt B werd niet gezond binnen ${timeoutMs} ms\n${nodeBOutput}`);
}

async function stopNodeB(): Promise<void> {
	const child = nodeB;
	nodeB = undefined;
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(timer);
}

test.describe('twee app-knooppunten op één database', () => {
	test.describe.configure({ mode: 'serial' });

	test.beforeAll(async () => {
		test.setTimeout(90_000);
		const env: NodeJS.ProcessEnv = {
			...process.env,
			NODE_ENV: 'production',
			DATABASE_URL,
			PARAAT_DEMO: '1',
			PARAAT_SKIP_BUILD: '1',
			PORT: String(NODE_B_PORT),
			LOG_LEVEL: 'warn'
		};
		delete env.PARAAT_DATA_DIR;
		delete env.PARAAT_PG_PORT;
		nodeB = spawn(process.execPath, ['src/lib/server/runtime/start.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const collect = (chunk: Buffer) => {
			nodeBOutput = (nodeBOutput + chunk.toString()).slice(-20_000);
		};
		nodeB.stdout!.on('data', collect);
		nodeB.stderr!.on('data', collect);
		await waitForHealthy(`http://127.0.0.1:${NODE_B_PORT}/healthz`, nodeB, 60_000);
	});

	test.afterAll(async () => {
		await stopNodeB();
	});

	test('een bericht via de API van knooppunt A verschijnt in een browser op knooppunt B', async ({ browser, request }) => {
		const b = await loggedInContext(browser, demoEmail('waarnemer', 'bloemendaal'), NODE_B_URL);
		try {
			await openOverview(b.page);
			expect(new URL(b.page.url()).port).toBe(String(NODE_B_PORT));

			await apiLogin(request, demoEmail('crisisteam', 'haarlem'), BASE_URL);
			const text = uniqueText('Via knooppunt A: inzet beëindigd');
			await apiPostNotice(request, { text, severity: 'waarschuwing' }, BASE_URL);

			await expect(noticeItems(b.page, text)).toHaveCount(1);
			await expect(noticeList(b.page).getByRole('listitem').first()).toContainText(text);
		} finally {
			await b.context.close();
		}
	});

	test('en andersom: een bericht via knooppunt B verschijnt in een browser op knooppunt A', async ({ browser, playwright }) => {
		const a = await loggedInContext(browser, demoEmail('waarnemer', 'uitgeest'), BASE_URL);
		const viaB = await playwright.request.newContext({ baseURL: NODE_B_URL });
		try {
			await openOverview(a.page);
			await apiLogin(viaB, demoEmail('crisisteam'), NODE_B_URL);
			const text = uniqueText('Via knooppunt B: regionale briefing 14.00 uur');
			await apiPostNotice(viaB, { text }, NODE_B_URL);

			await expect(noticeItems(a.page, text)).toHaveCount(1);
		} finally {
			await viaB.dispose();
			await a.context.close();
		}
	});
});
