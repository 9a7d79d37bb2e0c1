// Presence must list exactly the sockets that are open, also when sockets come and go quickly:
// a row left behind by a short connection is refreshed by the node's heartbeat and never expires.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createTestDatabase, createUser, loginAs, waitFor, type TestDatabase } from '../support/test-db.ts';
import { connectClient, createClient, presenceOf, startRealtimeServer, type TestRealtimeNode } from '../support/realtime-server.ts';

let t: TestDatabase;
let node: TestRealtimeNode;
let watcherUser: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	watcherUser = await createUser(t.db, { name: 'Watcher', grants: [{ role: 'crisisteam', municipality: null }] });
	node = await startRealtimeServer(t, { heartbeatMs: 200 });
});

afterAll(async () => {
	await node?.close();
	await t?.drop();
});

const rowsOf = async (userId: string) =>
	(await t.db.selectFrom('presenceConnection').select('socketId').where('userId', '=', userId).execute()).length;

describe('presence with short-lived sockets', () => {
	it('leaves no one online whose sockets all closed right after connecting', async () => {
		const flaky = await createUser(t.db, { name: 'Wankele Verbinding', grants: [{ role: 'waarnemer', municipality: 'uitgeest' }] });
		const token = await loginAs(t.db, flaky);
		// Half close from the client side as soon as they are connected; half are ended by the
		// server right after the handshake (as a logout or a refused subscribe does).
		node.realtime.io.on('connection', (socket) => {
			if (socket.handshake.query.endAtOnce === '1') socket.disconnect(true);
		});
		await Promise.all(
			Array.from(
				{ length: 60 },
				(_, i) =>
					new Promise<void>((resolve) => {
						const socket = createClient(node.url, token, { reconnection: false, query: { endAtOnce: i % 2 ? '1' : '0' } });
						socket.on('connect', () => {
							if (i % 2 === 0) socket.close();
						});
						socket.on('disconnect', () => {
							socket.close();
							resolve();
						});
					})
			)
		);
		await waitFor(() => node.realtime.io.sockets.sockets.size === 0, { what: 'server saw every socket close' });

		const watcher = await connectClient(node.url, await loginAs(t.db, watcherUser));
		try {
			// Several heartbeats later, only the watcher is online.
			await waitFor(async () => (await presenceOf(watcher)).some((e) => e.userId === watcherUser.id), {
				what: 'watcher online'
			});
			await new Promise((r) => setTimeout(r, 1500));
			expect(await rowsOf(flaky.id)).toBe(0);
			const online = await presenceOf(watcher);
			expect(online.map((e) => e.name)).toEqual(['Watcher']);
		} finally {
			watcher.close();
		}
	});
});
