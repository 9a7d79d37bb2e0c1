// The calendar live: a change committed with publishCalendarChange reaches every client on
// `calendar` as event.changed with the public entry (never the organiser); leaving the calendar
// is event.removed; a rolled-back change sends nothing; anonymous sockets are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import type { RealtimeEvent, SubscribeAck } from '../../src/lib/realtime/protocol.ts';
import { publishCalendarChange } from '../../src/lib/server/calendar/calendar-entry.ts';
import { createTestDatabase, createUser, loginAs, waitFor, type TestDatabase } from '../support/test-db.ts';
import { connectClient, startRealtimeServer, type ClientSocket, type TestRealtimeNode } from '../support/realtime-server.ts';
import { insertApplication, SECRET_ORGANISER } from '../support/calendar-fixtures.ts';

let t: TestDatabase;
let node: TestRealtimeNode;
let waarnemer: SessionUser;
let officer: SessionUser;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
	t = await createTestDatabase();
	waarnemer = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: 'uitgeest' }] });
	officer = await createUser(t.db, { name: 'Vera Vergunning', grants: [{ role: 'vergunningverlener', municipality: 'zandvoort' }] });
	node = await startRealtimeServer(t);
});

afterAll(async () => {
	for (const s of sockets) s.close();
	await node?.close();
	await t?.drop();
});

async function listener(user: SessionUser) {
	const socket = await connectClient(node.url, await loginAs(t.db, user));
	sockets.push(socket);
	const events: RealtimeEvent[] = [];
	socket.on('event', (e) => events.push(e));
	const ack = (await socket.timeout(5_000).emitWithAck('subscribe', { topic: 'calendar' })) as SubscribeAck;
	expect(ack).toMatchObject({ ok: true });
	return events;
}

const actor = () => ({ id: officer.id, name: officer.name });

describe('calendar topic', () => {
	it('delivers event.changed with the public entry when an application is submitted', async () => {
		const events = await listener(waarnemer);
		const id = await insertApplication(t.db, { name: 'Strandfeest live', municipality: 'zandvoort', category: 'B', status: 'concept', startsAt: '2027-07-03T12:00:00Z', endsAt: '2027-07-03T20:00:00Z' });
		await t.db.transaction().execute(async (trx) => {
			await trx.updateTable('eventApplication').set({ status: 'ingediend', submittedAt: new Date() }).where('id', '=', id).execute();
			await publishCalendarChange(trx, id, actor(), false);
		});
		const event = await waitFor(() => events.find((e) => e.type === 'event.changed'), { what: 'event.changed' });
		expect(event).toMatchObject({ topic: 'calendar', actor: { name: 'Vera Vergunning' }, exercise: false, data: { id, name: 'Strandfeest live', municipality: 'zandvoort', category: 'B', status: 'ingediend', startsAt: '2027-07-03T12:00:00.000Z' } });
		for (const value of Object.values(SECRET_ORGANISER)) expect(JSON.stringify(event)).not.toContain(value);

		// Withdrawn: off the calendar.
		await t.db.transaction().execute(async (trx) => {
			await trx.updateTable('eventApplication').set({ status: 'ingetrokken' }).where('id', '=', id).execute();
			await publishCalendarChange(trx, id, actor(), true);
		});
		const removed = await waitFor(() => events.find((e) => e.type === 'event.removed'), { what: 'event.removed' });
		expect(removed.data).toEqual({ id });
		expect(removed.seq).toBe(event.seq + 1);
	});

	it('sends nothing for a change that is rolled back, and keeps the sequence without gaps', async () => {
		const events = await listener(waarnemer);
		const id = await insertApplication(t.db, { name: 'Nooit gebeurd', status: 'ingediend', startsAt: '2027-07-04T12:00:00Z', endsAt: '2027-07-04T20:00:00Z' });
		await expect(
			t.db.transaction().execute(async (trx) => {
				await trx.updateTable('eventApplication').set({ name: 'Nooit gebeurd (gewijzigd)' }).where('id', '=', id).execute();
				await publishCalendarChange(trx, id, actor(), true);
				throw new Error('afgebroken');
			})
		).rejects.toThrow('afgebroken');
		await t.db.transaction().execute(async (trx) => publishCalendarChange(trx, id, actor(), true));
		const event = await waitFor(() => events.find((e) => e.type === 'event.changed'), { what: 'the committed change' });
		expect(event.data).toMatchObject({ name: 'Nooit gebeurd' });
		expect(events).toHaveLength(1);
	});

	it('refuses a socket without a session', async () => {
		await expect(connectClient(node.url, null)).rejects.toThrow();
	});
});
