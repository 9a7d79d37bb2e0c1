// Event applications through the real services on PostgreSQL: the lifecycle with its history,
// the risicoscan with a municipality's own model and the context criterion, melding verdicts,
// late submission, overrides, decisions and Bibob, bad input (400, nothing written), stale edits
// (409 with the current record) and documents in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { applicationChangeInput, decisionInput, newApplicationInput, overrideInput, transitionInput } from '../../src/lib/server/events/application-input.ts';
import {
	copyApplication,
	createApplication,
	decideApplication,
	getApplication,
	listApplications,
	overrideCategory,
	submitApplication,
	transitionApplication,
	updateApplication
} from '../../src/lib/server/events/application-service.ts';
import { downloadDocument, uploadDocument } from '../../src/lib/server/events/document-service.ts';
import { risicoscanModelInput } from '../../src/lib/server/events/event-settings-input.ts';
import { loadEventSettings, saveRisicoscanModel } from '../../src/lib/server/events/event-settings-service.ts';
import { computeRisicoscan } from '../../src/lib/server/events/risicoscan-service.ts';
import { parseEventReference, registrationYear } from '../../src/lib/domain/calendar/reference.ts';
import { risicoscanInputSchema, DEFAULT_RISICOSCAN_MODEL } from '../../src/lib/domain/risicoscan/index.ts';
import { eventsSince } from '../../src/lib/server/realtime/event-log.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { ctx, expectServiceError, parse, schemaFields } from '../support/incident-fixtures.ts';
import { FAKE_PDF, PDF, PNG, festivalBody, makeApplication } from '../support/event-fixtures.ts';

let t: TestDatabase;
let officer: SessionUser;
let colleague: SessionUser;
let beheerder: SessionUser;
let zandvoort: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	officer = await createUser(t.db, { name: 'Vera Vergunning', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	colleague = await createUser(t.db, { name: 'Collega', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	// The model test changes Zandvoort's model, so the other tests keep Haarlem's default.
	beheerder = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: 'zandvoort' }] });
	zandvoort = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'zandvoort' }] });
});

afterAll(async () => {
	await t?.drop();
});

const count = async (table: 'eventApplication' | 'eventDocument' | 'eventStatusChange') =>
	Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('lifecycle', () => {
	it('concept → ingediend → in behandeling → besluit with who and when, class C with reasons and floors', async () => {
		const created = await makeApplication(t.db, officer);
		expect(created.status).toBe('concept');
		// The registration year (today, Amsterdam), not the event's 2027.
		expect(created.reference).toMatch(new RegExp(`^HLM-${registrationYear(new Date())}-\\d{4}$`));
		expect(created.category).toBe('C');
		expect(created.scan.modelVersion).toBe(0);
		expect(created.scan.result?.floors.map((f) => f.code)).toContain('peak_visitors_c');
		expect(created.scan.result?.reasons.find((r) => r.code === 'peak_visitors')?.points).toBe(8);
		expect(created.procedure).toBe('vergunning');
		expect(created.procedureReasons.map((r) => r.code)).toEqual(expect.arrayContaining(['visitors', 'category', 'one_street']));
		expect(created.deadlineDate).toBe('2027-03-20'); // 12 weeks before 12 June 2027
		expect(created.requiredDocuments.map((d) => [d.kind, d.present])).toEqual([
			['situatietekening', false],
			['veiligheidsplan', false],
			['constructieberekening', false]
		]);
		expect(created.preannouncement).toMatchObject({ due: '2026-10-20', reason: 'meer dan 3.000 bezoekers', done: false });

		const submitted = await submitApplication(t.db, officer, created.id, created.version, ctx);
		expect(submitted.status).toBe('ingediend');
		expect(submitted.submittedAt).not.toBeNull();
		expect(submitted.late).toBe(false);

		await expectServiceError(decideApplication(t.db, officer, created.id, parse(decisionInput, { version: submitted.version, decision: 'verleend', reason: 'ok' }), ctx), 409, 'invalid_transition');
		const treated = await transitionApplication(t.db, officer, created.id, parse(transitionInput, { version: submitted.version, status: 'in_behandeling' }), ctx);

		const missing = schemaFields(decisionInput, { version: treated.version, decision: 'verleend_met_voorschriften', reason: 'Passend' });
		expect(missing.map((f) => f.field)).toEqual(['conditions']);
		// No advice asked, no documents: refused with the list of what is missing, nothing written.
		const body = { version: treated.version, decision: 'verleend_met_voorschriften', conditions: 'Max. 103 dB(A)', reason: 'Passend bij het park' };
		const refused = await expectServiceError(decideApplication(t.db, colleague, created.id, parse(decisionInput, body), ctx), 409, 'decision_incomplete');
		expect((refused.extra.missing as { kind: string }[]).map((g) => g.kind)).toEqual(['advice_not_asked', 'document', 'document', 'document']);
		expect(refused.message).toContain('gezamenlijke advies');
		expect(refused.message).toContain('veiligheidsplan');
		expect((await getApplication(t.db, officer, created.id)).status).toBe('in_behandeling');
		// With an explicit reason the decision is taken, and the reason and the gaps stay with it.
		const decided = await decideApplication(
			t.db,
			colleague,
			created.id,
			parse(decisionInput, { ...body, despiteMissing: 'Spoedbesluit: de stukken zijn toegezegd' }),
			ctx
		);
		expect(decided.status).toBe('besluit');
		expect(decided.decision).toMatchObject({ decision: 'verleend_met_voorschriften', conditions: 'Max. 103 dB(A)', decidedBy: { id: colleague.id, name: 'Collega' } });
		expect(decided.decision?.despite?.reason).toBe('Spoedbesluit: de stukken zijn toegezegd');
		expect(decided.decision?.despite?.gaps).toHaveLength(4);
		expect(decided.history.at(-1)?.note).toMatch(/Besluit ondanks ontbrekend advies: Spoedbesluit.*ontbrak: het gezamenlijke advies/);
		expect(decided.history.map((h) => [h.fromStatus, h.toStatus, h.by?.name])).toEqual([
			[null, 'concept', 'Vera Vergunning'],
			['concept', 'ingediend', 'Vera Vergunning'],
			['ingediend', 'in_behandeling', 'Vera Vergunning'],
			['in_behandeling', 'besluit', 'Collega']
		]);
		// Closed: no more changes.
		await expectServiceError(updateApplication(t.db, officer, created.id, parse(applicationChangeInput, { version: decided.version, name: 'Anders' }), ctx), 409, 'application_closed');

		// On the calendar from submission on, with the public fields only.
		const calendar = await eventsSince(t.db, 'calendar', 0);
		const mine = calendar.filter((e) => (e.data as { id: string }).id === created.id);
		expect(mine.map((e) => e.type)).toEqual(['event.changed', 'event.changed', 'event.changed']);
		expect(JSON.stringify(mine)).not.toContain('anna@example.nl');
		const live = await eventsSince(t.db, `application:${created.id}`, 0);
		expect(live.at(-1)).toMatchObject({ type: 'application.changed', data: { status: 'besluit', version: decided.version } });
	});

	it('a late submission is flagged, not refused; a melding may be decided straight after submission', async () => {
		const soon = new Date(Date.now() + 10 * 86_400_000);
		const iso = (d: Date) => d.toISOString().replace('Z', '+00:00');
		const small = await makeApplication(t.db, officer, {
			name: 'Straatfeest',
			startsAt: iso(new Date(soon.setUTCHours(10, 0, 0, 0))),
			endsAt: iso(new Date(soon.setUTCHours(16, 0, 0, 0))),
			totalVisitors: 100,
			peakVisitors: 80,
			areaM2: 400,
			audience: [],
			alcohol: 'none',
			activities: [],
			site: 'street',
			oneStreet: true
		});
		expect(small.procedure).toBe('melding');
		expect(small.procedureReasons).toEqual([]);
		expect(small.category).toBe('A');
		const submitted = await submitApplication(t.db, officer, small.id, small.version, ctx);
		expect(submitted.late).toBe(true);
		expect(submitted.history.at(-1)?.note).toMatch(/Te laat ingediend/);
		// A melding needs no advice; its site map is the one document it must carry.
		await expectServiceError(
			decideApplication(t.db, officer, small.id, parse(decisionInput, { version: submitted.version, decision: 'verleend', reason: 'Voldoet aan de meldingsvoorwaarden' }), ctx),
			409,
			'decision_incomplete'
		);
		await uploadDocument(t.db, officer, small.id, { kind: 'situatietekening', filename: 'kaart.png', content: PNG }, ctx);
		const current = await getApplication(t.db, officer, small.id);
		const decided = await decideApplication(t.db, officer, small.id, parse(decisionInput, { version: current.version, decision: 'verleend', reason: 'Voldoet aan de meldingsvoorwaarden' }), ctx);
		expect(decided.status).toBe('besluit');
		expect(decided.decision?.despite).toBeNull();
	});

	it('withdrawing leaves the calendar; a running Bibob screening blocks the decision', async () => {
		const app = await makeApplication(t.db, officer, { name: 'Bibob-feest' });
		let view = await submitApplication(t.db, officer, app.id, app.version, ctx);
		view = await transitionApplication(t.db, officer, app.id, parse(transitionInput, { version: view.version, status: 'in_behandeling' }), ctx);
		await t.db.updateTable('eventApplication').set({ bibobStatus: 'loopt' }).where('id', '=', app.id).execute();
		const refused = await expectServiceError(decideApplication(t.db, officer, app.id, parse(decisionInput, { version: view.version, decision: 'verleend', reason: 'x' }), ctx), 409, 'bibob_pending');
		expect(refused.message).toBe('Er loopt een Bibob-toets voor deze aanvraag; een besluit kan pas als die is afgerond.');
		expect((await getApplication(t.db, officer, app.id)).bibobStatus).toBe('loopt');
		const withdrawn = await transitionApplication(t.db, officer, app.id, parse(transitionInput, { version: view.version, status: 'ingetrokken', note: 'Organisator stopt' }), ctx);
		expect(withdrawn.status).toBe('ingetrokken');
		const calendar = await eventsSince(t.db, 'calendar', 0);
		expect(calendar.filter((e) => (e.data as { id: string }).id === app.id).at(-1)?.type).toBe('event.removed');
		await expectServiceError(transitionApplication(t.db, officer, app.id, parse(transitionInput, { version: withdrawn.version, status: 'in_behandeling' }), ctx), 409, 'invalid_transition');
	});

	it('copies last year\'s edition: organiser, event and answers, dates a year on at the same local time', async () => {
		const source = await makeApplication(t.db, officer, { name: 'Jaarmarkt', startsAt: '2027-03-27T10:00:00+01:00', endsAt: '2027-03-27T17:00:00+01:00', preannounced: true, isNewEvent: true });
		const copy = await copyApplication(t.db, officer, source.id, ctx);
		expect(copy).toMatchObject({ name: 'Jaarmarkt', status: 'concept', organiserEmail: 'anna@example.nl', copiedFrom: source.id, isNewEvent: false, preannounced: false });
		expect(copy.activities).toEqual(source.activities);
		// 27 March 2027 is winter time, 27 March 2028 is after the DST change: still 10:00 local.
		expect(copy.startsAt).toBe('2028-03-27T08:00:00.000Z');
		expect(copy.documents).toEqual([]);
		// A copy for next year's edition is registered now: this year's reference, the next number.
		const year = registrationYear(new Date());
		expect(copy.reference).toMatch(new RegExp(`^HLM-${year}-`));
		expect(parseEventReference(copy.reference)!.sequence).toBe(parseEventReference(source.reference)!.sequence + 1);
	});
});

describe('risicoscan with the municipality model and the calendar context', () => {
	it('counts other B/C events on the same local day and scores with a saved model version', async () => {
		const day = { startsAt: '2027-08-14T12:00:00+02:00', endsAt: '2027-08-14T22:00:00+02:00' };
		const first = await makeApplication(t.db, zandvoort, { municipality: 'zandvoort', name: 'Eerste', ...day });
		expect(first.scan.result?.reasons.some((r) => r.code === 'concurrent_events')).toBe(false);
		await submitApplication(t.db, zandvoort, first.id, first.version, ctx);
		const second = await makeApplication(t.db, zandvoort, { municipality: 'zandvoort', name: 'Tweede', startsAt: '2027-08-14T19:00:00+02:00', endsAt: '2027-08-15T01:00:00+02:00' });
		expect(second.scan.result?.reasons.find((r) => r.code === 'concurrent_events')).toMatchObject({ points: 2 });
		// The calendar's night rule: 'Nacht' ends at 02:00 on the 15th, which belongs to the 14th, so an
		// event on the 15th does not count it.
		const night = await makeApplication(t.db, zandvoort, { municipality: 'zandvoort', name: 'Nacht', startsAt: '2027-08-14T20:00:00+02:00', endsAt: '2027-08-15T02:00:00+02:00' });
		await submitApplication(t.db, zandvoort, night.id, night.version, ctx);
		const nextDay = await makeApplication(t.db, zandvoort, { municipality: 'zandvoort', name: 'Derde', startsAt: '2027-08-15T10:00:00+02:00', endsAt: '2027-08-15T17:00:00+02:00' });
		expect(nextDay.scan.result?.reasons.some((r) => r.code === 'concurrent_events')).toBe(false);

		const settings = await loadEventSettings(t.db, beheerder, 'zandvoort');
		expect(settings.model.version).toBe(0);
		const m = DEFAULT_RISICOSCAN_MODEL;
		const input = parse(risicoscanModelInput, {
			basedOn: 0,
			note: 'Vuurwerk zwaarder',
			peakVisitorBands: m.peakVisitorBands,
			densityBands: m.densityBands,
			alcoholPoints: m.alcoholPoints,
			sitePoints: m.sitePoints,
			criterionPoints: { ...m.criterionPoints, amplified_music: 7 },
			indoorLargeMinPeak: m.indoorLargeMinPeak,
			classThresholds: m.classThresholds,
			floorThresholds: { peak_visitors_c: 25000 }
		});
		const saved = await saveRisicoscanModel(t.db, beheerder, 'zandvoort', input, ctx);
		expect(saved.version).toBe(1);
		await expectServiceError(saveRisicoscanModel(t.db, beheerder, 'zandvoort', input, ctx), 409, 'version_conflict');
		await expectServiceError(saveRisicoscanModel(t.db, zandvoort, 'zandvoort', input, ctx), 403);

		// The application keeps version 0 until its answers change; then it is rescored with version 1.
		expect((await getApplication(t.db, zandvoort, second.id)).scan.modelVersion).toBe(0);
		const changed = await updateApplication(t.db, zandvoort, second.id, parse(applicationChangeInput, { version: second.version, peakVisitors: 20000 }), ctx);
		expect(changed.scan.modelVersion).toBe(1);
		expect(changed.scan.result?.reasons.find((r) => r.code === 'amplified_music')?.points).toBe(7);
		expect(changed.scan.result?.floors.some((f) => f.code === 'peak_visitors_c')).toBe(false);

		// POST /api/v1/risicoscan with municipality scores with that model; without: the default.
		const body = parse(risicoscanInputSchema, { peakVisitors: 100, startsAt: '2027-06-12T12:00:00+02:00', endsAt: '2027-06-12T18:00:00+02:00', audience: [], alcohol: 'none', drugsExpected: false, rivalGroups: false, activities: ['amplified_music'], site: 'park', indoor: false, enclosed: false, roadClosures: false, poorAccess: false, nearHazard: false, municipality: 'zandvoort' });
		expect((await computeRisicoscan(t.db, officer, body)).points).toBe(7);
		expect((await computeRisicoscan(t.db, officer, { ...body, municipality: undefined })).points).toBe(1);
		expect((await computeRisicoscan(t.db, officer, { ...body, municipality: 'haarlem' })).points).toBe(1);
	});

	it('an override needs a reason, keeps the computed class beside it and moves the procedure', async () => {
		const app = await makeApplication(t.db, officer, { name: 'Override' });
		expect(schemaFields(overrideInput, { version: app.version, category: 'D', reason: '' }).map((f) => f.field)).toEqual(['category']);
		await expectServiceError(overrideCategory(t.db, officer, app.id, parse(overrideInput, { version: app.version, category: 'B', reason: '  ' }), ctx), 400);
		const overridden = await overrideCategory(t.db, officer, app.id, parse(overrideInput, { version: app.version, category: 'B', reason: 'Afgebakend terrein, ervaren organisator' }), ctx);
		expect(overridden.category).toBe('B');
		expect(overridden.scan.computedCategory).toBe('C');
		expect(overridden.override).toMatchObject({ category: 'B', reason: 'Afgebakend terrein, ervaren organisator', by: { id: officer.id } });
		expect(overridden.override?.at).toBeTruthy();
	});
});

describe('bad input and concurrency', () => {
	it('names every wrong field and writes nothing', async () => {
		const before = [await count('eventApplication'), await count('eventStatusChange')];
		const fields = schemaFields(
			newApplicationInput,
			festivalBody({
				municipality: 'amsterdam',
				startsAt: '2027-06-12T20:00:00+02:00',
				endsAt: '2027-06-12T18:00:00+02:00',
				peakVisitors: 500,
				totalVisitors: 100,
				areaM2: -5,
				name: 'x'.repeat(201),
				organiserKvk: '1234',
				organiserEmail: 'geen-adres'
			})
		);
		expect(fields.map((f) => f.field).sort()).toEqual(['areaM2', 'endsAt', 'municipality', 'name', 'organiserEmail', 'organiserKvk', 'totalVisitors'].sort());
		expect(fields.find((f) => f.field === 'endsAt')?.message).toBe('Het einde moet na het begin liggen.');
		// A change that only makes sense with the stored values is checked against them.
		const app = await makeApplication(t.db, officer, { name: 'Combinatie' });
		const stored = [await count('eventApplication'), await count('eventStatusChange')];
		const err = await expectServiceError(updateApplication(t.db, officer, app.id, parse(applicationChangeInput, { version: app.version, endsAt: '2027-06-12T10:00:00+02:00', peakVisitors: 40000 }), ctx), 400);
		expect(err.fields?.map((f) => f.field)).toEqual(['endsAt', 'totalVisitors']);
		expect((await getApplication(t.db, officer, app.id)).version).toBe(app.version);
		expect([await count('eventApplication'), await count('eventStatusChange')]).toEqual(stored);
		expect(stored[0]).toBe(before[0]! + 1);
		// Submission needs organiser and place.
		const bare = await createApplication(t.db, officer, parse(newApplicationInput, { municipality: 'haarlem', name: 'Kaal', startsAt: '2027-09-01T10:00:00+02:00', endsAt: '2027-09-01T12:00:00+02:00' }), ctx);
		const incomplete = await expectServiceError(submitApplication(t.db, officer, bare.id, bare.version, ctx), 400);
		expect(incomplete.fields?.map((f) => f.field)).toEqual(['organiserName', 'organiserEmail', 'address', 'peakVisitors']);
	});

	it('a stale edit gets 409 with the current record', async () => {
		const app = await makeApplication(t.db, officer, { name: 'Gelijktijdig' });
		const mine = await updateApplication(t.db, officer, app.id, parse(applicationChangeInput, { version: app.version, description: 'Eerste' }), ctx);
		const err = await expectServiceError(updateApplication(t.db, colleague, app.id, parse(applicationChangeInput, { version: app.version, description: 'Tweede' }), ctx), 409, 'version_conflict');
		expect((err.extra.current as { description: string; version: number }).description).toBe('Eerste');
		// Who changed it and when, not a version number.
		expect(err.message).toMatch(new RegExp(`^${officer.name} heeft deze aanvraag om \\d{1,2}-\\d{1,2}-\\d{4} \\d{2}:\\d{2} gewijzigd\\. `));
		expect(err.message).not.toMatch(/versie/);
		expect((err.extra.current as { version: number }).version).toBe(mine.version);
		// Two at once with the same version: exactly one wins.
		const results = await Promise.allSettled([
			updateApplication(t.db, officer, app.id, parse(applicationChangeInput, { version: mine.version, name: 'A' }), ctx),
			updateApplication(t.db, colleague, app.id, parse(applicationChangeInput, { version: mine.version, name: 'B' }), ctx)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
	});
});

describe('documents', () => {
	it('stores files in the database, recognised by content, within the limits', async () => {
		const app = await makeApplication(t.db, officer, { name: 'Documenten' });
		const doc = await uploadDocument(t.db, officer, app.id, { kind: 'veiligheidsplan', filename: '../../etc/Veiligheids"plan.pdf', content: PDF }, ctx);
		expect(doc).toMatchObject({ kind: 'veiligheidsplan', filename: 'Veiligheidsplan.pdf', mimeType: 'application/pdf', sizeBytes: PDF.byteLength });
		await uploadDocument(t.db, officer, app.id, { kind: 'situatietekening', filename: 'kaart.jpg', content: PNG }, ctx);
		const stored = await t.db.selectFrom('eventDocument').select(['mimeType', sql<number>`octet_length(content)`.as('bytes')]).where('applicationId', '=', app.id).execute();
		expect(stored).toEqual([
			{ mimeType: 'application/pdf', bytes: PDF.byteLength },
			{ mimeType: 'image/png', bytes: PNG.byteLength }
		]);
		const view = await getApplication(t.db, officer, app.id);
		expect(view.requiredDocuments.map((d) => [d.kind, d.present])).toEqual([
			['situatietekening', true],
			['veiligheidsplan', true],
			['constructieberekening', false]
		]);
		const download = await downloadDocument(t.db, colleague, app.id, doc.id);
		expect(Buffer.from(download.content).equals(Buffer.from(PDF))).toBe(true);

		const documents = await count('eventDocument');
		await expectServiceError(uploadDocument(t.db, officer, app.id, { kind: 'overig', filename: 'plan.pdf', content: FAKE_PDF }, ctx), 415, 'file_type_refused');
		await expectServiceError(uploadDocument(t.db, officer, app.id, { kind: 'overig', filename: 'groot.pdf', content: new Uint8Array(10 * 1024 * 1024 + 1) }, ctx), 413, 'file_too_large');
		expect(await count('eventDocument')).toBe(documents);
	});
});

describe('lists', () => {
	it('lists the own municipality, filtered by status', async () => {
		const all = await listApplications(t.db, officer);
		expect(all.length).toBeGreaterThan(3);
		expect(all.every((a) => a.municipality === 'haarlem')).toBe(true);
		const concepts = await listApplications(t.db, officer, { status: 'concept' });
		expect(concepts.every((a) => a.status === 'concept')).toBe(true);
	});
});
