// Operations against a real PostgreSQL: the probes and /metrics of the runtime HTTP layer, the
// LISTEN connection's recovery (events committed while it was gone still reach subscribers), the
// graceful shutdown (requests under way finish, sockets are closed so that clients come back).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { publish } from '../../src/lib/server/realtime/event-log.ts';
import { opsRoutes } from '../../src/lib/server/runtime/ops-routes.ts';
import { shutDown, trackRequests } from '../../src/lib/server/runtime/shutdown.ts';
import type { RealtimeEvent } from '../../src/lib/realtime/protocol.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createTestDatabase, createUser, loginAs, waitFor, type TestDatabase } from '../support/test-db.ts';
import { connectClient, createClient, startRealtimeServer, type TestRealtimeNode } from '../support/realtime-server.ts';

let t: TestDatabase;
let user: SessionUser;
const cleanup: (() => unknown)[] = [];

beforeAll(async () => {
	t = await createTestDatabase();
	user = await createUser(t.db, { name: 'Operator Oost', grants: [{ role: 'crisisteam', municipality: null }] });
});

afterAll(async () => {
	for (const fn of cleanup.reverse()) await fn();
	await t?.drop();
});

async function serve(listener: http.RequestListener): Promise<{ server: http.Server; url: string }> {
	const server = http.createServer(listener);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	cleanup.push(() => server.closeAllConnections());
	cleanup.push(() => new Promise((resolve) => server.close(resolve)));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('probes and metrics', () => {
	let url: string;
	let listening = true;
	let stopping = false;

	beforeAll(async () => {
		const ops = opsRoutes({ db: t.db, listening: () => listening, stopping: () => stopping, metricsToken: 'een-lang-geheim-token-0123456789' });
		({ url } = await serve((req, res) => {
			if (!ops(req, res)) res.writeHead(404).end('niet van ons');
		}));
	});

	it('/healthz: 200 while the process lives; other paths pass through to the app', async () => {
		const response = await fetch(`${url}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok' });
		expect((await fetch(`${url}/healthzz`)).status).toBe(404);
		expect((await fetch(`${url}/readyz`, { method: 'POST' })).status).toBe(405);
	});

	it('/readyz: 200 with the checks when database, migrations and listener are fine', async () => {
		const response = await fetch(`${url}/readyz`);
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body).toMatchObject({ status: 'gereed', ready: true, checks: { database: { ok: true }, migrations: { ok: true }, realtime: { ok: true } } });
		expect(body.checks.migrations.applied).toBe(body.checks.migrations.expected);
	});

	it('/readyz: 503 with a Dutch reason when the listener is down, or the node stops', async () => {
		listening = false;
		let response = await fetch(`${url}/readyz`);
		expect(response.status).toBe(503);
		expect((await response.json()).reason).toMatch(/realtime-verbinding .* verbroken/);
		listening = true;
		stopping = true;
		response = await fetch(`${url}/readyz`);
		expect(response.status).toBe(503);
		expect((await response.json()).reason).toMatch(/knooppunt stopt/);
		stopping = false;
	});

	it('/readyz: 503 when the database has a migration this code does not know', async () => {
		await sql`insert into kysely_migration (name, timestamp) values ('9999_uit_de_toekomst', now()::text)`.execute(t.db);
		try {
			const response = await fetch(`${url}/readyz`);
			expect(response.status).toBe(503);
			expect((await response.json()).reason).toMatch(/migraties die deze versie van Paraat niet kent \(9999_uit_de_toekomst\)/);
		} finally {
			await sql`delete from kysely_migration where name = '9999_uit_de_toekomst'`.execute(t.db);
		}
	});

	it('/metrics: 401 without or with a wrong token, Prometheus text with it', async () => {
		expect((await fetch(`${url}/metrics`)).status).toBe(401);
		const wrong = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer een-lang-geheim-token-012345678X' } });
		expect(wrong.status).toBe(401);
		expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
		const response = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer een-lang-geheim-token-0123456789' } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		const text = await response.text();
		for (const name of [
			'paraat_http_request_duration_seconds',
			'paraat_realtime_sockets_connected',
			'paraat_realtime_events_published_total',
			'paraat_realtime_events_delivered_total',
			'paraat_realtime_notify_delivery_seconds',
			'paraat_db_pool_connections',
			'paraat_db_pool_idle_connections',
			'paraat_db_pool_waiting_requests',
			'process_cpu_seconds_total',
			'nodejs_eventloop_lag_seconds'
		]) {
			expect(text).toContain(`# TYPE ${name} `);
		}
		// The test database's pool is open: it is counted.
		expect(Number(/^paraat_db_pool_connections (\d+)/m.exec(text)?.[1])).toBeGreaterThan(0);
	});
});

describe('the LISTEN connection', () => {
	let node: TestRealtimeNode;

	beforeAll(async () => {
		node = await startRealtimeServer(t);
		cleanup.push(() => node.close());
	});

	it('comes back after the server ended it, and delivers what was committed meanwhile', async () => {
		const token = await loginAs(t.db, user);
		const socket = await connectClient(node.url, token);
		cleanup.push(() => socket.close());
		const topic = 'region';
		const ack = await socket.timeout(5_000).emitWithAck('subscribe', { topic });
		expect(ack.ok).toBe(true);
		const received: RealtimeEvent[] = [];
		socket.on('event', (event) => received.push(event));

		// End the listener's session as a failover or an administrator would, and wait until it is
		// gone, so the NOTIFY of the next commit cannot reach it.
		const terminated = await sql<{ done: boolean }>`
			select pg_terminate_backend(pid, 5000) as done from pg_stat_activity
			where datname = current_database() and application_name = 'paraat-listen'`.execute(t.db);
		expect(terminated.rows.map((r) => r.done)).toEqual([true]);
		const event = await t.db.transaction().execute((trx) => publish(trx, { topic, type: 'test.tijdens_storing', data: { n: 1 }, actor: null }));
		await waitFor(() => !node.realtime.listening(), { timeout: 2_000, what: 'the listener noticing the loss' }).catch(() => undefined);

		// No further NOTIFY comes: only the catch-up after the reconnect can deliver it.
		await waitFor(() => node.realtime.listening(), { timeout: 15_000, what: 'the listener back' });
		await waitFor(() => received.length >= 1, { timeout: 10_000, what: 'the event committed while LISTEN was gone' });
		expect(received).toEqual([event]);
	});
});

describe('graceful shutdown', () => {
	it('lets a request under way finish, refuses new connections, closes sockets so that clients come back', async () => {
		const node = await startRealtimeServer(t);
		const token = await loginAs(t.db, user);
		const socket = createClient(node.url, token, { reconnectionDelay: 10_000, reconnectionDelayMax: 10_000 });
		cleanup.push(() => socket.close());
		await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
		const reason = new Promise<string>((resolve) => socket.once('disconnect', (why) => resolve(why)));

		let release: () => void = () => {};
		const { server, url } = await serve((_req, res) => {
			new Promise<void>((resolve) => (release = resolve)).then(() => res.end('klaar'));
		});
		const requests = trackRequests(server);
		const slow = fetch(`${url}/langzaam`);
		await waitFor(() => requests.inFlight === 1, { what: 'the request under way' });

		const order: string[] = [];
		const done = shutDown({
			server,
			requests,
			graceMs: 10_000,
			closeRealtime: () => node.realtime.close().then(() => void order.push('realtime')),
			steps: [
				['planner', async () => void order.push('planner')],
				['pool', async () => void order.push('pool')]
			],
			log: () => {}
		});
		await expect(fetch(`${url}/nieuw`)).rejects.toThrow();
		// socket.io-client reconnects after "transport close"; after "io server disconnect" it would not.
		expect(await reason).toBe('transport close');
		expect(socket.active).toBe(true);
		await waitFor(() => order.length > 0, { what: 'realtime closed' });
		expect(order).toEqual(['realtime']); // the steps wait for the request under way
		release();
		const response = await slow;
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('klaar');
		expect(await done).toBe(true);
		expect(order).toEqual(['realtime', 'planner', 'pool']);
		await node.close();
	});

	it('cuts requests off after the grace period and still closes everything', async () => {
		const { server, url } = await serve(() => {
			// never answers
		});
		const requests = trackRequests(server);
		const hanging = fetch(`${url}/hangt`).then(
			(r) => r.status,
			() => 'afgebroken'
		);
		await waitFor(() => requests.inFlight === 1, { what: 'the request under way' });
		const closed: string[] = [];
		const started = performance.now();
		const clean = await shutDown({ server, requests, graceMs: 200, closeRealtime: async () => {}, steps: [['pool', async () => void closed.push('pool')]], log: () => {} });
		expect(performance.now() - started).toBeLessThan(2_000);
		expect(clean).toBe(true);
		expect(closed).toEqual(['pool']);
		expect(await hanging).toBe('afgebroken');
	});
});
