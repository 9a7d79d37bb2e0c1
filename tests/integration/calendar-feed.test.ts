// The calendar feed as an agenda app reads it, parsed with ical.js (Mozilla's iCalendar parser):
// local times with a VTIMEZONE for Europe/Amsterdam, a stable UID, and a SEQUENCE and
// LAST-MODIFIED that rise when an event changes — by any writer, through the trigger of
// migration 0018 — so Outlook and Google replace it; withdrawn and refused events as CANCELLED.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { insertApplication } from '../support/calendar-fixtures.ts';
import * as icsRoute from '../../src/routes/api/v1/calendar.ics/+server.ts';

let t: TestDatabase;
let reader: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	reader = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: null }] });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

interface FeedEvent {
	uid: string;
	sequence: number;
	status: string | null;
	summary: string;
	start: ICAL.Time;
	end: ICAL.Time;
	lastModified: Date;
	stamp: Date;
}

async function feed(query = '?from=2027-06-01&to=2027-12-31'): Promise<{ calendar: ICAL.Component; events: Map<string, FeedEvent> }> {
	const url = new URL(`http://paraat.test/api/v1/calendar.ics${query}`);
	const response = await icsRoute.GET({ locals: { user: reader }, params: {}, url, request: new Request(url), getClientAddress: () => '192.0.2.1' } as never);
	expect(response.status).toBe(200);
	const calendar = new ICAL.Component(ICAL.parse(await response.text()));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
	const events = new Map<string, FeedEvent>();
	for (const vevent of calendar.getAllSubcomponents('vevent')) {
		const event = new ICAL.Event(vevent);
		events.set(event.uid, {
			uid: event.uid,
			sequence: event.sequence,
			status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
			summary: event.summary,
			start: event.startDate,
			end: event.endDate,
			lastModified: (vevent.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate(),
			stamp: (vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate()
		});
	}
	return { calendar, events };
}

describe('the ICS feed', () => {
	it('gives local Amsterdam times with their VTIMEZONE, a stable UID, SEQUENCE, LAST-MODIFIED and DTSTAMP', async () => {
		const summer = await insertApplication(t.db, { name: 'Zomerfeest', startsAt: '2027-07-03T10:00:00Z', endsAt: '2027-07-03T20:00:00Z' });
		const winter = await insertApplication(t.db, { name: 'Kerstmarkt', startsAt: '2027-12-11T10:00:00Z', endsAt: '2027-12-11T20:00:00Z' });
		const before = new Date();
		const { calendar, events } = await feed();
		const zones = calendar.getAllSubcomponents('vtimezone');
		expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Amsterdam']);
		const s = events.get(`${summer}@paraat`)!;
		expect(s.start.zone?.tzid).toBe('Europe/Amsterdam');
		expect(s.start.toString()).toBe('2027-07-03T12:00:00'); // CEST, +02:00
		expect(s.start.toJSDate().toISOString()).toBe('2027-07-03T10:00:00.000Z');
		const w = events.get(`${winter}@paraat`)!;
		expect(w.start.toString()).toBe('2027-12-11T11:00:00'); // CET, +01:00
		expect(w.end.toJSDate().toISOString()).toBe('2027-12-11T20:00:00.000Z');
		expect(s).toMatchObject({ sequence: 0, status: 'TENTATIVE' });
		expect(s.lastModified.getTime()).toBeLessThanOrEqual(Date.now());
		expect(s.stamp.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
		// The same event keeps its UID and SEQUENCE in the next fetch when nothing changed.
		expect((await feed()).events.get(`${summer}@paraat`)).toMatchObject({ uid: s.uid, sequence: 0 });
	});

	it('raises SEQUENCE and LAST-MODIFIED on every change, and not on a write that changes nothing shown', async () => {
		const id = await insertApplication(t.db, { name: 'Havenfestival', startsAt: '2027-08-14T10:00:00Z', endsAt: '2027-08-14T20:00:00Z' });
		// As if the event was last changed long ago (the column is the trigger's own, not compared).
		await t.db.updateTable('eventApplication').set({ feedChangedAt: new Date('2026-01-01T00:00:00Z') }).where('id', '=', id).execute();
		const first = (await feed()).events.get(`${id}@paraat`)!;
		expect(first.lastModified.toISOString()).toBe('2026-01-01T00:00:00.000Z');
		const changedFrom = Math.floor(Date.now() / 1000) * 1000;
		await t.db.updateTable('eventApplication').set({ startsAt: new Date('2027-08-14T12:00:00Z') }).where('id', '=', id).execute();
		const moved = (await feed()).events.get(`${id}@paraat`)!;
		expect(moved.sequence).toBe(first.sequence + 1);
		expect(moved.start.toString()).toBe('2027-08-14T14:00:00');
		expect(moved.lastModified.getTime()).toBeGreaterThanOrEqual(changedFrom);
		await t.db.updateTable('eventApplication').set({ name: 'Havenfestival IJmuiden', computedCategory: 'B' }).where('id', '=', id).execute();
		const renamed = (await feed()).events.get(`${id}@paraat`)!;
		expect(renamed.sequence).toBe(moved.sequence + 1);
		expect(renamed.summary).toBe('Havenfestival IJmuiden (B, Haarlem)');
		// Organiser data is not in the feed: changing it leaves the subscribers alone.
		await t.db.updateTable('eventApplication').set({ organiserPhone: '06-12345678', updatedAt: new Date() }).where('id', '=', id).execute();
		expect((await feed()).events.get(`${id}@paraat`)).toMatchObject({ sequence: renamed.sequence, lastModified: renamed.lastModified });
	});

	it('keeps withdrawn and refused events as STATUS:CANCELLED with a higher SEQUENCE; never-submitted ones stay out', async () => {
		const withdrawn = await insertApplication(t.db, { name: 'Braderie', startsAt: '2027-09-04T08:00:00Z', endsAt: '2027-09-04T16:00:00Z' });
		const refused = await insertApplication(t.db, { name: 'Illegale rave', status: 'advies_gevraagd', startsAt: '2027-09-11T20:00:00Z', endsAt: '2027-09-12T04:00:00Z' });
		const concept = await insertApplication(t.db, { name: 'Concept', status: 'concept', startsAt: '2027-09-05T08:00:00Z', endsAt: '2027-09-05T16:00:00Z' });
		const before = (await feed()).events;
		expect(before.get(`${withdrawn}@paraat`)?.status).toBe('TENTATIVE');
		await t.db.updateTable('eventApplication').set({ status: 'ingetrokken' }).where('id', '=', withdrawn).execute();
		await t.db.updateTable('eventApplication').set({ status: 'besluit', decision: 'geweigerd' }).where('id', '=', refused).execute();
		const after = (await feed()).events;
		for (const id of [withdrawn, refused]) {
			expect(after.get(`${id}@paraat`)).toMatchObject({ status: 'CANCELLED', sequence: before.get(`${id}@paraat`)!.sequence + 1 });
		}
		expect(after.get(`${withdrawn}@paraat`)!.summary).toBe('Vervallen: Braderie (Haarlem)');
		expect(after.has(`${concept}@paraat`)).toBe(false);
		// The filters hold for cancelled events too.
		expect((await feed('?from=2027-06-01&to=2027-12-31&municipality=zandvoort')).events.has(`${withdrawn}@paraat`)).toBe(false);
	});
});
