// A socket lives no longer than its session: an expired session, or a grant taken away, ends
// the news even without a logout announcement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, createUser, loginAs, waitFor, type TestDatabase } from '../support/test-db.ts';
import { connectClient, startRealtimeServer, type TestRealtimeNode } from '../support/realtime-server.ts';
import { sessionIdFromToken } from '../../src/lib/server/auth/session.ts';
import type { SubscribeAck } from '../../src/lib/realtime/protocol.ts';

let t: TestDatabase;
let node: TestRealtimeNode;

beforeAll(async () => {
	t = await createTestDatabase();
	node = await startRealtimeServer(t, { heartbeatMs: 200 });
});

afterAll(async () => {
	await node?.close();
	await t?.drop();
});

describe('when a session ends without a logout', () => {
	it('the heartbeat disconnects the sockets of an expired session', async () => {
		const user = await createUser(t.db, { name: 'Verlopen Sessie', grants: [{ role: 'waarnemer', municipality: 'heemstede' }] });
		const token = await loginAs(t.db, user);
		const socket = await connectClient(node.url, token);
		expect(socket.connected).toBe(true);
		await sql`update user_session set expires_at = now() - interval '1 minute' where id = ${sessionIdFromToken(token)}`.execute(t.db);
		await waitFor(() => !socket.connected, { what: 'socket closed after expiry' });
		socket.close();
	});

	it('a refused re-subscribe leaves the room, so no more events arrive on that topic', async () => {
		const user = await createUser(t.db, { name: 'Ingetrokken Rol', grants: [{ role: 'waarnemer', municipality: 'heemstede' }] });
		const socket = await connectClient(node.url, await loginAs(t.db, user));
		const first = (await socket.emitWithAck('subscribe', { topic: 'municipality:heemstede' })) as SubscribeAck;
		expect(first.ok).toBe(true);
		await t.db.deleteFrom('roleGrant').where('userId', '=', user.id).execute();
		const second = (await socket.emitWithAck('subscribe', { topic: 'municipality:heemstede' })) as SubscribeAck;
		expect(second.ok).toBe(false);
		const rooms = [...(node.realtime.io.sockets.adapter.rooms.get('municipality:heemstede') ?? [])];
		expect(rooms).not.toContain(socket.id);
		socket.close();
	});
});
