// Back-pressure (#19): a client that stops reading must not make the server hold its events without
// bound, nor slow the others. Real socket.io server, real PostgreSQL, a real client whose TCP socket
// is paused: the server cuts it off once its backlog passes the limit, the reading client gets every
// event in order, and the cut-off client catches up with `since` after reconnecting.
import type { Socket as NetSocket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishAll } from '../../src/lib/server/realtime/event-log.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import type { RealtimeEvent, SubscribeAck } from '../../src/lib/realtime/protocol.ts';
import { backlogOf } from '../../src/lib/server/realtime/slow-consumers.ts';
import { createTestDatabase, createUser, loginAs, waitFor, type TestDatabase } from '../support/test-db.ts';
import { connectClient, startRealtimeServer, type ClientSocket, type TestRealtimeNode } from '../support/realtime-server.ts';

const LIMITS = { maxPackets: 200, maxBytes: 512 * 1024 };
// 120 events of 64 kB: 7.5 MB, more than loopback's socket buffers take from a client that does not read.
const EVENTS = 120;
const PADDING = 'x'.repeat(64 * 1024);

let t: TestDatabase;
let node: TestRealtimeNode;
let reader: SessionUser;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
	t = await createTestDatabase();
	reader = await createUser(t.db, { name: 'Rosa Regio', grants: [{ role: 'crisisteam', municipality: null }] });
	node = await startRealtimeServer(t, { backlogLimits: LIMITS });
});

afterAll(async () => {
	for (const s of sockets) s.close();
	await node?.close();
	await t?.drop();
});

async function subscribed(since?: number): Promise<{ socket: ClientSocket; ack: SubscribeAck }> {
	const socket = await connectClient(node.url, await loginAs(t.db, reader));
	sockets.push(socket);
	const ack = await socket.timeout(5_000).emitWithAck('subscribe', { topic: 'region', since });
	expect(ack.ok).toBe(true);
	return { socket, ack };
}

/** The TCP socket under a socket.io client (engine.io-client's websocket transport holds a `ws`). */
function tcpOf(socket: ClientSocket): NetSocket {
	return (socket.io.engine.transport as unknown as { ws: { _socket: NetSocket } }).ws._socket;
}

describe('a client that stops reading', () => {
	it('is cut off at the backlog limit while a reading client gets every event in order; it catches up with since', async () => {
		const { socket: live } = await subscribed();
		const received: RealtimeEvent[] = [];
		live.on('event', (e) => received.push(e));
		const { socket: stalled, ack: start } = await subscribed();
		const stalledTcp = tcpOf(stalled);
		let cut = false;
		stalledTcp.once('close', () => (cut = true));
		stalledTcp.pause();

		// The stalled socket's backlog on the server, at its highest (sampled while events go out).
		const serverSide = () => node.realtime.io.sockets.sockets.get(stalled.id!);
		let highest = 0;
		const sampler = setInterval(() => {
			const s = serverSide();
			if (s) highest = Math.max(highest, backlogOf(s).bytes);
		}, 5);
		try {
			for (let i = 0; i < EVENTS; i++) {
				await t.db.transaction().execute((trx) => publishAll(trx, [{ topic: 'region', type: 'test.event', data: { i, padding: PADDING }, actor: null }]));
			}
			await waitFor(() => received.length === EVENTS, { timeout: 30_000, what: () => `${received.length} van ${EVENTS} ontvangen` });
			await waitFor(() => serverSide() === undefined, { timeout: 30_000, what: 'de server laat de stilstaande client los' });
			// A paused socket does not notice its end; once it reads again it finds the connection closed.
			stalledTcp.resume();
			await waitFor(() => cut, { timeout: 10_000, what: 'de stilstaande client merkt dat hij is afgesloten' });
		} finally {
			clearInterval(sampler);
		}

		// The reader saw everything, once, in order.
		expect(received.map((e) => (e.data as unknown as { i: number }).i)).toEqual([...Array(EVENTS).keys()]);
		// The server held at most about the limit (plus the one event that crossed it) for the stalled socket.
		expect(highest).toBeLessThanOrEqual(LIMITS.maxBytes + 2 * (PADDING.length + 1024));
		// Nothing lost: the cut-off client catches up from where it was.
		const { ack } = await subscribed(start.ok ? start.seq : 0);
		expect(ack.ok && ack.missed.map((e) => (e.data as unknown as { i: number }).i)).toEqual([...Array(EVENTS).keys()]);
	}, 120_000);
});
