// Editing a safety plan and its reports on real PostgreSQL (issue 18): revising the plan gives
// version N+1 while version N stays readable as it was; a revision on a stale version is refused
// (409, naming who revised it) and writes nothing; another municipality's adviser and the kabinet
// are refused; actions, indicators and hand-entered figures are added through the API and the
// forms (Dutch errors per field, typed values kept); the exercises' evaluation actions are counted;
// the yearly execution programme as PDF (its text read by Poppler) and .docx, every number with
// its source and date, the charts in both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { strFromU8, unzipSync } from 'fflate';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { seedDemoSafetyPlans } from '../../src/lib/server/demo/demo-safety-plan.ts';
import { ownFigures, planView, programme } from '../../src/lib/server/safety-plan/safety-plan-service.ts';
import { addActionFromForm, measurementFromForm, reviseFromForm } from '../../src/lib/server/safety-plan/safety-plan-edit-page.ts';
import type { SafetyPlanRecord, SafetyPlanSummary } from '../../src/lib/contracts/safety-plan.ts';
import * as listRoute from '../../src/routes/api/v1/safety-plans/+server.ts';
import * as planRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/+server.ts';
import * as versionsRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/versions/+server.ts';
import * as versionRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/versions/[version=int]/+server.ts';
import * as actionsRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/actions/+server.ts';
import * as indicatorsRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/indicators/+server.ts';
import * as measurementsRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/indicators/[indicatorId=uuid]/measurements/+server.ts';
import * as programmePdfRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/programme.pdf/+server.ts';
import * as programmeDocxRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/programme.docx/+server.ts';
import * as progressRoute from '../../src/routes/api/v1/safety-plans/[id=uuid]/progress.pdf/+server.ts';
import { requestLocals } from '../support/request-locals.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { makeIncident } from '../support/incident-fixtures.ts';
import { pdfLines, pdfStructure } from '../support/poppler.ts';

let t: TestDatabase;
let adviser: SessionUser;
let colleague: SessionUser;
let kabinet: SessionUser;
let adviserBeverwijk: SessionUser;
let heemskerk: string;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	adviser = await createUser(t.db, { name: 'Anna Adviseur', grants: [{ role: 'beleidsadviseur', municipality: 'heemskerk' }] });
	colleague = await createUser(t.db, { name: 'Bram Collega', grants: [{ role: 'beleidsadviseur', municipality: 'heemskerk' }] });
	kabinet = await createUser(t.db, { grants: [{ role: 'kabinet', municipality: 'heemskerk' }] });
	adviserBeverwijk = await createUser(t.db, { grants: [{ role: 'beleidsadviseur', municipality: 'beverwijk' }] });
	await seedDemoSafetyPlans(t.db);
	const { body } = await call(listRoute.GET, adviser, { query: '?municipality=heemskerk' });
	heemskerk = (body as SafetyPlanSummary[])[0]!.id;
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
	const event = { locals: { user, session: null, requestId: 'safety-plan-editing', ...requestLocals(t.db, '192.0.2.19') }, params: options.params ?? {}, url, request, getClientAddress: () => '192.0.2.19' };
	const response = await handler(event as never);
	const type = response.headers.get('content-type') ?? '';
	if (type.startsWith('application/vnd.openxmlformats')) return { status: response.status, type, body: unzipSync(new Uint8Array(await response.arrayBuffer())) as unknown };
	if (type === 'application/pdf') return { status: response.status, type, body: Buffer.from(await response.arrayBuffer()) as unknown };
	return { status: response.status, type, body: (await response.json()) as unknown };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers are read field by field
type Json = any;

const counts = async () =>
	(
		await sql<{ versions: number; priorities: number; audits: number }>`select
			(select count(*)::int from safety_plan_version) as versions,
			(select count(*)::int from safety_plan_priority) as priorities,
			(select count(*)::int from audit_log where action like 'safety_plan.%') as audits`.execute(t.db)
	).rows[0]!;

function form(values: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(values)) data.set(k, v);
	return data;
}

/** The plan as a PATCH body: every field as it is, priorities with their ids. */
function revisionOf(plan: SafetyPlanRecord, changes: Record<string, unknown>) {
	return {
		version: plan.version,
		reason: 'Raadsbesluit 12 december',
		title: plan.title,
		ambition: plan.ambition,
		endYear: plan.endYear,
		priorities: plan.priorities.map(({ position: _position, ...p }) => p),
		...changes
	};
}

describe('revising the plan (PATCH /api/v1/safety-plans/:id)', () => {
	it('gives version N+1 with the changed priority and a new theme, while version N stays readable as it was', async () => {
		const before = (await call(planRoute.GET, adviser, { params: { id: heemskerk } })).body as SafetyPlanRecord;
		const youth = before.priorities.find((p) => p.title === 'Jeugd en veiligheid')!;
		const priorities = before.priorities.map(({ position: _position, ...p }) => (p.id === youth.id ? { ...p, why: 'Meer meldingen van jeugdoverlast in 2024.', focusArea: 'Centrum en Oosterwijk' } : p));
		const body = revisionOf(before, {
			ambition: 'Zichtbaar en merkbaar veiliger, samen met de wijken.',
			priorities: [...priorities, { kind: 'thema', title: 'Cyberveiligheid', why: 'Ondernemers worden vaker slachtoffer.', partners: 'Ondernemersvereniging' }]
		});
		const { status, body: after } = await call(planRoute.PATCH, adviser, { method: 'PATCH', params: { id: heemskerk }, body });
		expect(status).toBe(200);
		const revised = after as SafetyPlanRecord;
		expect(revised.version).toBe(before.version + 1);
		expect(revised.ambition).toBe('Zichtbaar en merkbaar veiliger, samen met de wijken.');
		expect(revised.priorities.find((p) => p.id === youth.id)).toMatchObject({ why: 'Meer meldingen van jeugdoverlast in 2024.', focusArea: 'Centrum en Oosterwijk', position: youth.position });
		expect(revised.priorities.at(-1)).toMatchObject({ kind: 'thema', title: 'Cyberveiligheid', partners: 'Ondernemersvereniging', approach: '', position: before.priorities.length + 1 });

		const history = (await call(versionsRoute.GET, kabinet, { params: { id: heemskerk } })).body as Json[];
		expect(history.map((v) => [v.version, v.reason, v.savedBy])).toEqual([
			[1, 'Vastgesteld (demo)', null],
			[2, 'Raadsbesluit 12 december', 'Anna Adviseur']
		]);
		const old = (await call(versionRoute.GET, kabinet, { params: { id: heemskerk, version: String(before.version) } })).body as Json;
		expect(old.snapshot.ambition).toBe(before.ambition);
		expect(old.snapshot.priorities.find((p: Json) => p.id === youth.id).why).toBe(youth.why);
		expect(old.snapshot.priorities.map((p: Json) => p.title)).not.toContain('Cyberveiligheid');
		const current = (await call(versionRoute.GET, kabinet, { params: { id: heemskerk, version: String(revised.version) } })).body as Json;
		expect(current.snapshot.priorities.map((p: Json) => p.title)).toContain('Cyberveiligheid');
		expect((await call(versionRoute.GET, kabinet, { params: { id: heemskerk, version: '99' } })).status).toBe(404);
		const audit = await t.db.selectFrom('auditLog').select(['actorId', 'details']).where('action', '=', 'safety_plan.revised').where('entityId', '=', heemskerk).executeTakeFirstOrThrow();
		expect(audit).toMatchObject({ actorId: adviser.id, details: { version: 2, reason: 'Raadsbesluit 12 december' } });
	});

	it('refuses a revision on a stale version with 409 naming who revised it, and writes nothing', async () => {
		const plan = (await call(planRoute.GET, adviser, { params: { id: heemskerk } })).body as SafetyPlanRecord;
		const before = await counts();
		const stale = await call(planRoute.PATCH, colleague, { method: 'PATCH', params: { id: heemskerk }, body: revisionOf(plan, { version: plan.version - 1, title: 'Overschreven' }) });
		expect(stale.status).toBe(409);
		expect(stale.type).toContain('application/problem+json');
		const problem = stale.body as Json;
		expect(problem.code ?? problem.error).toBe('version_conflict');
		expect(problem.detail).toMatch(/^Anna Adviseur heeft het plan intussen bijgesteld \(nu versie 2, .*Raadsbesluit 12 december\)\. Je wijzigingen zijn niet opgeslagen/);
		expect(problem.current.version).toBe(plan.version);
		expect(await counts()).toEqual(before);
		expect(((await call(planRoute.GET, adviser, { params: { id: heemskerk } })).body as SafetyPlanRecord).title).toBe(plan.title);
	});

	it('refuses another municipality’s adviser and the kabinet, and names every wrong field in Dutch', async () => {
		const plan = (await call(planRoute.GET, adviser, { params: { id: heemskerk } })).body as SafetyPlanRecord;
		const before = await counts();
		expect((await call(planRoute.PATCH, adviserBeverwijk, { method: 'PATCH', params: { id: heemskerk }, body: revisionOf(plan, {}) })).status).toBe(403);
		const kabinetTry = await call(planRoute.PATCH, kabinet, { method: 'PATCH', params: { id: heemskerk }, body: revisionOf(plan, {}) });
		expect(kabinetTry.status).toBe(403);
		expect((kabinetTry.body as Json).detail).toBe('Alleen de beleidsadviseur OOV van deze gemeente werkt haar veiligheidsplan bij.');
		expect((await call(planRoute.PATCH, null, { method: 'PATCH', params: { id: heemskerk }, body: revisionOf(plan, {}) })).status).toBe(401);

		const bad = await call(planRoute.PATCH, adviser, {
			method: 'PATCH',
			params: { id: heemskerk },
			body: revisionOf(plan, { reason: ' ', endYear: 'volgend jaar', priorities: [{ kind: 'prioriteit', title: '' }] })
		});
		expect(bad.status).toBe(400);
		const reasons = Object.fromEntries((bad.body as Json).invalidParams.map((p: Json) => [p.name, p.reason]));
		expect(reasons).toMatchObject({ reason: 'Vul waarom het plan wordt bijgesteld in.', endYear: 'Geef het laatste jaar van het plan als jaartal, bijvoorbeeld 2024.', 'priorities.0.title': 'Vul de titel van de prioriteit in.' });

		const foreign = await planView(t.db, adviserBeverwijk, ((await call(listRoute.GET, adviserBeverwijk, { query: '?municipality=beverwijk' })).body as SafetyPlanSummary[])[0]!.id);
		const wrongPriority = await call(planRoute.PATCH, adviser, {
			method: 'PATCH',
			params: { id: heemskerk },
			body: revisionOf(plan, { priorities: [{ id: foreign.plan.priorities[0]!.id, kind: 'prioriteit', title: 'Gekaapt' }] })
		});
		expect(wrongPriority.status).toBe(400);
		expect((wrongPriority.body as Json).invalidParams[0]).toMatchObject({ name: 'priorities.0.id', reason: 'Deze prioriteit hoort niet bij dit plan.' });
		const tooLong = await call(planRoute.PATCH, adviser, { method: 'PATCH', params: { id: heemskerk }, body: revisionOf(plan, { endYear: plan.startYear + 11 }) });
		expect(tooLong.status).toBe(400);
		expect(await counts()).toEqual(before);
	});

	it('through the form: a stale version keeps the typed text and shows the plan as it now stands', async () => {
		const plan = (await planView(t.db, adviser, heemskerk)).plan;
		const values = { version: String(plan.version - 1), reason: 'Mijn aanpassing', title: 'Mijn titel', ambition: 'Mijn ambitie', endYear: String(plan.endYear), 'priorities.0.id': plan.priorities[0]!.id, 'priorities.0.kind': 'prioriteit', 'priorities.0.title': plan.priorities[0]!.title };
		const result = (await reviseFromForm(t.db, colleague, heemskerk, form(values), null)) as Json;
		expect(result.status).toBe(409);
		expect(result.data.values).toMatchObject({ title: 'Mijn titel', ambition: 'Mijn ambitie', reason: 'Mijn aanpassing' });
		expect(result.data.current).toMatchObject({ version: plan.version, title: plan.title });
		expect(result.data.message).toContain('Anna Adviseur heeft het plan intussen bijgesteld');

		const invalid = (await reviseFromForm(t.db, adviser, heemskerk, form({ ...values, version: String(plan.version), endYear: '20x5' }), null)) as Json;
		expect(invalid.status).toBe(400);
		expect(invalid.data.fields.endYear).toBe('Geef het laatste jaar van het plan als jaartal, bijvoorbeeld 2024.');
		expect(invalid.data.values.title).toBe('Mijn titel');
		// The empty "new priority" row of the form is no priority.
		const saved = (await reviseFromForm(t.db, adviser, heemskerk, form({ ...values, version: String(plan.version), 'priorities.1.id': '', 'priorities.1.kind': 'thema', 'priorities.1.title': ' ' }), null)) as Json;
		expect(saved).toMatchObject({ form: 'revise', done: true, saved: { version: plan.version + 1, title: 'Mijn titel' } });
		expect(saved.saved.priorities).toHaveLength(plan.priorities.length);
	});
});

describe('adding actions, indicators and figures', () => {
	it('adds an action to a year’s programme; refuses a year outside the plan, another plan’s priority and other municipalities', async () => {
		const plan = (await planView(t.db, adviser, heemskerk)).plan;
		const priority = plan.priorities.find((p) => p.title === 'Ondermijning')!;
		const body = { priorityId: priority.id, year: 2024, title: 'Bibob-toets horeca uitbreiden', owner: 'Team Vergunningen', plannedQuarter: 2 };
		const created = await call(actionsRoute.POST, adviser, { method: 'POST', params: { id: heemskerk }, body });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ ...body, status: 'gepland', version: 0, isDemo: false });
		expect((await programme(t.db, kabinet, heemskerk, 2024)).map((a) => a.title)).toContain('Bibob-toets horeca uitbreiden');

		const outside = await call(actionsRoute.POST, adviser, { method: 'POST', params: { id: heemskerk }, body: { ...body, year: 2026, plannedQuarter: 5 } });
		expect(outside.status).toBe(400);
		expect((outside.body as Json).invalidParams).toEqual([expect.objectContaining({ name: 'plannedQuarter', reason: 'Kies het kwartaal (1 tot en met 4).' })]);
		const year = await call(actionsRoute.POST, adviser, { method: 'POST', params: { id: heemskerk }, body: { ...body, year: 2026 } });
		expect((year.body as Json).invalidParams[0]).toMatchObject({ name: 'year', reason: 'Kies een jaar van het plan: 2021 tot en met 2024.' });
		expect((await call(actionsRoute.POST, adviserBeverwijk, { method: 'POST', params: { id: heemskerk }, body })).status).toBe(403);
		expect((await call(actionsRoute.POST, kabinet, { method: 'POST', params: { id: heemskerk }, body })).status).toBe(403);
		const foreignPlan = (await call(listRoute.GET, adviserBeverwijk, { query: '?municipality=beverwijk' })).body as SafetyPlanSummary[];
		const foreign = await call(actionsRoute.POST, adviser, { method: 'POST', params: { id: heemskerk }, body: { ...body, priorityId: foreignPlan[0]!.priorities[0]!.id } });
		expect((foreign.body as Json).invalidParams[0]).toMatchObject({ name: 'priorityId', reason: 'Kies een prioriteit of thema van dit plan.' });
	});

	it('through the form: Dutch errors per field, the typed text kept', async () => {
		const plan = (await planView(t.db, adviser, heemskerk)).plan;
		const result = (await addActionFromForm(t.db, adviser, heemskerk, form({ priorityId: plan.priorities[0]!.id, year: '2024', title: 'Huisbezoeken', owner: '', plannedQuarter: '7' }), null)) as Json;
		expect(result.status).toBe(400);
		expect(result.data.fields).toEqual({ owner: 'Vul de trekker (team of partner) in.', plannedQuarter: 'Kies het kwartaal (1 tot en met 4).' });
		expect(result.data.values.title).toBe('Huisbezoeken');
		const ok = (await addActionFromForm(t.db, adviser, heemskerk, form({ priorityId: plan.priorities[0]!.id, year: '2024', title: 'Huisbezoeken', owner: 'Wijkteam', plannedQuarter: '3', status: 'in_uitvoering' }), null)) as Json;
		expect(ok).toMatchObject({ form: 'action', done: true, saved: { title: 'Huisbezoeken', status: 'in_uitvoering', plannedQuarter: 3 } });
	});

	it('adds an indicator with targets and a figure by hand; a second figure for the same year replaces it', async () => {
		const plan = (await planView(t.db, adviser, heemskerk)).plan;
		const priority = plan.priorities.find((p) => p.title === 'Zorg en veiligheid')!;
		const body = { priorityId: priority.id, title: 'Meldingen verward gedrag', definition: 'E33-meldingen bij de politie per jaar.', source: 'Politie, E33-registratie', unit: 'aantal', direction: 'omlaag', baselineYear: 2020, baseline: 140, targets: [{ year: 2022, value: 130 }, { year: 2024, value: 120 }] };
		const created = await call(indicatorsRoute.POST, adviser, { method: 'POST', params: { id: heemskerk }, body });
		expect(created.status).toBe(201);
		const indicator = created.body as Json;
		expect(indicator).toMatchObject({ title: 'Meldingen verward gedrag', baseline: 140, targets: body.targets, measurements: [], isDemo: false });

		const twice = await call(indicatorsRoute.POST, adviser, { method: 'POST', params: { id: heemskerk }, body: { ...body, title: 'meldingen VERWARD gedrag', targets: [{ year: 2030, value: 1 }] } });
		expect(twice.status).toBe(400);
		expect((twice.body as Json).invalidParams.map((p: Json) => p.name).sort()).toEqual(['targets.0.year', 'title']);

		const figure = { year: 2024, value: 126, source: 'Politie, E33-registratie', measuredOn: '2025-01-20' };
		const m = await call(measurementsRoute.POST, adviser, { method: 'POST', params: { id: heemskerk, indicatorId: indicator.id }, body: figure });
		expect(m.status).toBe(200);
		expect(m.body).toEqual({ ...figure, areaCode: '', isDemo: false });
		await call(measurementsRoute.POST, adviser, { method: 'POST', params: { id: heemskerk, indicatorId: indicator.id }, body: { ...figure, value: 124 } });
		const wijk = await call(measurementsRoute.POST, adviser, { method: 'POST', params: { id: heemskerk, indicatorId: indicator.id }, body: { ...figure, areaCode: 'Oosterwijk' } });
		expect((wijk.body as Json).invalidParams[0].name).toBe('areaCode');
		const late = await call(measurementsRoute.POST, adviser, { method: 'POST', params: { id: heemskerk, indicatorId: indicator.id }, body: { ...figure, year: 2019 } });
		expect((late.body as Json).invalidParams[0]).toMatchObject({ name: 'year', reason: 'Kies een jaar van het plan (2021 tot en met 2024) of het jaar van de nulmeting (2020).' });
		expect((await call(measurementsRoute.POST, kabinet, { method: 'POST', params: { id: heemskerk, indicatorId: indicator.id }, body: figure })).status).toBe(403);
		expect((await call(measurementsRoute.POST, adviser, { method: 'POST', params: { id: heemskerk, indicatorId: '00000000-0000-4000-8000-000000000000' }, body: figure })).status).toBe(404);

		const stored = (await planView(t.db, kabinet, heemskerk)).indicators.find((i) => i.id === indicator.id)!;
		expect(stored.measurements).toEqual([{ areaCode: '', year: 2024, value: 124, source: 'Politie, E33-registratie', measuredOn: '2025-01-20', isDemo: false }]);
	});

	it('through the form a figure reads a Dutch number', async () => {
		const { indicators } = await planView(t.db, adviser, heemskerk);
		const burglaries = indicators.find((i) => i.title === 'Woninginbraken')!;
		const wrong = (await measurementFromForm(t.db, adviser, heemskerk, form({ indicatorId: burglaries.id, year: '2024', value: 'veel', source: '', measuredOn: '20-01-2025' }), null)) as Json;
		expect(wrong.status).toBe(400);
		expect(wrong.data.fields).toEqual({ value: 'Geef de waarde als getal, bijvoorbeeld 1.234,5.', source: 'Vul de bron in.', measuredOn: 'Geef de datum van het cijfer als JJJJ-MM-DD.' });
		const ok = (await measurementFromForm(t.db, adviser, heemskerk, form({ indicatorId: burglaries.id, year: '2024', value: '1.071,5', areaCode: '', source: 'Politie, jaarcijfers 2024', measuredOn: '2025-01-15' }), null)) as Json;
		expect(ok).toMatchObject({ done: true, saved: { value: 1071.5 } });
	});
});

describe('the exercises’ evaluation actions', () => {
	it('counts the nafase tasks of the exercises held in the municipality, and those done', async () => {
		const leader = await createUser(t.db, { grants: [{ role: 'oefenleider', municipality: null }] });
		const exercise = await makeIncident(t.db, leader, { title: 'Oefening Heemskerk', kind: 'oefening', municipalities: ['heemskerk'], startedAt: '2023-10-05T19:00:00+02:00' });
		const elsewhere = await makeIncident(t.db, leader, { title: 'Oefening Haarlem', kind: 'oefening', municipalities: ['haarlem'], startedAt: '2023-11-05T19:00:00+01:00' });
		const task = (incidentId: string, process: string, status: string, title: string) => ({ incidentId, process, status, title, createdBy: leader.id });
		await t.db
			.insertInto('task')
			.values([
				task(exercise.id, 'nafase', 'gereed', 'Evaluatie met de sectie'),
				task(exercise.id, 'nafase', 'open', 'Verbeterpunten in het plan opnemen'),
				task(exercise.id, 'publieke_zorg', 'gereed', 'Opvang'),
				task(elsewhere.id, 'nafase', 'open', 'Nazorg')
			])
			.execute();
		const y2023 = (await ownFigures(t.db, kabinet, heemskerk)).find((f) => f.year === 2023)!;
		expect(y2023).toMatchObject({ exercisesHeld: 1, exerciseEvaluationActions: 2, exerciseEvaluationActionsDone: 1 });
	});
});

describe('the yearly execution programme as a report', () => {
	it('is a tagged PDF listing every action per priority and the indicators, each number with its source and date, a chart with alt text', async () => {
		const { status, type, body } = await call(programmePdfRoute.GET, kabinet, { query: '?year=2024', params: { id: heemskerk } });
		expect(status).toBe(200);
		expect(type).toBe('application/pdf');
		const pdf = body as Buffer;
		// Table cells wrap inside their column: read the text as one line of words.
		const text = pdfLines(pdf).join(' ').replace(/\s+/g, ' ');
		expect(text).toContain('Uitvoeringsprogramma 2024 — Mijn titel');
		expect(text).toContain('Prioriteit: Ondermijning');
		expect(text).toContain('Integrale controle bedrijventerrein');
		expect(text).toContain('RIEC en team Handhaving');
		expect(text).toContain('Bibob-toets horeca uitbreiden');
		expect(text).toMatch(/Paraat, bijgewerkt op\s+\d{4}-\d{2}-\d{2}/);
		// The hand-entered figures with their source and date beside them.
		expect(text).toMatch(/2024\s+Meting\s+75\s+1\.071,5\s+Politie, jaarcijfers 2024\s+2025-01-15/);
		expect(text).toMatch(/2024\s+Meting\s+120\s+124\s+Politie, E33-registratie\s+2025-01-20/);
		expect(text).toMatch(/Evaluatieacties van die oefeningen \(nafase\)/);
		const structure = pdfStructure(pdf).join('\n');
		expect(structure).toContain('Figure');
		expect(structure).toContain('Table');
		expect(pdf.toString('latin1')).toContain('/Alt (Grafiek Meldingen verward gedrag \\(aantal\\), lager is beter: nulmeting 140 in 2020; doel 2022: 130, 2024: 120; metingen 2024: 124.)');
	});

	it('is a Word document with the same content, the charts as pictures with a description', async () => {
		const { status, type, body } = await call(programmeDocxRoute.GET, adviser, { query: '?year=2024', params: { id: heemskerk } });
		expect(status).toBe(200);
		expect(type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		const files = body as Record<string, Uint8Array>;
		const document = strFromU8(files['word/document.xml']!);
		expect(document).toContain('Bibob-toets horeca uitbreiden');
		expect(document).toContain('Politie, jaarcijfers 2024');
		expect(document).toContain('2025-01-15');
		expect(document).toContain('Inleiding van het college');
		expect(document).toMatch(/descr="Grafiek Woninginbraken \(aantal\), lager is beter: nulmeting 96 in 2020;[^"]*2024: 1\.071,5\."/);
		const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
		expect(media.some((f) => f.endsWith('.png'))).toBe(true);
		expect(media.some((f) => f.endsWith('.svg'))).toBe(true);
		const png = files[media.find((f) => f.endsWith('.png'))!]!;
		expect(Buffer.from(png.subarray(1, 4)).toString('latin1')).toBe('PNG');
	});

	it('refuses a malformed year, one outside the plan, another municipality and an unknown plan', async () => {
		const bad = await call(programmePdfRoute.GET, adviser, { query: '?year=24', params: { id: heemskerk } });
		expect(bad.status).toBe(400);
		expect((bad.body as Json).invalidParams[0]).toMatchObject({ name: 'year', reason: 'Geef het jaar van het uitvoeringsprogramma als JJJJ, bijvoorbeeld 2024.' });
		expect((await call(programmeDocxRoute.GET, adviser, { params: { id: heemskerk } })).status).toBe(400);
		expect((await call(programmePdfRoute.GET, adviser, { query: '?year=2027', params: { id: heemskerk } })).status).toBe(400);
		expect((await call(programmeDocxRoute.GET, adviserBeverwijk, { query: '?year=2024', params: { id: heemskerk } })).status).toBe(403);
		expect((await call(programmePdfRoute.GET, adviser, { query: '?year=2024', params: { id: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404);
	});

	it('the progress report charts the indicators too, with the new figure and its source', async () => {
		const { status, body } = await call(progressRoute.GET, kabinet, { query: '?half=2024-2', params: { id: heemskerk } });
		expect(status).toBe(200);
		const text = pdfLines(body as Buffer).join(' ').replace(/\s+/g, ' ');
		expect(text).toMatch(/1\.071,5 \(2024\)/);
		expect(text).toContain('Politie, jaarcijfers 2024, 2025-01-15');
		expect(pdfStructure(body as Buffer).join('\n')).toContain('Figure');
	});
});
