// Advice on event applications against a real PostgreSQL: the officer's one action creates the
// requests by class with due dates in local whole days, moves the application, audits and
// publishes; advisers answer with the version they saw; who may see and do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { expectServiceError, installEventFault, parse, schemaFields, withEventFault } from '../support/incident-fixtures.ts';
import { SCANS, insertApplication } from '../support/inserted-applications.ts';
import {
	adviceDueSoon,
	adviceInbox,
	adviceOfApplication,
	adviceRequestDetail,
	answerAdvice,
	requestAdvice,
	withdrawAdvice
} from '../../src/lib/server/advice/advice-service.ts';
import { changeAdviceSettings, adviceSettingsFor } from '../../src/lib/server/advice/advice-settings-service.ts';
import { answerAdviceInput, adviceSettingsInput, requestAdviceInput } from '../../src/lib/server/advice/advice-input.ts';
import { authoriseTopic } from '../../src/lib/server/realtime/topics.ts';
import { JOINT_C, POLITIE_ALWAYS_B, VOLUNTARY } from '../../src/lib/domain/advice/index.ts';
import type { AdviceRequestRecord } from '../../src/lib/domain/advice/index.ts';
import { dutchDateTime } from '../../src/lib/domain/wording/values.ts';

let t: TestDatabase;
const u = {} as Record<
	| 'officer'
	| 'officerZandvoort'
	| 'officerRegion'
	| 'brandweer'
	| 'ghor'
	| 'politie'
	| 'brandweerZandvoort'
	| 'brandweerRegion'
	| 'ghorRegion'
	| 'beheerder'
	| 'crisisteam'
	| 'waarnemer'
	| 'bibob',
	SessionUser
>;

const answer = (version: number, extra: Record<string, unknown> = {}) =>
	parse(answerAdviceInput, { version, advice: 'Voldoende nooduitgangen; brandwachten aanwezig.', conclusion: 'positief', ...extra });

beforeAll(async () => {
	t = await createTestDatabase();
	const make = (name: string, role: SessionUser['grants'][number]['role'], municipality: string | null, discipline: 'brandweer' | 'ghor' | 'politie' | null = null) =>
		createUser(t.db, { name, grants: [{ role, municipality, discipline }] });
	u.officer = await make('Vera Vergunning', 'vergunningverlener', 'haarlem');
	u.officerZandvoort = await make('Zeger Zandvoort', 'vergunningverlener', 'zandvoort');
	u.officerRegion = await make('Rita Regio', 'vergunningverlener', null);
	u.brandweer = await make('Bart Brandweer', 'adviseur', 'haarlem', 'brandweer');
	u.ghor = await make('Gerda GHOR', 'adviseur', 'haarlem', 'ghor');
	u.politie = await make('Paul Politie', 'adviseur', 'haarlem', 'politie');
	u.brandweerZandvoort = await make('Bram Zandvoort', 'adviseur', 'zandvoort', 'brandweer');
	u.brandweerRegion = await make('Roos Regio', 'adviseur', null, 'brandweer');
	u.ghorRegion = await make('Gijs Regio', 'adviseur', null, 'ghor');
	u.beheerder = await make('Ben Beheer', 'beheerder', 'haarlem');
	u.crisisteam = await make('Chris Crisis', 'crisisteam', 'haarlem');
	u.waarnemer = await make('Wim Waarnemer', 'waarnemer', null);
	u.bibob = await make('Bibi Bibob', 'bibob', 'haarlem');
	await installEventFault(t.db);
});

afterAll(async () => {
	await t?.drop();
});

async function applicationRow(id: string) {
	return t.db.selectFrom('eventApplication').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
}

async function eventsOn(topic: string) {
	return t.db.selectFrom('realtimeEvent').select(['type', 'data', 'seq']).where('topic', '=', topic).orderBy('seq').execute();
}

describe('asking advice', () => {
	it('class C: one joint request, due after 4 weeks, status advies_gevraagd, version raised, audited and announced', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.C, status: 'in_behandeling' });
		const before = await applicationRow(app.id);
		const now = new Date('2026-06-02T09:15:00+02:00');
		const created = await requestAdvice(t.db, u.officer, app.id, {}, { now });
		expect(created).toHaveLength(1);
		const [joint] = created as [AdviceRequestRecord];
		expect(joint).toMatchObject({
			discipline: 'joint',
			status: 'gevraagd',
			voluntary: false,
			dueDate: '2026-06-30',
			requestedBy: { id: u.officer.id, name: 'Vera Vergunning' },
			advice: null,
			conditions: [],
			conclusion: null,
			version: 1,
			application: { id: app.id, reference: app.reference, municipality: 'haarlem', category: 'C', status: 'advies_gevraagd' }
		});
		expect(joint.reasons.slice(0, 3)).toEqual([JOINT_C, 'Multidisciplinair overleg van gemeente, organisator en hulpdiensten', 'Veiligheidsplan van de organisator vereist']);
		expect(joint.reasons).toContain('Brandweer: Vuurwerk of pyrotechniek');
		expect(joint.requestedAt).toBe(now.toISOString());

		const after = await applicationRow(app.id);
		expect(after).toEqual({ status: 'advies_gevraagd', version: before.version + 1 });

		const audit = await t.db.selectFrom('auditLog').select(['action', 'details']).where('entityId', 'in', [app.id, joint.id]).orderBy('id').execute();
		expect(audit.map((a) => a.action)).toEqual(['advice.requested']);
		// The step is the application's own status history (events capability), with who asked.
		const step = await t.db.selectFrom('eventStatusChange').select(['fromStatus', 'toStatus', 'changedBy', 'note']).where('applicationId', '=', app.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
		expect(step).toMatchObject({ fromStatus: 'in_behandeling', toStatus: 'advies_gevraagd', changedBy: u.officer.id });
		expect(step.note).toContain('Gezamenlijk');

		const onAdvice = await eventsOn(`advice:${app.id}`);
		expect(onAdvice.map((e) => e.type)).toEqual(['advice.requested']);
		expect(onAdvice[0]!.data).toEqual(joint);
		for (const d of ['brandweer', 'ghor', 'politie']) expect((await eventsOn(`adviceinbox:haarlem-${d}`)).some((e) => (e.data as unknown as AdviceRequestRecord).id === joint.id)).toBe(true);
		const calendar = await eventsOn('calendar');
		expect(calendar.at(-1)).toMatchObject({ type: 'event.changed', data: { id: app.id, status: 'advies_gevraagd' } });
	});

	it('class B: one request per service the routing names, with its reasons', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B });
		const created = await requestAdvice(t.db, u.officer, app.id, {}, { now: new Date('2026-05-04T10:00:00+02:00') });
		expect(created.map((r) => [r.discipline, r.dueDate])).toEqual([
			['brandweer', '2026-05-26'],
			['ghor', '2026-05-26'],
			['politie', '2026-05-26']
		]);
		expect(created[0]!.reasons).toEqual(['Gas', 'Tijdelijke bouwwerken (tenten, podia, kramen)']);
		expect(created[1]!.reasons).toEqual(['Piekbezetting 3.000 bezoekers (2.000 of meer)', 'Veel alcoholgebruik']);
		expect(created[2]!.reasons).toEqual([POLITIE_ALWAYS_B]);
		expect((await applicationRow(app.id)).status).toBe('advies_gevraagd');
	});

	it('keeps the local date across the spring switch: requested 10 March for B → due 31 March', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B_POLITIE });
		// 23:30 local on 10 March is 22:30 UTC the same day; 00:30 on 10 March is 23:30 UTC on the 9th.
		const [late] = await requestAdvice(t.db, u.officer, app.id, {}, { now: new Date('2026-03-10T23:30:00+01:00') });
		expect(late).toMatchObject({ discipline: 'politie', dueDate: '2026-03-31' });
		const early = await insertApplication(t.db, { scan: SCANS.B_POLITIE });
		const [first] = await requestAdvice(t.db, u.officer, early.id, {}, { now: new Date('2026-03-10T00:30:00+01:00') });
		expect(first!.dueDate).toBe('2026-03-31');
		const { rows } = await sql<{ due: string }>`select to_char(due_date, 'YYYY-MM-DD') as due from advice_request where id = ${first!.id}`.execute(t.db);
		expect(rows[0]!.due).toBe('2026-03-31');
	});

	it('moves a due date off a feestdag (Koningsdag 2026 is a Monday)', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B_POLITIE });
		const [request] = await requestAdvice(t.db, u.officer, app.id, {}, { now: new Date('2026-04-06T10:00:00+02:00') });
		expect(request!.dueDate).toBe('2026-04-28');
	});

	it('routes by the officer’s override of the class', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B, override: { category: 'C', reason: 'Derde editie, vorig jaar overlast', by: u.officer.id } });
		const created = await requestAdvice(t.db, u.officer, app.id);
		expect(created.map((r) => r.discipline)).toEqual(['joint']);
	});

	it('class A: refuses in plain Dutch, unless the officer asks a service of their own accord', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.A });
		const err = await expectServiceError(requestAdvice(t.db, u.officer, app.id), 409, 'no_advice_required');
		expect(err.message).toMatch(/klasse A-evenement is geen advies/);
		expect((await applicationRow(app.id)).status).toBe('ingediend');
		const [voluntary] = await requestAdvice(t.db, u.officer, app.id, parse(requestAdviceInput, { disciplines: ['brandweer'] }), {
			now: new Date('2026-03-10T10:00:00+01:00')
		});
		expect(voluntary).toMatchObject({ discipline: 'brandweer', voluntary: true, reasons: [VOLUNTARY], dueDate: '2026-03-31' });
	});

	it('asks once: a repeat adds only what is missing and leaves the status alone', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B_POLITIE });
		await requestAdvice(t.db, u.officer, app.id);
		const version = (await applicationRow(app.id)).version;
		await expectServiceError(requestAdvice(t.db, u.officer, app.id), 409, 'advice_already_requested');
		const added = await requestAdvice(t.db, u.officer, app.id, { disciplines: ['ghor'] });
		expect(added.map((r) => [r.discipline, r.voluntary])).toEqual([['ghor', true]]);
		expect(await applicationRow(app.id)).toEqual({ status: 'advies_gevraagd', version });
	});

	it('two officers at once: one set of requests', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B });
		const results = await Promise.allSettled([requestAdvice(t.db, u.officer, app.id), requestAdvice(t.db, u.officerRegion, app.id)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const { rows } = await sql<{ n: number }>`select count(*)::int as n from advice_request where application_id = ${app.id}`.execute(t.db);
		expect(rows[0]!.n).toBe(3);
	});

	it.each([
		['concept', 'wrong_status'],
		['besluit', 'wrong_status'],
		['ingetrokken', 'wrong_status']
	] as const)('refuses an application that is %s', async (status, code) => {
		const app = await insertApplication(t.db, { scan: SCANS.B, status });
		await expectServiceError(requestAdvice(t.db, u.officer, app.id), 409, code);
	});

	it('refuses an application without a class', async () => {
		const app = await insertApplication(t.db, { unscanned: true });
		await expectServiceError(requestAdvice(t.db, u.officer, app.id), 409, 'no_category');
	});

	it('writes nothing when publishing fails (one transaction)', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B });
		const count = async () => (await sql<{ n: number }>`select count(*)::int as n from advice_request where application_id = ${app.id}`.execute(t.db)).rows[0]!.n;
		await expect(withEventFault(t.db, { topic: `advice:${app.id}`, type: 'advice.requested' }, () => requestAdvice(t.db, u.officer, app.id))).rejects.toThrow();
		expect(await count()).toBe(0);
		expect((await applicationRow(app.id)).status).toBe('ingediend');
	});

	it('uses the municipality’s own terms', async () => {
		const beheerder = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: 'heemstede' }] });
		const settings = await adviceSettingsFor(t.db, beheerder, 'heemstede');
		expect(settings).toMatchObject({ termDaysB: 21, termDaysC: 28 });
		const changed = await changeAdviceSettings(t.db, beheerder, 'heemstede', parse(adviceSettingsInput, { version: settings.version, termDaysB: 14, termDaysC: 35 }));
		expect(changed).toMatchObject({ termDaysB: 14, termDaysC: 35, version: settings.version + 1 });
		const officer = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'heemstede' }] });
		const b = await insertApplication(t.db, { municipality: 'heemstede', scan: SCANS.B_POLITIE });
		const [request] = await requestAdvice(t.db, officer, b.id, {}, { now: new Date('2026-03-10T10:00:00+01:00') });
		expect(request!.dueDate).toBe('2026-03-24');
		await expectServiceError(changeAdviceSettings(t.db, u.beheerder, 'heemstede', parse(adviceSettingsInput, { version: 1, termDaysB: 7, termDaysC: 7 })), 403);
		await expectServiceError(changeAdviceSettings(t.db, officer, 'heemstede', parse(adviceSettingsInput, { version: 1, termDaysB: 7, termDaysC: 7 })), 403);
		const stale = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: null }] });
		await expectServiceError(changeAdviceSettings(t.db, stale, 'heemstede', parse(adviceSettingsInput, { version: settings.version, termDaysB: 7, termDaysC: 7 })), 409);
	});
});

describe('answering advice', () => {
	it('an adviser of the discipline answers with text, voorschriften and conclusion; announced to officer and inbox', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B });
		const [brandweer] = await requestAdvice(t.db, u.officer, app.id);
		const answered = await answerAdvice(
			t.db,
			u.brandweer,
			brandweer!.id,
			answer(1, { conclusion: 'positief_met_voorwaarden', conditions: '- Twee nooduitgangen van 2,5 m breed\n- Gasflessen buiten de tent opslaan\n\n' })
		);
		expect(answered).toMatchObject({
			status: 'uitgebracht',
			conclusion: 'positief_met_voorwaarden',
			conditions: ['Twee nooduitgangen van 2,5 m breed', 'Gasflessen buiten de tent opslaan'],
			answeredBy: { id: u.brandweer.id, name: 'Bart Brandweer' },
			answeredDiscipline: 'brandweer',
			version: 2
		});
		expect(answered.answeredAt).not.toBeNull();
		const news = await eventsOn(`advice:${app.id}`);
		expect(news.at(-1)).toMatchObject({ type: 'advice.answered', data: answered });
		expect((await eventsOn('adviceinbox:haarlem-brandweer')).at(-1)).toMatchObject({ type: 'advice.answered', data: { id: answered.id } });
		expect((await eventsOn('adviceinbox:haarlem-ghor')).some((e) => e.type === 'advice.answered' && (e.data as unknown as AdviceRequestRecord).id === answered.id)).toBe(false);
		const audit = await t.db.selectFrom('auditLog').select(['action', 'details']).where('entityId', '=', answered.id).orderBy('id').execute();
		expect(audit.map((a) => a.action)).toEqual(['advice.requested', 'advice.answered']);
	});

	it('a stale version gets 409 with the current request; an answered request cannot be answered again', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B });
		const [brandweer] = await requestAdvice(t.db, u.officer, app.id);
		await answerAdvice(t.db, u.brandweerRegion, brandweer!.id, answer(1));
		const err = await expectServiceError(answerAdvice(t.db, u.brandweer, brandweer!.id, answer(1)), 409, 'version_conflict');
		expect(err.extra.current).toMatchObject({ id: brandweer!.id, status: 'uitgebracht', version: 2, answeredBy: { name: 'Roos Regio' } });
		expect(err.message).toMatch(/^Roos Regio heeft dit advies om \d{1,2}-\d{1,2}-\d{4} \d{2}:\d{2} uitgebracht\./);
		await expectServiceError(answerAdvice(t.db, u.brandweer, brandweer!.id, answer(2)), 409, 'version_conflict');
	});

	it('two advisers at once: one answer wins, the other gets 409', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B });
		const [brandweer] = await requestAdvice(t.db, u.officer, app.id);
		const results = await Promise.allSettled([answerAdvice(t.db, u.brandweer, brandweer!.id, answer(1)), answerAdvice(t.db, u.brandweerRegion, brandweer!.id, answer(1))]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
	});

	it('while the request is still gevraagd, a version that is not the current one gets 409 naming who changed it last and when; nothing is written', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B_POLITIE });
		const [politie] = await requestAdvice(t.db, u.officer, app.id);
		const asked = await t.db.selectFrom('auditLog').select('at').where('entityId', '=', politie!.id).executeTakeFirstOrThrow();
		const eventsBefore = (await eventsOn(`advice:${app.id}`)).length;
		const stamp = dutchDateTime(asked.at.toISOString());
		for (const attempt of [() => answerAdvice(t.db, u.politie, politie!.id, answer(2)), () => withdrawAdvice(t.db, u.officer, politie!.id, { version: 7, reason: 'Dubbel gevraagd' })]) {
			const err = await expectServiceError(attempt(), 409, 'version_conflict');
			expect(err.message).toBe(`Vera Vergunning heeft deze adviesaanvraag om ${stamp} gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.`);
			expect(err.extra.current).toMatchObject({ id: politie!.id, status: 'gevraagd', version: 1, advice: null, withdrawnAt: null });
		}
		const row = await t.db.selectFrom('adviceRequest').select(['status', 'version', 'advice', 'withdrawnReason']).where('id', '=', politie!.id).executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'gevraagd', version: 1, advice: null, withdrawnReason: null });
		expect((await t.db.selectFrom('auditLog').select('action').where('entityId', '=', politie!.id).execute()).map((a) => a.action)).toEqual(['advice.requested']);
		expect(await eventsOn(`advice:${app.id}`)).toHaveLength(eventsBefore);
		// The current version still works.
		expect(await answerAdvice(t.db, u.politie, politie!.id, answer(1))).toMatchObject({ status: 'uitgebracht', version: 2 });
	});

	it('an answer and a withdrawal of the same open request at once: one wins, the other gets 409 naming who and when, never both', async () => {
		for (let round = 0; round < 4; round++) {
			const app = await insertApplication(t.db, { scan: SCANS.B_POLITIE });
			const [politie] = await requestAdvice(t.db, u.officer, app.id);
			const [answered, withdrawn] = await Promise.allSettled([
				answerAdvice(t.db, u.politie, politie!.id, answer(1)),
				withdrawAdvice(t.db, u.officer, politie!.id, { version: 1, reason: 'Evenement afgelast' })
			]);
			expect([answered.status, withdrawn.status].sort()).toEqual(['fulfilled', 'rejected']);
			const row = await t.db.selectFrom('adviceRequest').select(['status', 'version', 'advice', 'answeredAt', 'withdrawnAt', 'withdrawnReason']).where('id', '=', politie!.id).executeTakeFirstOrThrow();
			const audit = (await t.db.selectFrom('auditLog').select('action').where('entityId', '=', politie!.id).orderBy('id').execute()).map((a) => a.action);
			expect(row.version).toBe(2);
			if (answered.status === 'fulfilled') {
				const loser = (withdrawn as PromiseRejectedResult).reason as { status: number; code: string; message: string };
				expect(loser).toMatchObject({ status: 409, code: 'version_conflict' });
				expect(loser.message).toBe(`Paul Politie heeft dit advies om ${dutchDateTime(row.answeredAt!.toISOString())} uitgebracht. Bekijk het uitgebrachte advies hieronder.`);
				expect(row).toMatchObject({ status: 'uitgebracht', withdrawnAt: null, withdrawnReason: null });
				expect(audit).toEqual(['advice.requested', 'advice.answered']);
			} else {
				const loser = answered.reason as { status: number; code: string; message: string };
				expect(loser).toMatchObject({ status: 409, code: 'version_conflict' });
				expect(loser.message).toBe(`Vera Vergunning heeft deze adviesaanvraag om ${dutchDateTime(row.withdrawnAt!.toISOString())} ingetrokken; een advies is niet meer nodig.`);
				expect(row).toMatchObject({ status: 'ingetrokken', advice: null, answeredAt: null, withdrawnReason: 'Evenement afgelast' });
				expect(audit).toEqual(['advice.requested', 'advice.withdrawn']);
			}
		}
	});

	it('class C: any of the three submits the one joint advice, recorded as their discipline', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.C });
		const [joint] = await requestAdvice(t.db, u.officer, app.id);
		const answered = await answerAdvice(t.db, u.ghor, joint!.id, answer(1, { conclusion: 'negatief', advice: 'Onvoldoende EHBO-capaciteit voor 20.000 bezoekers.' }));
		expect(answered).toMatchObject({ discipline: 'joint', answeredDiscipline: 'ghor', conclusion: 'negatief' });
	});

	it('names every wrong field at once', () => {
		expect(schemaFields(answerAdviceInput, { advice: 'kort', conclusion: 'misschien', conditions: 5 }).map((f) => f.field).sort()).toEqual([
			'advice',
			'conclusion',
			'conditions',
			'version'
		]);
		expect(schemaFields(answerAdviceInput, { version: 1, advice: 'Een goed advies met tekst.', conclusion: 'positief_met_voorwaarden' })).toEqual([
			{ field: 'conditions', message: 'Een positief advies met voorwaarden noemt minstens één voorschrift.' }
		]);
		expect(schemaFields(answerAdviceInput, { version: 1, advice: 'Een goed advies met tekst.', conclusion: 'positief', conditions: ['ok', ''] }).map((f) => f.field)).toEqual(['conditions.1']);
	});

	it('the officer withdraws an open request; then it cannot be answered', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B_POLITIE });
		const [politie] = await requestAdvice(t.db, u.officer, app.id);
		await expectServiceError(withdrawAdvice(t.db, u.politie, politie!.id, { version: 1, reason: 'Verkeerd' }), 403);
		const withdrawn = await withdrawAdvice(t.db, u.officer, politie!.id, { version: 1, reason: 'Evenement afgelast' });
		expect(withdrawn).toMatchObject({ status: 'ingetrokken', withdrawnReason: 'Evenement afgelast', version: 2 });
		const err = await expectServiceError(answerAdvice(t.db, u.politie, politie!.id, answer(2)), 409);
		expect(err.message).toMatch(/ingetrokken/);
		// Withdrawn, it may be asked again.
		expect((await requestAdvice(t.db, u.officer, app.id)).map((r) => r.discipline)).toEqual(['politie']);
	});
});

describe('who may see and do what', () => {
	let b: Awaited<ReturnType<typeof insertApplication>>;
	let c: Awaited<ReturnType<typeof insertApplication>>;
	let politieOnly: Awaited<ReturnType<typeof insertApplication>>;
	let zandvoort: Awaited<ReturnType<typeof insertApplication>>;
	let byKind: Record<string, AdviceRequestRecord>;
	let joint: AdviceRequestRecord;

	beforeAll(async () => {
		b = await insertApplication(t.db, { scan: SCANS.B, name: 'Matrix B' });
		c = await insertApplication(t.db, { scan: SCANS.C, name: 'Matrix C' });
		politieOnly = await insertApplication(t.db, { scan: SCANS.B_POLITIE, name: 'Matrix politie' });
		zandvoort = await insertApplication(t.db, { scan: SCANS.B, municipality: 'zandvoort', name: 'Matrix Zandvoort' });
		byKind = Object.fromEntries((await requestAdvice(t.db, u.officer, b.id)).map((r) => [r.discipline, r]));
		[joint] = (await requestAdvice(t.db, u.officer, c.id)) as [AdviceRequestRecord];
		await requestAdvice(t.db, u.officer, politieOnly.id);
		await requestAdvice(t.db, u.officerZandvoort, zandvoort.id);
	});

	it('only the permit officer of the municipality asks advice', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B });
		for (const who of ['officerZandvoort', 'brandweer', 'beheerder', 'crisisteam', 'waarnemer', 'bibob'] as const) {
			await expectServiceError(requestAdvice(t.db, u[who], app.id), 404);
		}
		// An adviser who already has a request on it may read it, but asks nothing.
		const street = await insertApplication(t.db, { scan: SCANS.B_POLITIE });
		expect((await requestAdvice(t.db, u.officer, street.id)).map((r) => r.discipline)).toEqual(['politie']);
		await expectServiceError(requestAdvice(t.db, u.politie, street.id, { disciplines: ['ghor'] }), 403);
		await expectServiceError(requestAdvice(t.db, u.officer, 'geen-uuid'), 404);
	});

	// [who, request, may read, may answer]
	const matrix: [string, string, boolean, boolean][] = [
		['brandweer', 'B:brandweer', true, true],
		['ghor', 'B:brandweer', true, false],
		['politie', 'B:brandweer', true, false],
		['brandweerZandvoort', 'B:brandweer', false, false],
		['brandweerRegion', 'B:brandweer', true, true],
		['ghorRegion', 'B:brandweer', true, false],
		['ghor', 'B:ghor', true, true],
		['ghorRegion', 'B:ghor', true, true],
		['politie', 'B:politie', true, true],
		['brandweer', 'B:politie', true, false],
		['brandweer', 'politieOnly', false, false],
		['politie', 'politieOnly', true, true],
		['brandweer', 'C:joint', true, true],
		['ghor', 'C:joint', true, true],
		['politie', 'C:joint', true, true],
		['brandweerZandvoort', 'C:joint', false, false],
		['brandweerRegion', 'C:joint', true, true],
		['brandweer', 'zandvoort:brandweer', false, false],
		['brandweerZandvoort', 'zandvoort:brandweer', true, true],
		['brandweerRegion', 'zandvoort:brandweer', true, true],
		['officer', 'B:brandweer', true, false],
		['officerRegion', 'B:brandweer', true, false],
		['officerZandvoort', 'B:brandweer', false, false],
		['beheerder', 'B:brandweer', false, false],
		['crisisteam', 'B:brandweer', false, false],
		['waarnemer', 'B:brandweer', false, false],
		['bibob', 'B:brandweer', false, false]
	];

	async function requestFor(key: string): Promise<AdviceRequestRecord> {
		if (key === 'C:joint') return joint;
		if (key === 'politieOnly') return (await adviceOfApplication(t.db, u.officer, politieOnly.id)).find((r) => r.discipline === 'politie')!;
		if (key === 'zandvoort:brandweer') return (await adviceOfApplication(t.db, u.officerZandvoort, zandvoort.id)).find((r) => r.discipline === 'brandweer')!;
		return byKind[key.split(':')[1]!]!;
	}

	it.each(matrix)('%s on %s: read %s, answer %s', async (who, key, mayRead, mayAnswer) => {
		const user = u[who as keyof typeof u];
		const request = await requestFor(key);
		const topic = `advice:${request.applicationId}`;
		if (mayRead) {
			const detail = await adviceRequestDetail(t.db, user, request.id);
			expect(detail.request.id).toBe(request.id);
			expect(detail.application).not.toHaveProperty('organiserEmail');
			expect(JSON.stringify(detail)).not.toContain('eva@zomerfeest.example');
			expect(detail.answeringAs !== null).toBe(mayAnswer);
			expect(await authoriseTopic(t.db, user, topic)).toEqual({ ok: true });
		} else {
			await expectServiceError(adviceRequestDetail(t.db, user, request.id), 404);
			await expectServiceError(adviceOfApplication(t.db, user, request.applicationId), 404);
			expect(await authoriseTopic(t.db, user, topic)).toMatchObject({ ok: false, code: 'forbidden' });
		}
		if (!mayAnswer) {
			await expectServiceError(answerAdvice(t.db, user, request.id, answer(request.version)), mayRead ? 403 : 404);
		}
	});

	it('inboxes hold exactly the requests of the adviser’s disciplines and scope, open ones by due date', async () => {
		const ids = async (who: keyof typeof u) => new Set((await adviceInbox(t.db, u[who])).map((r) => r.id));
		const zandvoortBrandweer = (await adviceOfApplication(t.db, u.officerZandvoort, zandvoort.id)).find((r) => r.discipline === 'brandweer')!;
		const brandweer = await ids('brandweer');
		expect(brandweer.has(byKind.brandweer!.id)).toBe(true);
		expect(brandweer.has(joint.id)).toBe(true);
		expect(brandweer.has(byKind.ghor!.id)).toBe(false);
		expect(brandweer.has(zandvoortBrandweer.id)).toBe(false);
		const region = await ids('brandweerRegion');
		expect(region.has(zandvoortBrandweer.id)).toBe(true);
		expect(region.has(byKind.politie!.id)).toBe(false);
		const zv = await ids('brandweerZandvoort');
		expect([...zv]).toEqual([zandvoortBrandweer.id]);
		await expectServiceError(adviceInbox(t.db, u.officer), 403);
		const inbox = await adviceInbox(t.db, u.brandweer);
		const open = inbox.filter((r) => r.status === 'gevraagd').map((r) => r.dueDate);
		expect(open).toEqual([...open].sort());
	});

	it('inbox topics: own discipline and municipality, or the region', async () => {
		expect(await authoriseTopic(t.db, u.brandweer, 'adviceinbox:haarlem-brandweer')).toEqual({ ok: true });
		expect(await authoriseTopic(t.db, u.brandweer, 'adviceinbox:haarlem-ghor')).toMatchObject({ ok: false, code: 'forbidden' });
		expect(await authoriseTopic(t.db, u.brandweer, 'adviceinbox:zandvoort-brandweer')).toMatchObject({ ok: false, code: 'forbidden' });
		expect(await authoriseTopic(t.db, u.brandweerRegion, 'adviceinbox:zandvoort-brandweer')).toEqual({ ok: true });
		expect(await authoriseTopic(t.db, u.officer, 'adviceinbox:haarlem-brandweer')).toMatchObject({ ok: false, code: 'forbidden' });
		expect(await authoriseTopic(t.db, u.brandweer, 'adviceinbox:atlantis-brandweer')).toMatchObject({ ok: false, code: 'unknown_topic' });
		expect(await authoriseTopic(t.db, u.brandweer, 'adviceinbox:haarlem-ambulance')).toMatchObject({ ok: false, code: 'unknown_topic' });
		expect(await authoriseTopic(t.db, u.officer, 'advice:00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, code: 'unknown_topic' });
	});

	it('"bijna verlopen": the officer sees overdue and nearly due open requests of their own municipalities', async () => {
		const old = await insertApplication(t.db, { scan: SCANS.B_POLITIE, name: 'Te laat' });
		const [late] = await requestAdvice(t.db, u.officer, old.id, {}, { now: new Date('2026-01-05T10:00:00+01:00') });
		expect(late!.dueDate).toBe('2026-01-26');
		const soon = await adviceDueSoon(t.db, u.officer, { today: '2026-01-22' });
		expect(soon.map((r) => r.id)).toContain(late!.id);
		expect(soon.every((r) => r.application.municipality === 'haarlem' && r.status === 'gevraagd')).toBe(true);
		expect((await adviceDueSoon(t.db, u.officer, { today: '2026-01-19' })).map((r) => r.id)).not.toContain(late!.id);
		expect((await adviceDueSoon(t.db, u.officerZandvoort, { today: '2026-02-01' })).map((r) => r.id)).not.toContain(late!.id);
		await expectServiceError(adviceDueSoon(t.db, u.brandweer), 403);
	});
});
