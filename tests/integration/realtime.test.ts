// The realtime contract of DESIGN.md against a real socket.io server and real PostgreSQL:
// cookie handshake, authorised subscribe with replay, live events, logout, presence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../src/lib/server/realtime/event-log.ts';
import { invalidateSession, sessionIdFromToken } from '../../src/lib/server/auth/session.ts';
import { postNotice } from '../../src/lib/server/notices/notice-service.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import type { RealtimeEvent, SubscribeAck } from '../../src/lib/realtime/protocol.ts';
import { createTestDatabase, createUser, loginAs, waitFor, type TestDatabase } from '../support/test-db.ts';
import { connectClient, presenceOf, startRealtimeServer, type ClientSocket, type TestRealtimeNode } from '../support/realtime-server.ts';

let t: TestDatabase;
let node: TestRealtimeNode;
let haarlem: SessionUser;
let velsen: SessionUser;
let regional: SessionUser;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
	t = await createTestDatabase();
	haarlem = await createUser(t.db, { name: 'Anouk Haarlem', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	velsen = await createUser(t.db, { name: 'Bram Velsen', grants: [{ role: 'waarnemer', municipality: 'velsen' }] });
	regional = await createUser(t.db, { name: 'Chris Regio', grants: [{ role: 'crisisteam', municipality: null }] });
	node = await startRealtimeServer(t);
});

afterAll(async () => {
	for (const s of sockets) s.close();
	await node?.close();
	await t?.drop();
});

async function connectAs(user: SessionUser): Promise<ClientSocket> {
	const socket = await connectClient(node.url, await loginAs(t.db, user));
	sockets.push(socket);
	return socket;
}

function subscribe(socket: ClientSocket, topic: unknown, since?: unknown): Promise<SubscribeAck> {
	return socket.timeout(5_000).emitWithAck('subscribe', { topic, since } as { topic: string; since?: number });
}

function collect(socket: ClientSocket): RealtimeEvent[] {
	const events: RealtimeEvent[] = [];
	socket.on('event', (e) => events.push(e));
	return events;
}

function publishOne(topic: string, data: unknown) {
	return t.db.transaction().execute((trx) => publish(trx, { topic, type: 'test.event', data, actor: null }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('handshake', () => {
	it('refuses a connection without a session cookie', async () => {
		await expect(connectClient(node.url, null)).rejects.toThrow(/Niet ingelogd/);
	});

	it('refuses a connection with a bogus or expired token', async () => {
		await expect(connectClient(node.url, 'a'.repeat(32))).rejects.toThrow(/Niet ingelogd/);
		await expect(connectClient(node.url, 'not a token at all')).rejects.toThrow(/Niet ingelogd/);
		const token = await loginAs(t.db, haarlem);
		await invalidateSession(t.db, sessionIdFromToken(token));
		await expect(connectClient(node.url, token)).rejects.toThrow(/Niet ingelogd/);
	});

	it('accepts a valid session', async () => {
		const socket = await connectAs(haarlem);
		expect(socket.connected).toBe(true);
	});
});

describe('subscribe', () => {
	it("to 'region' acknowledges the current seq with nothing missed", async () => {
		const socket = await connectAs(haarlem);
		expect(await subscribe(socket, 'region')).toEqual({ ok: true, seq: 0, missed: [] });
	});

	it('with `since` replays the missed events in order', async () => {
		const published = [];
		for (let i = 1; i <= 5; i++) published.push(await publishOne('calendar', { i }));
		const socket = await connectAs(haarlem);
		const ack = await subscribe(socket, 'calendar', 2);
		expect(ack).toEqual({ ok: true, seq: 5, missed: published.slice(2) });
		expect(await subscribe(socket, 'calendar', 5)).toEqual({ ok: true, seq: 5, missed: [] });
		// A client ahead of the server (database restored from a backup) replays from the start.
		const ahead = await subscribe(socket, 'calendar', 99);
		expect(ahead.ok && ahead.missed.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
	});

	it('refuses an invalid `since`', async () => {
		const socket = await connectAs(haarlem);
		for (const since of [-1, 1.5, 'x', {}]) {
			expect(await subscribe(socket, 'region', since)).toMatchObject({ ok: false, code: 'invalid_since' });
		}
	});

	it('refuses unknown or malformed topics', async () => {
		const socket = await connectAs(regional);
		for (const topic of ['nonsense', 'region:1', 'municipality:atlantis', 'municipality', 'user', 'calendar:x', '', 'REGION', 42, null, 'x'.repeat(200)]) {
			const ack = await subscribe(socket, topic);
			expect(ack.ok, `topic ${String(topic).slice(0, 20)}`).toBe(false);
			expect(ack).toMatchObject({ ok: false, error: expect.any(String), code: expect.stringMatching(/unknown_topic|invalid_topic/) });
		}
	});

	it("authorises 'municipality:<code>' by the user's grants", async () => {
		const h = await connectAs(haarlem);
		const v = await connectAs(velsen);
		const r = await connectAs(regional);
		expect(await subscribe(h, 'municipality:haarlem')).toMatchObject({ ok: true });
		expect(await subscribe(v, 'municipality:haarlem')).toMatchObject({ ok: false, code: 'forbidden' });
		expect(await subscribe(v, 'municipality:velsen')).toMatchObject({ ok: true });
		expect(await subscribe(r, 'municipality:haarlem')).toMatchObject({ ok: true });

		// A refused subscription delivers nothing.
		const hEvents = collect(h);
		const vEvents = collect(v);
		await publishOne('municipality:haarlem', { geheim: true });
		await waitFor(() => hEvents.length === 1, { what: 'haarlem event' });
		await sleep(200);
		expect(vEvents).toEqual([]);
	});

	it("allows 'user:<own id>' and refuses another user's topic", async () => {
		const h = await connectAs(haarlem);
		expect(await subscribe(h, `user:${haarlem.id}`)).toMatchObject({ ok: true });
		expect(await subscribe(h, `user:${velsen.id}`)).toMatchObject({ ok: false, code: 'forbidden' });
		// Even a regional crisis team member cannot read someone else's personal topic.
		const r = await connectAs(regional);
		expect(await subscribe(r, `user:${haarlem.id}`)).toMatchObject({ ok: false, code: 'forbidden' });
	});

	it('stops delivering after unsubscribe', async () => {
		const socket = await connectAs(regional);
		const events = collect(socket);
		expect(await subscribe(socket, 'bluswater')).toMatchObject({ ok: true });
		await publishOne('bluswater', { n: 1 });
		await waitFor(() => events.length === 1, { what: 'first bluswater event' });
		expect(await socket.timeout(5_000).emitWithAck('unsubscribe', { topic: 'bluswater' })).toEqual({ ok: true });
		await publishOne('bluswater', { n: 2 });
		await sleep(300);
		expect(events.map((e) => e.data)).toEqual([{ n: 1 }]);
	});
});

describe('live events', () => {
	it('delivers a posted notice to a subscribed client, with the notice as data', async () => {
		const reader = await connectAs(velsen);
		const events = collect(reader);
		const ack = await subscribe(reader, 'region');
		expect(ack.ok).toBe(true);
		const seqBefore = ack.ok ? ack.seq : -1;

		const notice = await postNotice(
			t.db,
			regional,
			{ title: 'Stormwaarschuwing', text: 'Code oranje vanaf 18:00.', severity: 'waarschuwing', exercise: false },
			{ ip: null }
		);
		await waitFor(() => events.length >= 1, { what: 'notice event' });
		expect(events).toHaveLength(1);
		const event = events[0]!;
		expect(event).toEqual({
			topic: 'region',
			seq: seqBefore + 1,
			type: 'notice.created',
			at: expect.any(String),
			actor: { id: regional.id, name: 'Chris Regio' },
			exercise: false,
			data: notice
		});
		expect(Number.isNaN(Date.parse(event.at))).toBe(false);
		expect(notice).toMatchObject({ title: 'Stormwaarschuwing', text: 'Code oranje vanaf 18:00.', author: { id: regional.id } });
	});

	it('does not publish a notice the user may not post', async () => {
		await expect(
			postNotice(t.db, velsen, { title: 'Mag niet', text: 'x', severity: 'info', exercise: false }, { ip: null })
		).rejects.toMatchObject({ status: 403 });
	});
});

describe('logout', () => {
	it("disconnects that session's sockets and keeps others connected", async () => {
		const token = await loginAs(t.db, haarlem);
		const a = await connectClient(node.url, token);
		const b = await connectClient(node.url, token);
		const other = await connectAs(haarlem); // another session of the same user
		sockets.push(a, b);
		const reasons: string[] = [];
		a.on('disconnect', (reason) => reasons.push(reason));
		b.on('disconnect', (reason) => reasons.push(reason));
		await invalidateSession(t.db, sessionIdFromToken(token));
		await waitFor(() => reasons.length === 2, { what: 'both sockets disconnected' });
		expect(reasons).toEqual(['io server disconnect', 'io server disconnect']);
		await sleep(200);
		expect(other.connected).toBe(true);
		// And the token cannot reconnect.
		await expect(connectClient(node.url, token)).rejects.toThrow(/Niet ingelogd/);
	});

	it('refuses a subscribe on a socket whose session ended, and disconnects it', async () => {
		const token = await loginAs(t.db, velsen);
		const socket = await connectClient(node.url, token);
		sockets.push(socket);
		// End the session without the NOTIFY, as if the announcement were lost.
		await t.db.deleteFrom('userSession').where('id', '=', sessionIdFromToken(token)).execute();
		const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
		expect(await subscribe(socket, 'region')).toMatchObject({ ok: false, code: 'unauthenticated' });
		expect(await disconnected).toBe('io server disconnect');
	});
});

describe('presence', () => {
	it('lists a connected user in the presence ack, and drops them after they leave', async () => {
		const watcher = await connectAs(haarlem);
		const visitorUser = await createUser(t.db, { name: 'Bezoeker Velsen', grants: [{ role: 'waarnemer', municipality: 'velsen' }] });
		const visitor = await connectClient(node.url, await loginAs(t.db, visitorUser));
		const online = () => presenceOf(watcher);
		const entry = await waitFor(async () => (await online()).find((e) => e.userId === visitorUser.id), { what: 'visitor online' });
		expect(entry).toEqual({ userId: visitorUser.id, name: 'Bezoeker Velsen', roles: [{ role: 'waarnemer', municipality: 'velsen' }] });
		expect((await online()).some((e) => e.userId === haarlem.id)).toBe(true);
		visitor.close();
		await waitFor(async () => !(await online()).some((e) => e.userId === visitorUser.id), { what: 'visitor offline' });
	});

	it('pushes presence updates to connected clients', async () => {
		const watcher = await connectAs(regional);
		const updates: string[][] = [];
		watcher.on('presence', (entries) => updates.push(entries.map((e) => e.userId)));
		const newcomer = await createUser(t.db, { name: 'Nieuwe Collega', grants: [{ role: 'waarnemer', municipality: 'zandvoort' }] });
		await connectAs(newcomer);
		await waitFor(() => updates.some((ids) => ids.includes(newcomer.id)), { what: 'presence push' });
	});
});
