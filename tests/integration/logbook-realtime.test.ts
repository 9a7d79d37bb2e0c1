// Live through the realtime core, on two app nodes sharing one database: one person logs a
// besluit, the other sees it at once; who is looking at an incident (name, role,
// municipality) reaches everyone on `incident:<id>`, also across nodes, and leaves with them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import type { RealtimeEvent, SubscribeAck, ViewAck, ViewersUpdate } from '../../src/lib/realtime/protocol.ts';
import type { LogEntryRecord } from '../../src/lib/server/logbook/log-queries.ts';
import { createTestDatabase, createUser, loginAs, waitFor, type TestDatabase } from '../support/test-db.ts';
import { connectClient, startRealtimeServer, type ClientSocket, type TestRealtimeNode } from '../support/realtime-server.ts';
import { makeIncident } from '../support/incident-fixtures.ts';
import { logEntry } from '../support/logbook-fixtures.ts';

let t: TestDatabase;
let nodeA: TestRealtimeNode;
let nodeB: TestRealtimeNode;
let crisis: SessionUser;
let waarnemer: SessionUser;
let bz: SessionUser;
let vergunning: SessionUser;
let incident: IncidentRecord;
let oefening: IncidentRecord;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
	t = await createTestDatabase();
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
	waarnemer = await createUser(t.db, { name: 'Wim Waarnemer', grants: [{ role: 'waarnemer', municipality: null }] });
	bz = await createUser(t.db, { name: 'Bea Bevolkingszorg', grants: [{ role: 'bevolkingszorg', municipality: 'zandvoort' }] });
	vergunning = await createUser(t.db, { name: 'Vince Vergunning', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	incident = await makeIncident(t.db, crisis, { title: 'Brand in de binnenstad' });
	oefening = await makeIncident(t.db, crisis, { title: 'Oefening Stormvloed', kind: 'oefening' });
	nodeA = await startRealtimeServer(t, { heartbeatMs: 200 });
	nodeB = await startRealtimeServer(t, { heartbeatMs: 200 });
});

afterAll(async () => {
	for (const socket of sockets) socket.close();
	await nodeA?.close();
	await nodeB?.close();
	await t?.drop();
});

async function client(node: TestRealtimeNode, user: SessionUser) {
	const socket = await connectClient(node.url, await loginAs(t.db, user));
	sockets.push(socket);
	const events: RealtimeEvent[] = [];
	const viewers: ViewersUpdate[] = [];
	socket.on('event', (e) => events.push(e));
	socket.on('viewers', (v) => viewers.push(v));
	const subscribe = (topic: string) => socket.timeout(5_000).emitWithAck('subscribe', { topic }) as Promise<SubscribeAck>;
	const view = (id: string | null) => socket.timeout(5_000).emitWithAck('view', { incident: id }) as Promise<ViewAck>;
	const lastViewers = (id: string) => viewers.filter((v) => v.incident === id).at(-1)?.viewers.map((v) => v.name).sort();
	return { socket, events, viewers, subscribe, view, lastViewers };
}

describe('live logbook', () => {
	it('shows a besluit logged through one node at once to a reader on the other', async () => {
		const reader = await client(nodeB, waarnemer);
		expect(await reader.subscribe(`incident:${incident.id}`)).toMatchObject({ ok: true });
		const started = Date.now();
		const entry = await logEntry(t.db, crisis, incident.id, { kind: 'besluit', discipline: 'algemeen', text: 'Binnenstad afsluiten' });
		const event = await waitFor(() => reader.events.find((e) => e.type === 'log.created'), { what: 'log.created at the reader' });
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(event).toMatchObject({ topic: `incident:${incident.id}`, exercise: false, actor: { id: crisis.id } });
		expect(event.data as LogEntryRecord).toEqual(entry);
	});

	it('marks every message of an exercise', async () => {
		const reader = await client(nodeA, waarnemer);
		await reader.subscribe(`incident:${oefening.id}`);
		await logEntry(t.db, crisis, oefening.id, { text: 'Oefenmelding' });
		const event = await waitFor(() => reader.events.find((e) => e.type === 'log.created'), { what: 'exercise event' });
		expect(event.exercise).toBe(true);
		expect((event.data as LogEntryRecord).exercise).toBe(true);
	});
});

describe('who is looking at an incident', () => {
	it('reaches everyone on the incident across nodes, with role and municipality, and follows them out', async () => {
		const chris = await client(nodeA, crisis);
		await chris.subscribe(`incident:${incident.id}`);
		const first = await chris.view(incident.id);
		expect(first).toMatchObject({ ok: true, viewers: { incident: incident.id, exercise: false } });
		expect((first as Extract<ViewAck, { ok: true }>).viewers!.viewers).toEqual([
			{ userId: crisis.id, name: 'Chris Crisis', roles: [{ role: 'crisisteam', municipality: 'haarlem' }] }
		]);

		const bea = await client(nodeB, bz);
		await bea.subscribe(`incident:${incident.id}`);
		await bea.view(incident.id);
		await waitFor(() => chris.lastViewers(incident.id)?.join() === 'Bea Bevolkingszorg,Chris Crisis', { what: 'Chris sees Bea (other node)' });
		const update = chris.viewers.filter((v) => v.incident === incident.id).at(-1)!;
		expect(update.viewers.find((v) => v.userId === bz.id)).toEqual({ userId: bz.id, name: 'Bea Bevolkingszorg', roles: [{ role: 'bevolkingszorg', municipality: 'zandvoort' }] });
		await waitFor(() => bea.lastViewers(incident.id)?.join() === 'Bea Bevolkingszorg,Chris Crisis', { what: 'Bea sees Chris' });

		// Looking elsewhere, then leaving altogether.
		await bea.view(oefening.id);
		await waitFor(() => chris.lastViewers(incident.id)?.join() === 'Chris Crisis', { what: 'Bea looks elsewhere' });
		await bea.view(incident.id);
		await waitFor(() => chris.lastViewers(incident.id)?.join() === 'Bea Bevolkingszorg,Chris Crisis', { what: 'Bea back' });
		bea.socket.close();
		await waitFor(() => chris.lastViewers(incident.id)?.join() === 'Chris Crisis', { what: 'Bea gone after disconnect' });
	});

	it('is told only to those on the incident, and the exercise mark travels with it', async () => {
		const outsider = await client(nodeA, waarnemer);
		await outsider.subscribe(`incident:${incident.id}`);
		const player = await client(nodeB, crisis);
		await player.subscribe(`incident:${oefening.id}`);
		const ack = await player.view(oefening.id);
		expect(ack).toMatchObject({ ok: true, viewers: { incident: oefening.id, exercise: true } });
		await waitFor(() => player.viewers.some((v) => v.incident === oefening.id && v.exercise), { what: 'exercise viewers update' });
		await new Promise((r) => setTimeout(r, 700));
		expect(outsider.viewers.filter((v) => v.incident === oefening.id)).toEqual([]);
	});

	it('refuses to record viewing an incident one may not see, or one that does not exist', async () => {
		const stranger = await client(nodeA, vergunning);
		expect(await stranger.view(incident.id)).toMatchObject({ ok: false, code: 'forbidden' });
		const reader = await client(nodeA, waarnemer);
		expect(await reader.view('00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, code: 'unknown_topic' });
		expect(await reader.view('geen id')).toMatchObject({ ok: false });
		expect(await reader.view(null)).toEqual({ ok: true, viewers: null });
		const rows = await t.db.selectFrom('presenceConnection').select('viewing').where('userId', '=', vergunning.id).execute();
		expect(rows.every((r) => r.viewing === null)).toBe(true);
	});
});
