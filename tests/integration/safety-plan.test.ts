// The integral safety plan (issue 18) on real PostgreSQL: the demo plans seeded once, the list
// contract of GET /api/v1/safety-plans to the letter, who reads and who writes, an action's status
// with its version (409 with the current action), a plan's adjustment keeping the earlier version
// readable, and the figures Paraat holds itself counted per year (Bibob only as counts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import writeExcelFile, { type Row } from 'write-excel-file/node';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { seedDemoSafetyPlans } from '../../src/lib/server/demo/demo-safety-plan.ts';
import { importFigures } from '../../src/lib/server/safety-plan/safety-plan-import.ts';
import { FILE_TYPE_REFUSED } from '../../src/lib/server/safety-plan/safety-plan-import-file.ts';
import { ownFigures, planVersions, planView, programme, regionView } from '../../src/lib/server/safety-plan/safety-plan-service.ts';
import { revisePlan } from '../../src/lib/server/safety-plan/safety-plan-editing.ts';
import type { SafetyPlanAction, SafetyPlanSummary } from '../../src/lib/contracts/safety-plan.ts';
import * as listRoute from '../../src/routes/api/v1/safety-plans/+server.ts';
import * as progressRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/progress.pdf/+server.ts';
import * as docxRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/progress.docx/+server.ts';
import * as actionRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/actions/[actionId=uuid]/+server.ts';
import { requestLocals } from '../support/request-locals.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { ctx, expectServiceError, makeIncident } from '../support/incident-fixtures.ts';
import { insertApplication, SCANS } from '../support/inserted-applications.ts';
import { openOtherScreening } from '../support/bibob-fixtures.ts';

let t: TestDatabase;
let adviserHeemskerk: SessionUser;
let kabinetHeemskerk: SessionUser;
let adviserBeverwijk: SessionUser;
let wiv: SessionUser;
let permits: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url; // getDb() of the routes
	adviserHeemskerk = await createUser(t.db, { grants: [{ role: 'beleidsadviseur', municipality: 'heemskerk' }] });
	kabinetHeemskerk = await createUser(t.db, { grants: [{ role: 'kabinet', municipality: 'heemskerk' }] });
	adviserBeverwijk = await createUser(t.db, { grants: [{ role: 'beleidsadviseur', municipality: 'beverwijk' }] });
	wiv = await createUser(t.db, { grants: [{ role: 'beleidsadviseur', municipality: null }] });
	permits = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'heemskerk' }] });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

type Handler = (event: never) => Response | Promise<Response>;

async function call(handler: Handler, user: SessionUser | null, options: { query?: string; params?: Record<string, string>; method?: string; body?: unknown } = {}) {
	const url = new URL(`http://localhost/api/v1/safety-plans${options.query ?? ''}`);
	const request = new Request(url, {
		method: options.method ?? 'GET',
		headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
		body: options.body === undefined ? undefined : JSON.stringify(options.body)
	});
	const event = { locals: { user, session: null, requestId: 'safety-plan', ...requestLocals(t.db, '192.0.2.18') }, params: options.params ?? {}, url, request, getClientAddress: () => '192.0.2.18' };
	const response = await handler(event as never);
	const type = response.headers.get('content-type') ?? '';
	if (type.startsWith('application/vnd.openxmlformats')) {
		const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
		return { status: response.status, type, body: Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)])) };
	}
	if (type === 'application/pdf') return { status: response.status, type, body: Buffer.from(await response.arrayBuffer()).toString('latin1') };
	return { status: response.status, type, body: await response.json() };
}

const planOf = async (municipality: string): Promise<SafetyPlanSummary> => {
	const { body } = await call(listRoute.GET, wiv, { query: `?municipality=${municipality}` });
	return (body as SafetyPlanSummary[])[0]!;
};

describe('the demo plans', () => {
	it('are seeded once, each with its first version kept', async () => {
		expect(await seedDemoSafetyPlans(t.db)).toBe(3);
		expect(await seedDemoSafetyPlans(t.db)).toBe(0);
		const counts = await sql<{ plans: number; versions: number; undemo: number }>`select
			(select count(*)::int from safety_plan) as plans,
			(select count(*)::int from safety_plan_version) as versions,
			(select count(*)::int from safety_plan_action where not is_demo) + (select count(*)::int from safety_plan_measurement where not is_demo) as undemo`.execute(t.db);
		expect(counts.rows[0]).toEqual({ plans: 3, versions: 3, undemo: 0 });
	});

	it('carry the priorities and themes of the seed documents', async () => {
		const plan = await planView(t.db, adviserHeemskerk, (await planOf('heemskerk')).id);
		expect(plan.plan.title).toBe('Integraal Veiligheids- en Handhavingsplan 2021-2024');
		expect(plan.plan.ambition).toBe('Zichtbaar en merkbaar veiliger.');
		expect(plan.plan.priorities.filter((p) => p.kind === 'prioriteit').map((p) => p.title)).toEqual(['Zorg en veiligheid', 'Jeugd en veiligheid', 'Ondermijning', 'Leefbaarheid in de wijken']);
		expect(plan.plan.priorities.filter((p) => p.kind === 'thema').map((p) => p.title)).toEqual(['Evenementen', 'Veiligheidsregio en crisisbeheersing']);
		for (const p of plan.plan.priorities) {
			for (const field of [p.why, p.ambition, p.approach, p.conditions, p.focusArea, p.partners, p.residentsRole]) expect(field.length).toBeGreaterThan(5);
		}
		const beverwijk = await planView(t.db, wiv, (await planOf('beverwijk')).id);
		expect(beverwijk.plan.priorities[0]!.focusArea).toContain('De Drie Straatjes en Oosterwijk');
		// Every demo figure names its source and says it is demo data.
		for (const i of plan.indicators) {
			expect(i.source).toContain('demogegevens');
			for (const m of i.measurements) expect(m).toMatchObject({ isDemo: true, measuredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
		}
	});
});

describe('GET /api/v1/safety-plans', () => {
	it('answers the contract to the letter', async () => {
		const { status, body } = await call(listRoute.GET, adviserHeemskerk, { query: '?municipality=heemskerk' });
		expect(status).toBe(200);
		expect(body).toHaveLength(1);
		const [plan] = body as SafetyPlanSummary[];
		expect(Object.keys(plan!).sort()).toEqual(['endYear', 'id', 'municipality', 'priorities', 'startYear', 'title']);
		expect(plan).toMatchObject({ municipality: 'heemskerk', title: 'Integraal Veiligheids- en Handhavingsplan 2021-2024', startYear: 2021, endYear: 2024 });
		expect(plan!.priorities.map((p) => Object.keys(p).sort())).toEqual(Array(4).fill(['ambition', 'id', 'title']));
		expect(plan!.priorities[0]).toMatchObject({ title: 'Zorg en veiligheid', ambition: expect.stringContaining('verward gedrag') });
	});

	it('lists, without a municipality, the plans the user may read', async () => {
		const own = await call(listRoute.GET, kabinetHeemskerk);
		expect((own.body as SafetyPlanSummary[]).map((p) => p.municipality)).toEqual(['heemskerk']);
		const region = await call(listRoute.GET, wiv);
		expect((region.body as SafetyPlanSummary[]).map((p) => p.municipality)).toEqual(['beverwijk', 'heemskerk', 'heemstede']);
		expect((await call(listRoute.GET, wiv, { query: '?municipality=haarlem' })).body).toEqual([]);
	});

	it('refuses as problem+json: unknown municipality 400, another municipality 403, no role 403, no session 401', async () => {
		const unknown = await call(listRoute.GET, adviserHeemskerk, { query: '?municipality=amsterdam' });
		expect(unknown).toMatchObject({ status: 400, type: expect.stringContaining('application/problem+json') });
		expect(unknown.body.detail).toContain('Onbekende gemeente');
		expect((await call(listRoute.GET, adviserHeemskerk, { query: '?municipality=beverwijk' })).status).toBe(403);
		expect((await call(listRoute.GET, permits, { query: '?municipality=heemskerk' })).status).toBe(403);
		expect((await call(listRoute.GET, null)).status).toBe(401);
	});
});

describe('an action of the execution programme', () => {
	let planId: string;
	let action: SafetyPlanAction;

	beforeAll(async () => {
		planId = (await planOf('heemskerk')).id;
		action = (await programme(t.db, adviserHeemskerk, planId, 2024)).find((a) => a.status === 'gepland')!;
	});

	const patch = (user: SessionUser, body: unknown, id = action.id) => call(actionRoute.PATCH, user, { method: 'PATCH', params: { id: planId, actionId: id }, body });

	it('lists a year with owner, quarter and status, and refuses a year outside the plan', async () => {
		const actions = await programme(t.db, kabinetHeemskerk, planId, 2024);
		expect(actions.length).toBe(6);
		expect(actions.every((a) => a.year === 2024 && a.owner && a.plannedQuarter >= 1 && a.plannedQuarter <= 4)).toBe(true);
		await expectServiceError(programme(t.db, adviserHeemskerk, planId, 2019), 400, 'validation_failed');
	});

	it('is changed by its municipality’s beleidsadviseur, audited, with a new version', async () => {
		const { status, body } = await patch(adviserHeemskerk, { version: action.version, status: 'in_uitvoering' });
		expect(status).toBe(200);
		expect(body).toMatchObject({ id: action.id, status: 'in_uitvoering', version: action.version + 1 });
		const audit = await t.db.selectFrom('auditLog').select(['action', 'municipalityCode']).where('entityId', '=', action.id).execute();
		expect(audit).toEqual([{ action: 'safety_plan.action_status_changed', municipalityCode: 'heemskerk' }]);
	});

	it('answers a stale version with 409 and the current action, changing nothing', async () => {
		const { status, body } = await patch(adviserHeemskerk, { version: action.version, status: 'gereed' });
		expect(status).toBe(409);
		expect(body.code).toBe('version_conflict');
		expect(body.current).toMatchObject({ status: 'in_uitvoering', version: action.version + 1 });
	});

	it('is refused to the kabinet, the region and another municipality (403), bad input 400, unknown 404', async () => {
		const body = { version: action.version + 1, status: 'gereed' };
		expect((await patch(kabinetHeemskerk, body)).status).toBe(403);
		expect((await patch(wiv, body)).status).toBe(403);
		expect((await patch(adviserBeverwijk, body)).status).toBe(403);
		const bad = await patch(adviserHeemskerk, { version: -1, status: 'klaar' });
		expect(bad.status).toBe(400);
		expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['status', 'version']);
		expect((await patch(adviserHeemskerk, body, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
		const row = await t.db.selectFrom('safetyPlanAction').select(['status', 'version']).where('id', '=', action.id).executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'in_uitvoering', version: action.version + 1 });
	});
});

describe('adjusting a plan', () => {
	it('keeps the earlier version readable and refuses a stale one', async () => {
		const id = (await planOf('beverwijk')).id;
		const before = (await planView(t.db, adviserBeverwijk, id)).plan;
		const revised = await revisePlan(t.db, adviserBeverwijk, id, { version: before.version, title: before.title, ambition: 'Een veiliger Beverwijk in elke buurt.', endYear: 2025, reason: 'Verlengd tot het nieuwe plan' }, ctx);
		expect(revised).toMatchObject({ version: before.version + 1, endYear: 2025, ambition: 'Een veiliger Beverwijk in elke buurt.' });
		const versions = await planVersions(t.db, wiv, id);
		expect(versions.map((v) => [v.version, v.reason])).toEqual([
			[1, 'Vastgesteld (demo)'],
			[2, 'Verlengd tot het nieuwe plan']
		]);
		expect(versions[0]!.snapshot).toMatchObject({ version: 1, endYear: 2024, ambition: before.ambition });
		expect(versions[0]!.snapshot.priorities.map((p) => p.title)).toEqual(before.priorities.map((p) => p.title));
		await expectServiceError(revisePlan(t.db, adviserBeverwijk, id, { version: before.version, title: 'X', ambition: '', endYear: 2024, reason: 'Te laat' }, ctx), 409, 'version_conflict');
		await expectServiceError(revisePlan(t.db, adviserBeverwijk, id, { version: 2, title: ' ', ambition: '', endYear: 2040, reason: '' }, ctx), 400, 'validation_failed');
		await expectServiceError(revisePlan(t.db, kabinetHeemskerk, id, { version: 2, title: 'X', ambition: '', endYear: 2024, reason: 'r' }, ctx), 403);
		expect((await planVersions(t.db, wiv, id)).length).toBe(2);
	});
});

describe('figures Paraat holds itself', () => {
	it('counts events per class, Bibob screenings started and completed, and exercises, per year of the plan', async () => {
		const id = (await planOf('heemstede')).id;
		await insertApplication(t.db, { municipality: 'heemstede', scan: SCANS.C, startsAt: '2026-06-20T12:00:00+02:00', endsAt: '2026-06-20T23:00:00+02:00' });
		await insertApplication(t.db, { municipality: 'heemstede', scan: SCANS.A, startsAt: '2026-07-04T12:00:00+02:00', endsAt: '2026-07-04T18:00:00+02:00' });
		await insertApplication(t.db, { municipality: 'haarlem', scan: SCANS.C, startsAt: '2026-06-20T12:00:00+02:00', endsAt: '2026-06-20T23:00:00+02:00' });
		const officer = await createUser(t.db, { grants: [{ role: 'bibob', municipality: 'heemstede' }] });
		await openOtherScreening(t.db, officer, 'heemstede');
		const leader = await createUser(t.db, { grants: [{ role: 'oefenleider', municipality: null }] });
		await makeIncident(t.db, leader, { title: 'Oefening Heemstede', kind: 'oefening', municipalities: ['heemstede'], startedAt: '2026-03-12T19:00:00+01:00' });
		const figures = await ownFigures(t.db, wiv, id);
		expect(figures.map((f) => f.year)).toEqual([2025, 2026, 2027]);
		const y2026 = figures.find((f) => f.year === 2026)!;
		expect(y2026.eventsByClass).toEqual({ A: 1, B: 0, C: 1 });
		expect(y2026.bibobStarted).toBe(1);
		expect(y2026.bibobCompleted).toBe(0);
		expect(y2026.exercisesHeld).toBe(1);
		expect(figures.find((f) => f.year === 2025)).toEqual({
			year: 2025,
			eventsByClass: { A: 0, B: 0, C: 0 },
			bibobStarted: 0,
			bibobCompleted: 0,
			exercisesHeld: 0,
			exerciseEvaluationActions: 0,
			exerciseEvaluationActionsDone: 0
		});
		await expectServiceError(ownFigures(t.db, adviserHeemskerk, id), 403);
	});
});

describe('GET /api/v1/safety-plans/:id/progress.pdf', () => {
	it('answers a tagged PDF in Dutch for a half of the plan', async () => {
		const id = (await planOf('heemskerk')).id;
		const { status, type, body } = await call(progressRoute.GET, kabinetHeemskerk, { query: '?half=2024-1', params: { id } });
		expect(status).toBe(200);
		expect(type).toBe('application/pdf');
		expect(body.startsWith('%PDF-1.7')).toBe(true);
		// Tagged: a structure tree with tables and headers, marked content, Dutch, the title shown.
		expect(body).toContain('/StructTreeRoot');
		expect(body).toContain('/MarkInfo');
		expect(body).toContain('/Marked true');
		expect(body).toContain('/Lang (nl-NL)');
		expect(body).toContain('/S /Table');
		expect(body).toContain('/S /TH');
		expect(body).toContain('/DisplayDocTitle true');
	});

	it('refuses a malformed half, one outside the plan, another municipality and an unknown plan', async () => {
		const id = (await planOf('heemskerk')).id;
		const malformed = await call(progressRoute.GET, adviserHeemskerk, { query: '?half=2024-3', params: { id } });
		expect(malformed.status).toBe(400);
		expect(malformed.body.invalidParams[0]).toMatchObject({ name: 'half', reason: expect.stringContaining('JJJJ-1') });
		expect((await call(progressRoute.GET, adviserHeemskerk, { params: { id } })).status).toBe(400);
		expect((await call(progressRoute.GET, adviserHeemskerk, { query: '?half=2026-1', params: { id } })).status).toBe(400);
		expect((await call(progressRoute.GET, adviserBeverwijk, { query: '?half=2024-1', params: { id } })).status).toBe(403);
		expect((await call(progressRoute.GET, adviserHeemskerk, { query: '?half=2024-1', params: { id: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404);
	});
});

describe('GET /api/v1/safety-plans/:id/progress.docx', () => {
	it('answers an editable Word document with the same figures, sources and dates, in Dutch', async () => {
		const id = (await planOf('heemskerk')).id;
		const { status, type, body } = await call(docxRoute.GET, kabinetHeemskerk, { query: '?half=2024-1', params: { id } });
		expect(status).toBe(200);
		expect(type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		const document = body['word/document.xml'] as string;
		expect(document).toContain('Voortgangsrapportage Integraal Veiligheids- en Handhavingsplan 2021-2024');
		expect(document).toContain('Toelichting van het college');
		expect(document).toContain('Woninginbraken (aantal)');
		// The latest figure up to 2024 with its source and measurement date.
		expect(document).toContain('79 (2023)');
		expect(document).toContain('Politie, basisteam Kennemerland-Noord — demogegevens (fictief), 2024-02-15');
		expect(document).toContain('<w:tblHeader/>');
		expect(body['word/styles.xml']).toContain('w:val="nl-NL"');
		expect(body['docProps/core.xml']).toContain('<dc:title>Voortgangsrapportage Integraal Veiligheids- en Handhavingsplan 2021-2024</dc:title>');
	});

	it('refuses as the PDF does', async () => {
		const id = (await planOf('heemskerk')).id;
		expect((await call(docxRoute.GET, adviserHeemskerk, { query: '?half=2030-1', params: { id } })).status).toBe(400);
		expect((await call(docxRoute.GET, adviserBeverwijk, { query: '?half=2024-1', params: { id } })).status).toBe(403);
	});
});

describe('the region’s view', () => {
	it('shows the WIV the nine municipalities’ priorities side by side; a municipal grant is refused', async () => {
		const view = await regionView(t.db, wiv, 2024);
		expect(view.rows.map((r) => [r.municipality, r.plan?.startYear ?? null])).toEqual([
			['beverwijk', 2020],
			['bloemendaal', null],
			['haarlem', null],
			['haarlemmermeer', null],
			['heemskerk', 2021],
			['heemstede', 2025],
			['uitgeest', null],
			['velsen', null],
			['zandvoort', null]
		]);
		expect(view.shared.map((s) => [s.title, s.municipalities])).toEqual([
			['Ondermijning', ['Beverwijk', 'Heemskerk', 'Heemstede']],
			['Jeugd en veiligheid', ['Beverwijk', 'Heemskerk']]
		]);
		expect(view.rows.find((r) => r.municipality === 'heemstede')!.priorities.find((p) => p.title === 'Cybercrime')).toEqual({ title: 'Cybercrime', imv: 'Cybercrime', shared: false });
		await expectServiceError(regionView(t.db, adviserHeemskerk, 2024), 403);
		await expectServiceError(regionView(t.db, permits, 2024), 403);
	});
});

describe('importing figures', () => {
	const mapping = { indicator: 'Indicator', year: 'Jaar', value: 'Waarde', area: 'Gebied', measuredOn: 'Datum', source: 'Bron' };
	const defaults = { source: 'Politie', measuredOn: '2025-01-10' };
	const file = (text: string) => ({ text, bytes: Buffer.byteLength(text) });
	const good = 'Indicator;Jaar;Waarde;Gebied;Datum;Bron\nWoninginbraken;2024;71;;10-01-2025;Politie basisteam\nWoninginbraken;2024;12;WK039601;10-01-2025;Politie basisteam\n';
	const figures = async () =>
		(await sql<{ n: number }>`select count(*)::int as n from safety_plan_measurement m join safety_plan_indicator i on i.id = m.indicator_id where i.title = 'Woninginbraken'`.execute(t.db)).rows[0]!.n;

	it('checks without writing, then writes the whole file once; a second import changes nothing', async () => {
		const id = (await planOf('heemskerk')).id;
		const before = await figures();
		const checked = await importFigures(t.db, adviserHeemskerk, id, file(good), mapping, defaults, { apply: false, ip: null });
		expect(checked).toMatchObject({ errors: [], imported: 0 });
		expect(checked.rows).toHaveLength(2);
		expect(await figures()).toBe(before);

		expect((await importFigures(t.db, adviserHeemskerk, id, file(good), mapping, defaults, { apply: true, ip: null })).imported).toBe(2);
		expect(await figures()).toBe(before + 2);
		expect((await importFigures(t.db, adviserHeemskerk, id, file(good), mapping, defaults, { apply: true, ip: null })).imported).toBe(2);
		expect(await figures()).toBe(before + 2);
		const view = await planView(t.db, kabinetHeemskerk, id);
		const burglaries = view.indicators.find((i) => i.title === 'Woninginbraken')!;
		expect(burglaries.measurements.filter((m) => m.year === 2024)).toEqual([
			{ areaCode: '', year: 2024, value: 71, source: 'Politie basisteam', measuredOn: '2025-01-10', isDemo: false },
			{ areaCode: 'WK039601', year: 2024, value: 12, source: 'Politie basisteam', measuredOn: '2025-01-10', isDemo: false }
		]);
		const audit = await t.db.selectFrom('auditLog').select('action').where('action', '=', 'safety_plan.figures_imported').execute();
		expect(audit).toHaveLength(2);
	});

	it('writes nothing when one row is wrong, and says which', async () => {
		const id = (await planOf('heemskerk')).id;
		const before = await figures();
		const bad = 'Indicator;Jaar;Waarde;Gebied;Datum;Bron\nWoninginbraken;2023;70;;;\nWoninginbraken;2023;veel;;;\n';
		const result = await importFigures(t.db, adviserHeemskerk, id, file(bad), mapping, defaults, { apply: true, ip: null });
		expect(result).toMatchObject({ imported: 0, errors: ['Rij 3: waarde "veel" is geen getal.'] });
		expect(await figures()).toBe(before);
	});

	it('refuses another municipality, the kabinet, an unreadable or empty file', async () => {
		const id = (await planOf('heemskerk')).id;
		await expectServiceError(importFigures(t.db, adviserBeverwijk, id, file(good), mapping, defaults, { apply: true, ip: null }), 403);
		await expectServiceError(importFigures(t.db, kabinetHeemskerk, id, file(good), mapping, defaults, { apply: true, ip: null }), 403);
		await expectServiceError(importFigures(t.db, adviserHeemskerk, id, file('Indicator;Jaar\n"open;2024\n'), mapping, defaults, { apply: true, ip: null }), 400, 'invalid_csv');
		await expectServiceError(importFigures(t.db, adviserHeemskerk, id, file(''), mapping, defaults, { apply: true, ip: null }), 400, 'empty_file');
	});
});

describe('importing figures from an Excel workbook', () => {
	const mapping = { indicator: 'Indicator', year: 'Jaar', value: 'Waarde', area: 'Gebied', measuredOn: 'Datum', source: 'Bron' };
	const defaults = { source: 'Veiligheidsmonitor', measuredOn: '2025-03-01' };
	const header: Row = ['Indicator', 'Jaar', 'Waarde', 'Gebied', 'Datum', 'Bron'].map((value) => ({ value, fontWeight: 'bold' as const }));
	const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
	/** A workbook as a spreadsheet saves it: numbers in number cells, dates in date cells. */
	const workbook = async (rows: Row[]) => ({ content: new Uint8Array(await writeExcelFile([header, ...rows]).toBuffer()) });
	const good: Row[] = [
		[{ type: String, value: 'Woninginbraken' }, { type: Number, value: 2022 }, { type: Number, value: 1.234 }, null, { type: Date, value: day('2023-02-14'), format: 'dd-mm-yyyy' }, { type: String, value: 'Politie, jaarcijfers' }],
		[{ type: String, value: 'woninginbraken' }, { type: Number, value: 2022 }, { type: Number, value: 9 }, { type: String, value: 'WK039602' }, null, null],
		[{ type: String, value: 'Woninginbraken' }, { type: String, value: '2021' }, { type: String, value: '1.234,5' }, { type: String, value: 'WK039602' }, { type: String, value: '1-3-2022' }, null]
	];
	const figures2022 = async () =>
		(
			await sql<{ area: string; year: number; value: string; source: string; measured: string }>`
				select m.area_code as area, m.year, m.value::text as value, m.source, to_char(m.measured_on, 'YYYY-MM-DD') as measured
				from safety_plan_measurement m join safety_plan_indicator i on i.id = m.indicator_id
				where i.title = 'Woninginbraken' and m.year in (2021, 2022) and m.source <> '' and not m.is_demo order by m.year, m.area_code`.execute(t.db)
		).rows;

	it('reads number and date cells as they are, checks without writing, imports once; a second import changes nothing', async () => {
		const id = (await planOf('heemskerk')).id;
		const file = await workbook(good);
		const before = await figures2022();

		const checked = await importFigures(t.db, adviserHeemskerk, id, file, mapping, defaults, { apply: false, ip: null });
		expect(checked.errors).toEqual([]);
		expect(checked.imported).toBe(0);
		expect(checked.rows.map((r) => [r.line, r.areaCode, r.year, r.value, r.source, r.measuredOn])).toEqual([
			[2, '', 2022, 1.234, 'Politie, jaarcijfers', '2023-02-14'],
			[3, 'WK039602', 2022, 9, 'Veiligheidsmonitor', '2025-03-01'],
			[4, 'WK039602', 2021, 1234.5, 'Veiligheidsmonitor', '2022-03-01']
		]);
		expect(await figures2022()).toEqual(before);

		expect((await importFigures(t.db, adviserHeemskerk, id, file, mapping, defaults, { apply: true, ip: null })).imported).toBe(3);
		const after = await figures2022();
		expect(after).toEqual([
			{ area: 'WK039602', year: 2021, value: '1234.5', source: 'Veiligheidsmonitor', measured: '2022-03-01' },
			{ area: '', year: 2022, value: '1.234', source: 'Politie, jaarcijfers', measured: '2023-02-14' },
			{ area: 'WK039602', year: 2022, value: '9', source: 'Veiligheidsmonitor', measured: '2025-03-01' }
		]);
		expect((await importFigures(t.db, adviserHeemskerk, id, await workbook(good), mapping, defaults, { apply: true, ip: null })).imported).toBe(3);
		expect(await figures2022()).toEqual(after);
	});

	it('writes nothing when a row is wrong and names the row as the spreadsheet numbers it', async () => {
		const id = (await planOf('heemskerk')).id;
		const before = await figures2022();
		const bad: Row[] = [
			[{ type: String, value: 'Woninginbraken' }, { type: Number, value: 2022 }, { type: Number, value: 55 }, null, null, null],
			[null, null, null, null, null, null],
			[{ type: String, value: 'Woninginbraken' }, { type: Number, value: 2022 }, { type: String, value: 'veel' }, { type: String, value: 'WK039603' }, { type: Date, value: day('2023-02-14'), format: 'dd-mm-yyyy' }, null]
		];
		const result = await importFigures(t.db, adviserHeemskerk, id, await workbook(bad), mapping, defaults, { apply: true, ip: null });
		expect(result).toMatchObject({ imported: 0, errors: ['Rij 4: waarde "veel" is geen getal.'] });
		expect(await figures2022()).toEqual(before);
	});

	it('recognises the file by its content: a workbook named .csv is read, a zip or an image is refused in Dutch', async () => {
		const id = (await planOf('heemskerk')).id;
		const check = (content: Uint8Array) => importFigures(t.db, adviserHeemskerk, id, { content }, mapping, defaults, { apply: false, ip: null });
		expect((await check((await workbook(good)).content)).rows).toHaveLength(3);
		await expectServiceError(check(zipSync({ 'cijfers.csv': strToU8('Indicator;Jaar;Waarde\nWoninginbraken;2022;5\n') })), 415, 'file_type_refused');
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
		expect((await expectServiceError(check(png), 415, 'file_type_refused')).message).toBe(FILE_TYPE_REFUSED);
		await expectServiceError(check(new Uint8Array([1, 0, 2, 0, 3])), 415, 'file_type_refused');
	});
});
