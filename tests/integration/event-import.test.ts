// Importing an events list on real PostgreSQL: a dry run writes nothing, the import goes through
// the normal domain (class, procedure, deadline, history, audit), a second run creates nothing,
// a failure in one batch rolls back that batch only, two imports at once create every event once,
// the mapping is remembered per municipality, progress reaches the officer's topic, and the API
// answers permission and bad files with Dutch 4xx problems.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import writeExcelFile from 'write-excel-file/node';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { importEventList, previewEventList } from '../../src/lib/server/events/event-import-service.ts';
import { eventsSince } from '../../src/lib/server/realtime/event-log.ts';
import { createTestDatabase, createUser, loginAs, waitFor, type TestDatabase } from '../support/test-db.ts';
import { connectClient, startRealtimeServer } from '../support/realtime-server.ts';
import { createDb } from '../../src/lib/server/db/index.ts';
import type { RealtimeEvent, SubscribeAck } from '../../src/lib/realtime/protocol.ts';
import { requestLocals } from '../support/request-locals.ts';
import { ctx, expectServiceError, parse } from '../support/incident-fixtures.ts';
import { createApplication } from '../../src/lib/server/events/application-service.ts';
import { newApplicationInput } from '../../src/lib/contracts/application-input.ts';
import { PNG } from '../support/event-fixtures.ts';
import * as importRoute from '../../src/routes/api/v1/events/import/+server.ts';

let t: TestDatabase;
let officer: SessionUser;
let velsen: SessionUser;
let adviser: SessionUser;
let regional: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	officer = await createUser(t.db, { name: 'Ilse Import', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	velsen = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'velsen' }] });
	adviser = await createUser(t.db, { grants: [{ role: 'adviseur', municipality: 'haarlem', discipline: 'brandweer' }] });
	regional = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: null }] });
});

afterAll(async () => {
	await t?.drop();
});

const csv = (lines: string[]) => ({ name: 'evenementen.csv', content: new TextEncoder().encode(lines.join('\r\n')) });
const HEADER = 'Bezoekers;Naam evenement;Datum;Begintijd;Eindtijd;Locatie';

async function counts(municipality: string) {
	const n = async (query: Promise<{ n: string | number | bigint }>) => Number((await query).n);
	return {
		applications: await n(t.db.selectFrom('eventApplication').where('municipalityCode', '=', municipality).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()),
		audit: await n(t.db.selectFrom('auditLog').where('municipalityCode', '=', municipality).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()),
		mappings: await n(t.db.selectFrom('eventImportMapping').where('municipalityCode', '=', municipality).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()),
		events: await n(t.db.selectFrom('realtimeEvent').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow())
	};
}

describe('a dry run and an import', () => {
	const list = csv([
		HEADER,
		'20.000;Bevrijdingspop;05-05-2027;12:00;23:00;Haarlemmerhout, Haarlem',
		'150;Buurtfeest Rozenprieel;12-06-2027;14:00;22:00;Rozenprieel, Haarlem',
		'veel;Kapotte rij;31-02-2027;10:00;12:00;Ergens',
		'',
		'300;Braderie;19-06-2027;10:00;17:00;Zijlstraat, Haarlem'
	]);

	it('dry run: the counts and every bad row with its number, and nothing written', async () => {
		const before = await counts('haarlem');
		const report = await importEventList(t.db, officer, { municipality: 'haarlem', file: list }, ctx, { dryRun: true });
		expect({ rows: report.rows, created: report.created, unchanged: report.unchanged }).toEqual({ rows: 4, created: 3, unchanged: 0 });
		expect(report.errors.map((e) => [e.row, e.field])).toEqual([
			[4, 'startsAt'],
			[4, 'peakVisitors']
		]);
		expect(await counts('haarlem')).toEqual(before);
	});

	it('import: concepts as if typed in the form (class, procedure, deadline, history, audit); the second run creates nothing', async () => {
		const report = await importEventList(t.db, officer, { municipality: 'haarlem', file: list }, ctx);
		expect({ rows: report.rows, created: report.created, unchanged: report.unchanged, errors: report.errors.length }).toEqual({ rows: 4, created: 3, unchanged: 0, errors: 2 });
		const pop = await t.db.selectFrom('eventApplication').selectAll().where('name', '=', 'Bevrijdingspop').executeTakeFirstOrThrow();
		expect(pop).toMatchObject({ status: 'concept', municipalityCode: 'haarlem', peakVisitors: 20000, computedCategory: 'C', procedure: 'vergunning', createdBy: officer.id });
		expect(pop.startsAt.toISOString()).toBe('2027-05-05T10:00:00.000Z');
		expect(pop.deadlineDate).not.toBeNull();
		expect(pop.importKey).toBe('haarlem|bevrijdingspop|2027-05-05T10:00|haarlemmerhout haarlem');
		// The same event typed into the form gets the same class, procedure, reasons and deadline.
		const assessed = ['computedCategory', 'procedure', 'procedureReasons', 'deadlineDate', 'scanModelVersion', 'scanResult'] as const;
		const small = await t.db.selectFrom('eventApplication').select(assessed).where('name', '=', 'Buurtfeest Rozenprieel').executeTakeFirstOrThrow();
		const typed = await createApplication(t.db, officer, parse(newApplicationInput, { municipality: 'haarlem', name: 'Getypt buurtfeest', peakVisitors: 150, address: 'Rozenprieel, Haarlem', startsAt: '2027-06-12T14:00:00+02:00', endsAt: '2027-06-12T22:00:00+02:00' }), ctx);
		const typedRow = await t.db.selectFrom('eventApplication').select(assessed).where('id', '=', typed.id).executeTakeFirstOrThrow();
		expect(small).toEqual(typedRow);
		expect(small.computedCategory).toBe('A');
		const history = await t.db.selectFrom('eventStatusChange').select(['toStatus', 'note']).where('applicationId', '=', pop.id).execute();
		expect(history).toEqual([{ toStatus: 'concept', note: 'Geïmporteerd uit evenementen.csv, rij 2' }]);
		const audit = await t.db.selectFrom('auditLog').select(['action', 'actorId', 'details']).where('entityId', '=', pop.id).execute();
		expect(audit).toEqual([{ action: 'application.imported', actorId: officer.id, details: { naam: 'Bevrijdingspop', bestand: 'evenementen.csv', rij: 2 } }]);

		const before = await counts('haarlem');
		const again = await importEventList(t.db, officer, { municipality: 'haarlem', file: list }, ctx);
		expect({ created: again.created, unchanged: again.unchanged }).toEqual({ created: 0, unchanged: 3 });
		const after = await counts('haarlem');
		expect(after.applications).toBe(before.applications);
		expect(after.audit).toBe(before.audit);
		// The same events written differently are still the same events.
		const rewritten = csv(['Naam evenement;Datum;Begintijd;Locatie', 'BEVRIJDINGSPOP;2027-05-05;12.00;Haarlemmerhout Haarlem']);
		expect((await importEventList(t.db, officer, { municipality: 'haarlem', file: rewritten }, ctx)).unchanged).toBe(1);
	});

	it('an Excel workbook with date and number cells imports like the CSV', async () => {
		const header = ['Naam evenement', 'Datum', 'Begintijd', 'Locatie', 'Bezoekers'].map((value) => ({ type: String, value }));
		const buffer = await writeExcelFile([
			header,
			[{ type: String, value: 'Zomerconcert' }, { type: Date, value: new Date(Date.UTC(2027, 6, 3)), format: 'dd-mm-yyyy' }, { type: String, value: '20:00' }, { type: String, value: 'Bolwerk' }, { type: Number, value: 1200 }]
		]).toBuffer();
		const report = await importEventList(t.db, officer, { municipality: 'haarlem', file: { name: 'lijst.xlsx', content: new Uint8Array(buffer) } }, ctx);
		expect({ created: report.created, errors: report.errors }).toEqual({ created: 1, errors: [] });
		const row = await t.db.selectFrom('eventApplication').select(['startsAt', 'endsAt', 'peakVisitors']).where('name', '=', 'Zomerconcert').executeTakeFirstOrThrow();
		expect(row.startsAt.toISOString()).toBe('2027-07-03T18:00:00.000Z');
		expect(row.endsAt.toISOString()).toBe('2027-07-03T22:00:00.000Z'); // no end time: until local midnight
		expect(row.peakVisitors).toBe(1200);
	});
});

describe('batches', () => {
	it('a failure in batch 2 leaves batch 1 and nothing of batch 2; importing again completes the list', async () => {
		const names = ['Batch A', 'Batch B', 'Batch C', 'Batch breekt', 'Batch D'];
		const list = csv(['Naam evenement;Datum;Locatie', ...names.map((n, i) => `${n};0${i + 1}-09-2027;Spaarne`)]);
		// A real database failure in the middle of batch 2: a trigger refuses one row.
		await sql`create function refuse_breakage() returns trigger language plpgsql as $$
			begin if new.name = 'Batch breekt' then raise exception 'schijf vol'; end if; return new; end $$`.execute(t.db);
		await sql`create trigger refuse_breakage before insert on event_application for each row execute function refuse_breakage()`.execute(t.db);
		try {
			const err = await expectServiceError(importEventList(t.db, regional, { municipality: 'bloemendaal', file: list }, ctx, { batchSize: 2 }), 500, 'import_interrupted');
			expect(err.message).toContain('rij 4');
			expect(err.extra).toMatchObject({ created: 2 });
		} finally {
			await sql`drop trigger refuse_breakage on event_application`.execute(t.db);
			await sql`drop function refuse_breakage()`.execute(t.db);
		}
		const stored = await t.db.selectFrom('eventApplication').select('name').where('municipalityCode', '=', 'bloemendaal').orderBy('name').execute();
		expect(stored.map((r) => r.name)).toEqual(['Batch A', 'Batch B']);
		const audited = await t.db.selectFrom('auditLog').select('details').where('action', '=', 'application.imported').where('municipalityCode', '=', 'bloemendaal').execute();
		expect(audited).toHaveLength(2);

		const rerun = await importEventList(t.db, regional, { municipality: 'bloemendaal', file: list }, ctx, { batchSize: 2 });
		expect({ created: rerun.created, unchanged: rerun.unchanged }).toEqual({ created: 3, unchanged: 2 });
	});

	it('reports progress on the officer\'s own topic after each committed batch', async () => {
		const seq = Number((await t.db.selectFrom('realtimeTopic').select('lastSeq').where('topic', '=', `user:${officer.id}`).executeTakeFirst())?.lastSeq ?? 0);
		const list = csv(['Naam evenement;Datum;Locatie', ...[1, 2, 3, 4, 5].map((i) => `Voortgang ${i};1${i}-10-2027;Plein`)]);
		await importEventList(t.db, officer, { municipality: 'haarlem', file: list }, ctx, { batchSize: 2 });
		const events = (await eventsSince(t.db, `user:${officer.id}`, seq)).filter((e) => e.type === 'application.import_progress');
		expect(events.map((e) => e.data)).toEqual(
			[2, 4, 5].map((processed, i) => ({ municipality: 'haarlem', fileName: 'evenementen.csv', fileBytes: list.content.byteLength, total: 5, processed, created: [2, 4, 5][i], unchanged: 0 }))
		);
	});

	it('the progress reaches the officer\'s socket on another node (the import writes through one pool, the socket sits on a second node with its own LISTEN)', async () => {
		const otherPool = createDb(t.url);
		const nodeB = await startRealtimeServer({ db: otherPool, url: t.url });
		const socket = await connectClient(nodeB.url, await loginAs(t.db, officer));
		try {
			const events: RealtimeEvent[] = [];
			socket.on('event', (e) => events.push(e));
			const ack = (await socket.timeout(5_000).emitWithAck('subscribe', { topic: `user:${officer.id}` })) as SubscribeAck;
			expect(ack).toMatchObject({ ok: true });
			const list = csv(['Naam evenement;Datum;Locatie', ...[1, 2, 3].map((i) => `Andere node ${i};0${i}-12-2027;Plein`)]);
			await importEventList(t.db, officer, { municipality: 'haarlem', file: list }, ctx, { batchSize: 2 });
			const last = await waitFor(() => events.find((e) => e.type === 'application.import_progress' && e.data.processed === 3), { what: 'voortgang 3 van 3' });
			expect(last.data).toMatchObject({ total: 3, created: 3 });
			expect(events.filter((e) => e.type === 'application.import_progress').map((e) => (e.type === 'application.import_progress' ? e.data.processed : 0))).toEqual([2, 3]);
		} finally {
			socket.close();
			await nodeB.close();
			await otherPool.destroy();
		}
	});

	it('two imports of the same list at once create every event once', async () => {
		const list = csv(['Naam evenement;Datum;Locatie', ...Array.from({ length: 30 }, (_, i) => `Gelijktijdig ${i};01-11-2027;Plein ${i}`)]);
		const [a, b] = await Promise.all([
			importEventList(t.db, regional, { municipality: 'heemstede', file: list }, ctx, { batchSize: 7 }),
			importEventList(t.db, regional, { municipality: 'heemstede', file: list }, ctx, { batchSize: 5 })
		]);
		expect(a.created + b.created).toBe(30);
		expect(a.unchanged + b.unchanged).toBe(30);
		expect((await counts('heemstede')).applications).toBe(30);
		// Each batch reserves its zaaknummers at once: 30 different ones, no gaps, none shared.
		const references = (await t.db.selectFrom('eventApplication').select('reference').where('municipalityCode', '=', 'heemstede').execute()).map((r) => Number(r.reference.split('-').at(-1)));
		expect(references.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => references[0]! + i));
	});
});

describe('the column mapping', () => {
	it('is remembered per municipality after an import (not after a dry run) and used for the next list', async () => {
		const list = csv(['Titel;Wanneer;Waar;Hoeveel', 'Dorpsfeest;04-09-2027;Dorpsplein;800']);
		const unmapped = await previewEventList(t.db, regional, { municipality: 'zandvoort', file: list });
		expect(unmapped.missing).toEqual(['startDate']);
		await expectServiceError(importEventList(t.db, regional, { municipality: 'zandvoort', file: list }, ctx), 422, 'import_columns_missing');
		const mapping = { startDate: 'Wanneer', address: 'Waar', peakVisitors: 'Hoeveel' };
		await importEventList(t.db, regional, { municipality: 'zandvoort', file: list, mapping }, ctx, { dryRun: true });
		expect((await counts('zandvoort')).mappings).toBe(0);
		const done = await importEventList(t.db, regional, { municipality: 'zandvoort', file: list, mapping }, ctx);
		expect(done.created).toBe(1);
		const next = csv(['Titel;Wanneer;Waar;Hoeveel', 'Strandrace;11-09-2027;Boulevard;2000']);
		const report = await importEventList(t.db, regional, { municipality: 'zandvoort', file: next }, ctx);
		expect({ created: report.created, mapping: report.mapping }).toEqual({ created: 1, mapping: { name: 'Titel', ...mapping } });
		const stored = await t.db.selectFrom('eventApplication').select(['peakVisitors', 'address']).where('name', '=', 'Strandrace').executeTakeFirstOrThrow();
		expect(stored).toEqual({ peakVisitors: 2000, address: 'Boulevard' });
		// Another municipality has its own memory.
		expect((await previewEventList(t.db, regional, { municipality: 'velsen', file: next })).missing).toEqual(['startDate']);
	});
});

type Handler = (event: never) => Promise<Response>;

async function post(user: SessionUser | null, body: BodyInit, contentType?: string): Promise<{ status: number; body: Record<string, unknown> }> {
	const url = new URL('http://paraat.test/api/v1/events/import');
	const request = new Request(url, { method: 'POST', body, ...(contentType ? { headers: { 'content-type': contentType } } : {}) });
	const event = { locals: { ...requestLocals(t.db), user }, params: {}, request, url, getClientAddress: () => '127.0.0.1' };
	const response = await (importRoute.POST as unknown as Handler)(event as never);
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function form(fields: Record<string, string | File>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
}

const listFile = (lines: string[], name = 'lijst.csv') => new File([lines.join('\n')], name, { type: 'text/csv' });

describe('POST /api/v1/events/import', () => {
	const good = () => listFile([HEADER, '200;API-feest;01-12-2027;18:00;23:00;Raadhuisplein', '10;Zonder datum;;;;Plein']);

	it('answers exactly { rows, created, unchanged, errors }; dryRun=1 writes nothing; again creates nothing', async () => {
		const before = await counts('haarlem');
		const dry = await post(officer, form({ file: good(), municipality: 'haarlem', dryRun: '1' }));
		expect(dry).toEqual({ status: 200, body: { rows: 2, created: 1, unchanged: 0, errors: [{ row: 3, field: 'startsAt', message: 'Vul de datum van het evenement in.' }] } });
		expect(await counts('haarlem')).toEqual(before);
		const done = await post(officer, form({ file: good(), municipality: 'haarlem' }));
		expect(done.body).toEqual({ rows: 2, created: 1, unchanged: 0, errors: [{ row: 3, field: 'startsAt', message: 'Vul de datum van het evenement in.' }] });
		expect((await post(officer, form({ file: good(), municipality: 'haarlem' }))).body).toMatchObject({ created: 0, unchanged: 1 });
	});

	it('permission: only a vergunningverlener of that municipality (or the region)', async () => {
		expect((await post(null, form({ file: good(), municipality: 'haarlem' }))).status).toBe(401);
		const other = await post(velsen, form({ file: good(), municipality: 'haarlem' }));
		expect(other.status).toBe(403);
		expect(other.body.detail).toBe('Alleen een vergunningverlener van deze gemeente importeert hier evenementen.');
		expect((await post(adviser, form({ file: good(), municipality: 'haarlem' }))).status).toBe(403);
		expect((await post(regional, form({ file: good(), municipality: 'haarlem', dryRun: '1' }))).status).toBe(200);
	});

	it('bad files and fields get a Dutch 4xx, never a 500, and write nothing', async () => {
		const before = await counts('haarlem');
		const expectProblem = async (answer: Promise<{ status: number; body: Record<string, unknown> }>, status: number, code: string) => {
			const { status: got, body } = await answer;
			expect({ got, code: body.code }).toEqual({ got: status, code });
			expect(String(body.detail)).toMatch(/[a-z]/);
			return body;
		};
		await expectProblem(post(officer, form({ file: new File([PNG], 'lijst.csv'), municipality: 'haarlem' })), 415, 'file_type_refused');
		const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]);
		const old = await expectProblem(post(officer, form({ file: new File([xls], 'oud.xls'), municipality: 'haarlem' })), 415, 'file_type_refused');
		expect(old.detail).toContain('.xls');
		await expectProblem(post(officer, JSON.stringify({ municipality: 'haarlem' }), 'application/json'), 415, 'unsupported_media_type');
		await expectProblem(post(officer, form({ file: new File([new Uint8Array(5 * 1024 * 1024 + 1).fill(65)], 'groot.csv'), municipality: 'haarlem' })), 413, 'file_too_large');
		await expectProblem(post(officer, form({ file: new File([], 'leeg.csv'), municipality: 'haarlem' })), 400, 'validation_failed');
		const noMunicipality = await expectProblem(post(officer, form({ file: good() })), 400, 'validation_failed');
		expect((noMunicipality.invalidParams as { name: string }[]).map((p) => p.name)).toEqual(['municipality']);
		await expectProblem(post(officer, form({ file: good(), municipality: 'atlantis' })), 400, 'validation_failed');
		await expectProblem(post(officer, form({ file: good(), municipality: 'haarlem', dryRun: 'misschien' })), 400, 'validation_failed');
		await expectProblem(post(officer, form({ file: good(), municipality: 'haarlem', mapping: '{kapot' })), 400, 'validation_failed');
		const unmapped = await expectProblem(post(officer, form({ file: listFile(['Iets;Anders', 'a;b']), municipality: 'haarlem' })), 422, 'import_columns_missing');
		expect((unmapped.invalidParams as { name: string }[]).map((p) => p.name)).toEqual(['mapping.name', 'mapping.startDate']);
		await expectProblem(post(officer, form({ file: listFile([';;', 'a;b;c']), municipality: 'haarlem' })), 422, 'import_no_header');
		await expectProblem(post(officer, form({ file: listFile(['Naam evenement;Datum', '"open;01-01-2028']), municipality: 'haarlem' })), 400, 'invalid_csv');
		expect(await counts('haarlem')).toEqual(before);
	});
});
