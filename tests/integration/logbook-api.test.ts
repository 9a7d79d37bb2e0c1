// The /api/v1 routes of the logbook, picture, SITRAPs, injects and the evaluation timeline,
// called as SvelteKit calls them (the handler with a request event) against real PostgreSQL:
// status codes, the error format in Dutch, 409 with `current`, PDF and CSV with the mark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import * as logRoute from '../../src/routes/api/v1/incidents/[id=uuid]/log/+server.ts';
import * as readRoute from '../../src/routes/api/v1/incidents/[id=uuid]/log/read/+server.ts';
import * as verifyRoute from '../../src/routes/api/v1/incidents/[id=uuid]/log/[entryId=uuid]/verify/+server.ts';
import * as pictureRoute from '../../src/routes/api/v1/incidents/[id=uuid]/picture/+server.ts';
import * as sectionRoute from '../../src/routes/api/v1/incidents/[id=uuid]/picture/[section]/+server.ts';
import * as sitrapsRoute from '../../src/routes/api/v1/incidents/[id=uuid]/sitraps/+server.ts';
import * as sitrapRoute from '../../src/routes/api/v1/incidents/[id=uuid]/sitraps/[number=int]/+server.ts';
import * as sitrapPdfRoute from '../../src/routes/api/v1/incidents/[id=uuid]/sitraps/[number=int]/pdf/+server.ts';
import * as injectsRoute from '../../src/routes/api/v1/incidents/[id=uuid]/injects/+server.ts';
import * as injectRoute from '../../src/routes/api/v1/incidents/[id=uuid]/injects/[injectId=uuid]/+server.ts';
import * as timelineRoute from '../../src/routes/api/v1/incidents/[id=uuid]/timeline/+server.ts';
import * as timelineCsvRoute from '../../src/routes/api/v1/incidents/[id=uuid]/timeline/csv/+server.ts';
import * as timelineXlsxRoute from '../../src/routes/api/v1/incidents/[id=uuid]/timeline/xlsx/+server.ts';
import * as timelinePdfRoute from '../../src/routes/api/v1/incidents/[id=uuid]/timeline/pdf/+server.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { makeIncident } from '../support/incident-fixtures.ts';

let t: TestDatabase;
let crisis: SessionUser;
let crisis2: SessionUser;
let oefenleider: SessionUser;
let waarnemer: SessionUser;
let incident: IncidentRecord;
let oefening: IncidentRecord;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url; // getDb() of the routes
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
	crisis2 = await createUser(t.db, { name: 'Ilse Informatiemanager', grants: [{ role: 'crisisteam', municipality: null }] });
	oefenleider = await createUser(t.db, { name: 'Olga Oefenleider', grants: [{ role: 'oefenleider', municipality: null }] });
	waarnemer = await createUser(t.db, { name: 'Wim Waarnemer', grants: [{ role: 'waarnemer', municipality: null }] });
	incident = await makeIncident(t.db, crisis, { title: 'Brand Spaarne' });
	oefening = await makeIncident(t.db, oefenleider, { title: 'Oefening Zandvoort', kind: 'oefening', startedAt: new Date(Date.now() - 10 * 60_000).toISOString() });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

type Handler = (event: never) => Response | Promise<Response>;

/** Calls a route handler the way SvelteKit does, as `user` (null: not signed in). */
async function call(handler: Handler | undefined, user: SessionUser | null, params: Record<string, string>, init: { method?: string; body?: unknown; query?: string } = {}) {
	const url = new URL(`http://localhost/api/v1/test${init.query ?? ''}`);
	const request = new Request(url, {
		method: init.method ?? 'GET',
		headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
		body: init.body === undefined ? undefined : JSON.stringify(init.body)
	});
	const event = { locals: { ...requestLocals(t.db), user, session: null, requestId: 'test' }, params, url, request, getClientAddress: () => '192.0.2.7' };
	const response = await handler!(event as never);
	const type = response.headers.get('content-type') ?? '';
	const body = type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer());
	return { status: response.status, type, headers: response.headers, body };
}

describe('logbook API', () => {
	it('creates entries (201), lists them with filters, and answers bad input with a Dutch 400', async () => {
		const id = incident.id;
		const created = await call(logRoute.POST, crisis, { id }, { method: 'POST', body: { kind: 'besluit', discipline: 'politie', text: 'Afzetting Spaarne', source: 'CoPI' } });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ number: 1, kind: 'besluit', discipline: 'politie', exercise: false });
		await call(logRoute.POST, crisis, { id }, { method: 'POST', body: { kind: 'melding', discipline: 'brandweer', text: 'Uitslaande brand' } });

		const list = await call(logRoute.GET, waarnemer, { id }, { query: '?soort=besluit&discipline=politie' });
		expect(list.status).toBe(200);
		expect(list.body).toMatchObject({ readPosition: 0, unread: [1], highest: 2 });
		expect(list.body.entries.map((e: { number: number }) => e.number)).toEqual([1]);

		const empty = await call(logRoute.POST, crisis, { id }, { method: 'POST', body: { kind: 'besluit', discipline: 'politie', text: '' } });
		expect(empty.status).toBe(400);
		expect(empty.body.error).toMatchObject({
			code: 'validation_failed',
			fields: [{ field: 'text', message: 'Vul de tekst van de logregel in; een lege logregel wordt niet opgeslagen.' }]
		});
		const badFilter = await call(logRoute.GET, waarnemer, { id }, { query: '?soort=roddel' });
		expect(badFilter.status).toBe(400);
		expect(badFilter.body.error.message).toMatch(/^Ongeldig filter: Onbekend soort logregel/);
		const reader = await call(logRoute.POST, waarnemer, { id }, { method: 'POST', body: { kind: 'melding', discipline: 'ghor', text: 'x' } });
		expect(reader.status).toBe(403);
		expect((await call(logRoute.GET, null, { id })).status).toBe(401);
		expect((await call(logRoute.GET, crisis, { id: 'onbekend' })).body.error).toEqual({ code: 'not_found', message: 'Dit incident bestaat niet.' });
	});

	it('verifies, corrects and marks as read', async () => {
		const id = incident.id;
		const entry = (await call(logRoute.POST, crisis, { id }, { method: 'POST', body: { kind: 'melding', discipline: 'ghor', text: 'Twee gewonden' } })).body;
		const verified = await call(verifyRoute.POST, crisis2, { id, entryId: entry.id }, { method: 'POST' });
		expect(verified.status).toBe(200);
		expect(verified.body.verified.by.name).toBe('Ilse Informatiemanager');
		const again = await call(verifyRoute.POST, crisis2, { id, entryId: entry.id }, { method: 'POST' });
		expect(again.status).toBe(409);

		const correction = await call(logRoute.POST, crisis, { id }, { method: 'POST', body: { kind: 'melding', discipline: 'ghor', text: 'Drie gewonden', correctsId: entry.id } });
		expect(correction.status).toBe(201);
		expect(correction.body.corrects).toEqual({ id: entry.id, number: entry.number });

		const read = await call(readRoute.POST, waarnemer, { id }, { method: 'POST', body: { upTo: correction.body.number } });
		expect(read).toMatchObject({ status: 200, body: { readPosition: correction.body.number, unread: [] } });
		expect((await call(readRoute.POST, waarnemer, { id }, { method: 'POST', body: {} })).body.error.fields[0].field).toBe('upTo');
	});
});

describe('picture and SITRAP API', () => {
	it('edits a section, answers a stale version with 409 and the current section', async () => {
		const id = incident.id;
		const picture = await call(pictureRoute.GET, waarnemer, { id });
		expect(picture.body.sections).toHaveLength(6);
		const first = await call(sectionRoute.PUT, crisis, { id, section: 'samenvatting' }, { method: 'PUT', body: { text: 'Brand in loods', version: 0 } });
		expect(first).toMatchObject({ status: 200, body: { section: 'samenvatting', version: 1 } });
		const stale = await call(sectionRoute.PUT, crisis2, { id, section: 'samenvatting' }, { method: 'PUT', body: { text: 'Iets anders', version: 0 } });
		expect(stale.status).toBe(409);
		expect(stale.body.error.code).toBe('version_conflict');
		expect(stale.body.current).toMatchObject({ text: 'Brand in loods', version: 1 });
		const unknown = await call(sectionRoute.PUT, crisis, { id, section: 'meldkamer' }, { method: 'PUT', body: { text: 'x', version: 0 } });
		expect(unknown.status).toBe(404);
		expect(unknown.body.error.message).toMatch(/Onbekende sectie/);
		const reader = await call(sectionRoute.PUT, waarnemer, { id, section: 'samenvatting' }, { method: 'PUT', body: { text: 'x', version: 1 } });
		expect(reader.status).toBe(403);
	});

	it('publishes SITRAPs (201), lists and reads them, and serves a PDF', async () => {
		const id = incident.id;
		const published = await call(sitrapsRoute.POST, crisis, { id }, { method: 'POST' });
		expect(published).toMatchObject({ status: 201, body: { number: 1 } });
		expect((await call(sitrapsRoute.GET, waarnemer, { id })).body.sitraps.map((s: { number: number }) => s.number)).toEqual([1]);
		expect((await call(sitrapRoute.GET, waarnemer, { id, number: '1' })).body.snapshot.sections[0].text).toBe('Brand in loods');
		expect((await call(sitrapRoute.GET, waarnemer, { id, number: '7' })).status).toBe(404);

		const pdf = await call(sitrapPdfRoute.GET, waarnemer, { id, number: '1' });
		expect(pdf.status).toBe(200);
		expect(pdf.type).toBe('application/pdf');
		expect(pdf.headers.get('content-disposition')).toBe('inline; filename="SITRAP-1.pdf"');
		expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
		expect((await call(sitrapsRoute.POST, waarnemer, { id }, { method: 'POST' })).status).toBe(403);
	});
});

describe('inject and timeline API', () => {
	it('lets the oefenleider script and remove injects; refuses one in the past in Dutch', async () => {
		const id = oefening.id;
		const created = await call(injectsRoute.POST, oefenleider, { id }, { method: 'POST', body: { text: 'Brand in strandpaviljoen', discipline: 'brandweer', dueMinutes: 30 } });
		expect(created).toMatchObject({ status: 201, body: { dueMinutes: 30, exercise: true } });
		const past = await call(injectsRoute.POST, oefenleider, { id }, { method: 'POST', body: { text: 'Te laat', discipline: 'brandweer', dueMinutes: 2 } });
		expect(past.status).toBe(400);
		expect(past.body.error.message).toBe('Deze inject valt in het verleden: de oefening loopt al 10 minuten. Kies 11 minuten of later.');
		expect((await call(injectsRoute.GET, crisis, { id })).status).toBe(403);
		expect((await call(injectsRoute.GET, oefenleider, { id })).body.injects).toHaveLength(1);
		expect((await call(injectRoute.DELETE, oefenleider, { id, injectId: created.body.id }, { method: 'DELETE' })).status).toBe(200);
		expect((await call(injectsRoute.POST, oefenleider, { id: incident.id }, { method: 'POST', body: { text: 'x', discipline: 'ghor', dueMinutes: 30 } })).status).toBe(400);
	});

	it('exports the evaluation timeline as JSON, CSV, Excel and PDF, each with the exercise mark', async () => {
		const id = oefening.id;
		await call(logRoute.POST, crisis, { id }, { method: 'POST', body: { kind: 'besluit', discipline: 'algemeen', text: 'Strand ontruimen; "nu"' } });
		const json = await call(timelineRoute.GET, oefenleider, { id });
		expect(json.body).toMatchObject({ incidentId: id, exercise: true });
		expect(json.body.rows.map((r: { type: string }) => r.type)).toEqual(['grip', 'logregel']);

		const csv = await call(timelineCsvRoute.GET, crisis, { id });
		expect(csv.type).toBe('text/csv; charset=utf-8');
		expect(csv.headers.get('content-disposition')).toBe('attachment; filename="evaluatietijdlijn-OEFENING.csv"');
		const lines = (csv.body as Buffer).toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
		expect(lines[0]).toBe(
			'Markering;Tijdstip (dd-mm-jjjj uu:mm:ss);Minuten na start (T);Soort;Discipline;Omschrijving;Door;Reactietijd (minuten);Registratievertraging (minuten);Verificatietijd (minuten)'
		);
		expect(lines).toHaveLength(3);
		expect(lines.slice(1).every((l) => l.startsWith('OEFENING;'))).toBe(true);
		expect(lines[2]).toContain('"#1 besluit: Strand ontruimen; ""nu"""');

		const xlsx = await call(timelineXlsxRoute.GET, crisis, { id });
		expect(xlsx).toMatchObject({ status: 200, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
		expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="evaluatietijdlijn-OEFENING.xlsx"');

		const pdf = await call(timelinePdfRoute.GET, oefenleider, { id });
		expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
		expect((await call(timelineRoute.GET, waarnemer, { id })).status).toBe(403);
		const audit = await t.db.selectFrom('auditLog').select('details').where('action', '=', 'timeline.exported').execute();
		expect(audit.map((a) => a.details)).toEqual([
			{ format: 'csv', exercise: true },
			{ format: 'xlsx', exercise: true },
			{ format: 'pdf', exercise: true }
		]);
	});
});
