// A node with two worker processes (PARAAT_WORKERS=2) as an operator would run it: a SIGTERM that
// comes while the second worker still starts (the node already answers, /readyz says ready) stops
// the node cleanly; and /metrics on the shared port reports the node — every worker's counters
// summed — whichever worker takes the scrape.
import http from 'node:http';
import { test, expect } from '@playwright/test';
import { DATABASE_URL, WORKERS_NODE_PORT } from './support/env';
import { ALL_WORKERS_LISTEN, startNode, waitForOk, type Child } from './support/processes';

const NODE_URL = `http://127.0.0.1:${WORKERS_NODE_PORT}`;
const METRICS_TOKEN = 'werkprocessen-metrics-token-0123456789';

/** A GET on a connection of its own: the primary hands each new connection to the next worker. */
function getOnNewConnection(path: string, headers: http.OutgoingHttpHeaders = {}): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const request = http.get(`${NODE_URL}${path}`, { agent: false, headers }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
		});
		request.on('error', reject);
	});
}

/** A sample's value in the Prometheus text, 0 when the series does not exist yet. */
function sample(metrics: string, series: string): number {
	const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
	return line ? Number(line.slice(series.length + 1)) : 0;
}

let node: Child | undefined;

test.describe('een knooppunt met twee werkprocessen', () => {
	test.describe.configure({ mode: 'serial' });

	test.afterEach(async () => {
		await node?.stop();
		node = undefined;
	});

	test('SIGTERM terwijl het tweede werkproces nog start: het knooppunt stopt netjes (code 0)', async () => {
		test.setTimeout(120_000);
		node = startNode(WORKERS_NODE_PORT, DATABASE_URL, { PARAAT_WORKERS: '2', LOG_LEVEL: 'info' });
		// The first worker answers; the second starts only now (it takes a few seconds).
		await waitForOk(`${NODE_URL}/readyz`, node, 90_000);
		expect(node.output(), 'het tweede werkproces luisterde al: deze test moet eerder stoppen').not.toMatch(ALL_WORKERS_LISTEN);

		const code = await node.stop(20_000);
		expect(code, node.output()).toBe(0);
		expect(node.output()).toMatch(/"clean":true,"msg":"Paraat gestopt"/);
	});

	test('/metrics telt over beide werkprocessen op, met hetzelfde token', async () => {
		test.setTimeout(120_000);
		node = startNode(WORKERS_NODE_PORT, DATABASE_URL, { PARAAT_WORKERS: '2', LOG_LEVEL: 'info', PARAAT_METRICS_TOKEN: METRICS_TOKEN });
		await node.waitForOutput(ALL_WORKERS_LISTEN, 90_000);
		const scrape = async () => {
			const response = await getOnNewConnection('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
			expect(response.status, response.body).toBe(200);
			return response.body;
		};

		// The token is checked by the worker that takes the scrape, as with one process.
		const refused = await getOnNewConnection('/metrics');
		expect(refused.status).toBe(401);
		expect(refused.body).toMatch(/token nodig/);

		const series = 'paraat_http_request_duration_seconds_count{route="/api/v1/me",method="GET",status="401"}';
		const before = sample(await scrape(), series);
		const requests = 12;
		// One connection each: round-robin gives both workers half, so one worker's own count is 6.
		for (let i = 0; i < requests; i++) expect((await getOnNewConnection('/api/v1/me')).status).toBe(401);

		// Every scrape, whichever worker takes it, has the node's total.
		for (let i = 0; i < 4; i++) {
			const metrics = await scrape();
			expect(sample(metrics, series)).toBe(before + requests);
			// A gauge with its own aggregator: the lowest over the workers (summed it would say 2).
			expect(sample(metrics, 'paraat_realtime_listener_connected')).toBe(1);
		}

		expect(await node.stop(20_000), node.output()).toBe(0);
	});
});
