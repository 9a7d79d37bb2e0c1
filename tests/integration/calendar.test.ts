// The regional calendar on real PostgreSQL: which applications are on it, the regional load and
// druk days, samenlopend, filters, the year aggregate agreeing with the pure rule, the API and
// exports showing public fields only, permissions, and the warnings for one application.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { insertApplication, SECRET_ORGANISER } from '../support/calendar-fixtures.ts';
import { calendarView, warningsForApplication, yearLoads } from '../../src/lib/server/calendar/calendar-service.ts';
import { nextReferenceNumber } from '../../src/lib/server/events/application-queries.ts';
import { dayLoads, withinWindow } from '../../src/lib/domain/calendar/index.ts';
import { calendarEntries } from '../../src/lib/server/calendar/calendar-service.ts';
import { seedDemoEvents } from '../../src/lib/server/demo/demo-events.ts';
import * as calendarRoute from '../../src/routes/api/v1/calendar/+server.ts';
import * as yearRoute from '../../src/routes/api/v1/calendar/year/+server.ts';
import * as icsRoute from '../../src/routes/api/v1/calendar.ics/+server.ts';
import * as csvRoute from '../../src/routes/api/v1/calendar.csv/+server.ts';

let t: TestDatabase;
let reader: SessionUser;
const ids: Record<string, string> = {};

// August 2027: the Grand Prix weekend is druk (C + C + B on Saturday = 7), Sunday is not (C + B = 4... see below).
beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	reader = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: 'uitgeest' }] });
	const add = async (key: string, spec: Parameters<typeof insertApplication>[1]) => (ids[key] = await insertApplication(t.db, { name: key, ...spec }));
	await add('gp', { municipality: 'zandvoort', category: 'C', status: 'besluit', decision: 'verleend_met_voorschriften', startsAt: '2027-08-27T06:00:00Z', endsAt: '2027-08-29T18:00:00Z', peakVisitors: 105_000, totalVisitors: 315_000 });
	await add('strand', { municipality: 'bloemendaal', category: 'C', startsAt: '2027-08-28T10:00:00Z', endsAt: '2027-08-28T21:00:00Z' });
	await add('party', { municipality: 'zandvoort', category: 'B', status: 'advies_gevraagd', startsAt: '2027-08-28T15:00:00Z', endsAt: '2027-08-28T23:00:00Z' });
	await add('buurt', { municipality: 'haarlem', category: 'A', status: 'in_behandeling', startsAt: '2027-08-28T12:00:00Z', endsAt: '2027-08-28T20:00:00Z' });
	// A late night: 20:00 on the 30th to 03:00 on the 31st counts for the 30th only.
	await add('nacht', { municipality: 'velsen', category: 'B', startsAt: '2027-08-30T18:00:00Z', endsAt: '2027-08-31T01:00:00Z' });
	// Not on the calendar: a concept, a withdrawn one and a refused one, all class C on the Saturday.
	await add('concept', { municipality: 'haarlem', category: 'C', status: 'concept', startsAt: '2027-08-28T10:00:00Z', endsAt: '2027-08-28T20:00:00Z' });
	await add('ingetrokken', { municipality: 'haarlem', category: 'C', status: 'ingetrokken', startsAt: '2027-08-28T10:00:00Z', endsAt: '2027-08-28T20:00:00Z' });
	await add('geweigerd', { municipality: 'haarlem', category: 'C', status: 'besluit', decision: 'geweigerd', startsAt: '2027-08-28T10:00:00Z', endsAt: '2027-08-28T20:00:00Z' });
	// Outside the window: ends on 1 September 02:00, which belongs to 31 August... and one in September.
	await add('september', { municipality: 'haarlem', category: 'C', startsAt: '2027-09-02T10:00:00Z', endsAt: '2027-09-02T20:00:00Z' });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

const august = { from: '2027-08-01', to: '2027-08-31' };

describe('calendar view', () => {
	it('lists applications from submission until withdrawn or refused, and loads the region', async () => {
		const view = await calendarView(t.db, reader, august);
		expect(view.events.map((e) => e.name).sort()).toEqual(['buurt', 'gp', 'nacht', 'party', 'strand']);
		const day = (date: string) => view.days.find((d) => d.date === date);
		expect(view.days).toHaveLength(31);
		expect(day('2027-08-27')).toEqual({ date: '2027-08-27', load: 3, busy: false });
		expect(day('2027-08-28')).toEqual({ date: '2027-08-28', load: 7, busy: true });
		expect(day('2027-08-29')).toEqual({ date: '2027-08-29', load: 3, busy: false });
		expect(day('2027-08-30')).toEqual({ date: '2027-08-30', load: 1, busy: false });
		expect(day('2027-08-31')).toEqual({ date: '2027-08-31', load: 0, busy: false });
		expect(view.samenlopend).toEqual([[ids.gp, ids.party]]);
	});

	it('filters the list, never the load; a filtered-out partner is named in related', async () => {
		const view = await calendarView(t.db, reader, { ...august, municipality: 'zandvoort', category: 'B' });
		expect(view.events.map((e) => e.name)).toEqual(['party']);
		expect(view.days.find((d) => d.date === '2027-08-28')).toMatchObject({ load: 7, busy: true });
		expect(view.samenlopend).toEqual([[ids.gp, ids.party]]);
		expect(view.related.map((e) => e.name)).toEqual(['gp']);
		expect((await calendarView(t.db, reader, { ...august, municipality: 'heemstede' })).events).toEqual([]);
	});

	it('agrees with the pure rule in the SQL year aggregate', async () => {
		const { days } = await yearLoads(t.db, reader, 2027);
		const window = { from: '2027-01-01', to: '2027-12-31' };
		const pure = dayLoads(withinWindow(await calendarEntries(t.db, window), window), window);
		expect(days).toEqual(pure.map((d) => ({ date: d.date, load: d.load, busy: d.busy, events: d.events.length })));
		expect(days.find((d) => d.date === '2027-08-28')).toEqual({ date: '2027-08-28', load: 7, busy: true, events: 4 });
		expect(days.find((d) => d.date === '2027-08-31')).toBeUndefined();
	});
});

describe('warningsForApplication', () => {
	it('warns a new application about a druk day and what runs alongside it', async () => {
		const warnings = await warningsForApplication(t.db, { municipality: 'zandvoort', category: 'A', startsAt: '2027-08-28T12:00:00Z', endsAt: '2027-08-28T16:00:00Z' });
		expect(warnings.busyDays).toEqual([{ date: '2027-08-28', load: 7 }]);
		expect(warnings.samenlopend.map((e) => e.name)).toEqual(['gp', 'party']);
		expect(warnings.concurrentEvents).toBe(3);
		expect(JSON.stringify(warnings)).not.toContain(SECRET_ORGANISER.organiserEmail);
	});

	it('counts a stored application once, with its own class', async () => {
		const party = await warningsForApplication(t.db, { id: ids.party, municipality: 'zandvoort', category: 'B', startsAt: '2027-08-28T15:00:00Z', endsAt: '2027-08-28T23:00:00Z' });
		expect(party.busyDays).toEqual([{ date: '2027-08-28', load: 7 }]);
		expect(party.samenlopend.map((e) => e.name)).toEqual(['gp']);
		// As class A it would not make the day druk.
		const asA = await warningsForApplication(t.db, { id: ids.party, municipality: 'zandvoort', category: 'A', startsAt: '2027-08-28T15:00:00Z', endsAt: '2027-08-28T23:00:00Z' });
		expect(asA.busyDays).toEqual([]);
		// A concept adds its own load to what is on the calendar.
		const concept = await warningsForApplication(t.db, { id: ids.concept, municipality: 'haarlem', category: 'C', startsAt: '2027-08-29T10:00:00Z', endsAt: '2027-08-29T20:00:00Z' });
		expect(concept.busyDays).toEqual([]);
		expect(concept.concurrentEvents).toBe(1);
	});
});

describe('references', () => {
	it('numbers on from the highest of the municipality and year', async () => {
		await insertApplication(t.db, { startsAt: '2027-01-01T10:00:00Z', endsAt: '2027-01-01T12:00:00Z' });
		await t.db.insertInto('eventApplication').values({ reference: 'UTG-2027-0041', municipalityCode: 'uitgeest', name: 'x', startsAt: new Date('2027-02-01T10:00:00Z'), endsAt: new Date('2027-02-01T11:00:00Z') }).execute();
		const next = (municipality: string, year: number) => t.db.transaction().execute((trx) => nextReferenceNumber(trx, municipality, year));
		// The counter continues from references written without it (demo data, imports) …
		expect(await next('uitgeest', 2027)).toBe(42);
		// … and from its own last number after that.
		expect(await next('uitgeest', 2027)).toBe(43);
		expect(await next('velsen', 2027)).toBe(1);
	});
});

type Handler = (event: never) => Promise<Response> | Response;

async function get(handler: Handler | undefined, query: string, user: SessionUser | null = reader) {
	const url = new URL(`http://paraat.test/api/v1/calendar${query}`);
	const event = { locals: { ...requestLocals(t.db), user }, params: {}, url, request: new Request(url), getClientAddress: () => '192.0.2.1' };
	const response = await handler!(event as never);
	return { status: response.status, headers: response.headers, text: await response.text() };
}

const ORGANISER_VALUES = Object.values(SECRET_ORGANISER);
const ORGANISER_KEYS = ['organiser', 'organiserName', 'organiserEmail', 'organiserPhone', 'organiserKvk', 'organiserOrganisation'];

describe('/api/v1/calendar', () => {
	it('answers events, days and samenlopend with public fields only', async () => {
		const res = await get(calendarRoute.GET, '?from=2027-08-01&to=2027-08-31');
		expect(res.status).toBe(200);
		const body = JSON.parse(res.text);
		expect(Object.keys(body.events[0]).sort()).toEqual(['bibob', 'category', 'endsAt', 'id', 'municipality', 'name', 'peakVisitors', 'procedure', 'reference', 'startsAt', 'status', 'totalVisitors']);
		expect(body.days.find((d: { date: string }) => d.date === '2027-08-28')).toEqual({ date: '2027-08-28', load: 7, busy: true });
		expect(body.samenlopend).toEqual([[ids.gp, ids.party]]);
		for (const value of ORGANISER_VALUES) expect(res.text).not.toContain(value);
		for (const key of ORGANISER_KEYS) expect(res.text).not.toContain(`"${key}"`);
	});

	it('one date means its month', async () => {
		const body = JSON.parse((await get(calendarRoute.GET, '?from=2027-08-10')).text);
		expect([body.from, body.to]).toEqual(['2027-08-10', '2027-08-31']);
	});

	it.each([
		['?from=2027-02-30', 'from', 'De begindatum is geen bestaande datum (JJJJ-MM-DD).'],
		['?from=morgen', 'from', 'De begindatum is geen bestaande datum (JJJJ-MM-DD).'],
		['?from=2027-08-31&to=2027-08-01', 'to', 'De einddatum ligt voor de begindatum.'],
		['?from=2027-01-01&to=2028-12-31', 'to', 'Vraag hoogstens 400 dagen tegelijk op.'],
		['?municipality=amsterdam', 'municipality', 'Onbekende gemeente; kies uit beverwijk, bloemendaal, haarlem, haarlemmermeer, heemskerk, heemstede, uitgeest, velsen, zandvoort.'],
		['?category=D', 'category', 'De klasse is A, B of C.']
	])('%s is a 400 naming %s', async (query, field, message) => {
		const res = await get(calendarRoute.GET, query);
		expect(res.status).toBe(400);
		const body = JSON.parse(res.text);
		expect(body.error.code).toBe('validation_failed');
		expect(body.error.fields).toEqual([{ field, message }]);
		expect(body.error.message).toContain(field);
	});

	it('is for every logged-in user, not for anonymous ones', async () => {
		const bibob = await createUser(t.db, { grants: [{ role: 'bibob', municipality: 'heemskerk' }] });
		expect((await get(calendarRoute.GET, '', bibob)).status).toBe(200);
		for (const route of [calendarRoute, yearRoute, icsRoute, csvRoute]) {
			const res = await get(route.GET, '', null);
			expect(res.status).toBe(401);
			expect(JSON.parse(res.text).error.code).toBe('unauthenticated');
		}
	});

	it('gives the year loads; a bad year is a 400 naming year', async () => {
		const res = await get(yearRoute.GET, '?year=2027');
		expect(JSON.parse(res.text).days).toContainEqual({ date: '2027-08-28', load: 7, busy: true, events: 4 });
		const bad = await get(yearRoute.GET, '?year=27');
		expect(bad.status).toBe(400);
		expect(JSON.parse(bad.text).error.fields[0].field).toBe('year');
	});
});

describe('exports', () => {
	it('ICS: one VEVENT per listed event, public fields, druk and samenlopend in the description', async () => {
		const res = await get(icsRoute.GET, '?from=2027-08-01&to=2027-08-31&municipality=zandvoort');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="evenementenkalender-zandvoort-2027-08-01-2027-08-31.ics"');
		expect(res.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
		expect(res.text).toContain('SUMMARY:gp (C\\, Zandvoort)');
		expect(res.text).toContain('DTSTART;TZID=Europe/Amsterdam:20270827T080000');
		expect(res.text.replace(/\r\n /g, '')).toContain('druk (belasting 7 op 28 augustus 2027)');
		expect(res.text.replace(/\r\n /g, '')).toContain('Samenlopend met: party');
		for (const value of ORGANISER_VALUES) expect(res.text).not.toContain(value);
	});

	it('CSV: Dutch headers, the filters, public fields only', async () => {
		const res = await get(csvRoute.GET, '?from=2027-08-01&to=2027-08-31&category=C');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="evenementenkalender-regio-klasse-C-2027-08-01-2027-08-31.csv"');
		const lines = res.text.replace(/^\uFEFF/, '').trim().split('\n');
		expect(lines[0]).toBe(
			'Kenmerk;Naam;Gemeente;Klasse;Procedure;Status;Begin (dd-mm-jjjj uu:mm);Einde (dd-mm-jjjj uu:mm);Bezoekers tegelijk (piek);Bezoekers totaal;Hoogste dagbelasting regio;Druk;Samenlopend met'
		);
		expect(lines).toHaveLength(3);
		expect(lines[1]).toMatch(/;gp;Zandvoort;C;vergunning;besluit genomen;27-08-2027 08:00;29-08-2027 20:00;105000;315000;7;ja;party \(TST-/);
		for (const value of ORGANISER_VALUES) expect(res.text).not.toContain(value);
	});
});

describe('demo events', () => {
	it('seeds once, on the calendar with busy days, by the municipal officers', async () => {
		const demo = await createTestDatabase();
		try {
			await createUser(demo.db, { email: 'vergunningverlener.zandvoort@paraat.test', grants: [{ role: 'vergunningverlener', municipality: 'zandvoort' }] });
			const now = new Date('2026-11-22T10:00:00Z');
			const inserted = await seedDemoEvents(demo.db, now);
			expect(inserted).toBeGreaterThan(50);
			expect(await seedDemoEvents(demo.db, now)).toBe(0);
			const gp = await demo.db.selectFrom('eventApplication').innerJoin('appUser', 'appUser.id', 'eventApplication.createdBy').select(['reference', 'category', 'appUser.email']).where('eventApplication.name', '=', 'Formule 1 Dutch Grand Prix').executeTakeFirstOrThrow();
			expect(gp).toMatchObject({ category: 'C', email: 'vergunningverlener.zandvoort@paraat.test' });
			expect(gp.reference).toMatch(/^ZVT-2026-\d{4}$/);
			const { days } = await yearLoads(demo.db, reader, 2027);
			expect(days.filter((d) => d.busy).length).toBeGreaterThanOrEqual(2);
			// Worked out as if filed through the forms: every one has its deadline and procedure by the
			// municipality's conditions, and the context criterion shows where events share a day.
			const rows = await demo.db.selectFrom('eventApplication').select(['deadlineDate', 'procedure', 'scanResult', 'computedCategory']).execute();
			expect(rows.every((r) => r.deadlineDate !== null && r.procedure !== null && r.computedCategory !== null)).toBe(true);
			expect(rows.some((r) => JSON.stringify(r.scanResult).includes('concurrent_events'))).toBe(true);
			// The decided Grand Prix has its required documents, as real PDFs in the database.
			const gpDocs = await demo.db
				.selectFrom('eventDocument')
				.innerJoin('eventApplication', 'eventApplication.id', 'eventDocument.applicationId')
				.select(['eventDocument.kind', 'eventDocument.content'])
				.where('eventApplication.name', '=', 'Formule 1 Dutch Grand Prix')
				.execute();
			expect(gpDocs.map((d) => d.kind).sort()).toEqual(expect.arrayContaining(['situatietekening', 'veiligheidsplan']));
			for (const d of gpDocs) expect(Buffer.from(d.content).subarray(0, 5).toString()).toBe('%PDF-');
		} finally {
			await demo.drop();
		}
	});
});
