// Alerting against real PostgreSQL (issue 23): the on-call API, alerts through the API with the
// messages handed to a recording delivery, the one-tap link (single use, expiry, forgery, no
// session), escalation to the backup by the scheduler (exactly once, also after a restart and with
// two schedulers at once), GRIP raising alerts, the logbook, audit and realtime events, permissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb, createDb } from '../../src/lib/server/db/index.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { validateSessionToken } from '../../src/lib/server/auth/session.ts';
import { insertPeriods } from '../../src/lib/server/alerting/oncall-queries.ts';
import { recordingDelivery } from '../../src/lib/server/alerting/notification-delivery.ts';
import { alertService } from '../../src/lib/server/alerting/alert-service.ts';
import { alertGripService } from '../../src/lib/server/alerting/alert-grip.ts';
import { alertLinkService } from '../../src/lib/server/alerting/alert-link-service.ts';
import { escalateDue, startAlertScheduler } from '../../src/lib/server/alerting/alert-scheduler.ts';
import { addDutyPeriod, swapDuty, onCallNow } from '../../src/lib/server/alerting/oncall-service.ts';
import { dutySwapInput, newDutyPeriodInput } from '../../src/lib/server/alerting/oncall-input.ts';
import { newAlertInput } from '../../src/lib/contracts/alert-input.ts';
import type { AlertNotification } from '../../src/lib/domain/alerting/message.ts';
import * as oncallRoute from '../../src/routes/api/v1/oncall/+server.ts';
import * as alertsRoute from '../../src/routes/api/v1/incidents/[id=uuid]/alerts/+server.ts';
import * as alertRoute from '../../src/routes/api/v1/alerts/[id=uuid]/+server.ts';
import * as linkPage from '../../src/routes/alarm/+page.server.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { ctx, expectServiceError, makeIncident, parse } from '../support/incident-fixtures.ts';
import { eventsOfType } from '../support/logbook-fixtures.ts';

const MIN = 60_000;
const settings = { escalationMinutes: 5, linkHours: 12, baseUrl: 'https://paraat.test' };
const recorder = recordingDelivery();
const deps = () => ({ deliver: recorder.deliver, settings });
const alerts = alertService(deps);
const grip = alertGripService(deps);
const links = alertLinkService(deps);

let t: TestDatabase;
let crisis: SessionUser;
let beheerder: SessionUser;
let beheerderHaarlem: SessionUser;
let waarnemer: SessionUser;
let vergunning: SessionUser;
let oefenleider: SessionUser;
let anna: SessionUser; // OvD Bevolkingszorg now, backup Bram
let bram: SessionUser;
let carla: SessionUser; // Algemeen Commandant now, no backup
let dirk: SessionUser; // informatiemanager now, backup Anna
let incident: IncidentRecord;
let oefening: IncidentRecord;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: null }] });
	beheerder = await createUser(t.db, { name: 'Bea Beheer', grants: [{ role: 'beheerder', municipality: null }] });
	beheerderHaarlem = await createUser(t.db, { name: 'Henk Haarlem', grants: [{ role: 'beheerder', municipality: 'haarlem' }] });
	waarnemer = await createUser(t.db, { name: 'Wim Waarnemer', grants: [{ role: 'waarnemer', municipality: null }] });
	vergunning = await createUser(t.db, { name: 'Vera Vergunning', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	oefenleider = await createUser(t.db, { name: 'Olga Oefenleider', grants: [{ role: 'oefenleider', municipality: null }] });
	anna = await createUser(t.db, { name: 'Anna de Vries', grants: [{ role: 'bevolkingszorg', municipality: 'velsen' }] });
	bram = await createUser(t.db, { name: 'Bram Jansen', grants: [{ role: 'bevolkingszorg', municipality: 'haarlem' }] });
	carla = await createUser(t.db, { name: 'Carla Smit', grants: [{ role: 'bevolkingszorg', municipality: 'zandvoort' }] });
	dirk = await createUser(t.db, { name: 'Dirk Bakker', grants: [{ role: 'crisisteam', municipality: 'heemskerk' }] });
	const from = new Date(Date.now() - 6 * 60 * MIN);
	const to = new Date(Date.now() + 6 * 60 * MIN);
	await insertPeriods(t.db, [
		{ functionCode: 'ovd_bz', userId: anna.id, backupUserId: bram.id, startsAt: from, endsAt: to, createdBy: beheerder.id },
		{ functionCode: 'ac_bz', userId: carla.id, backupUserId: null, startsAt: from, endsAt: to, createdBy: beheerder.id },
		{ functionCode: 'informatiemanager', userId: dirk.id, backupUserId: anna.id, startsAt: from, endsAt: to, createdBy: beheerder.id },
		// Yesterday's OvD: never alerted now.
		{ functionCode: 'ovd_bz', userId: carla.id, backupUserId: null, startsAt: new Date(from.getTime() - 24 * 60 * MIN), endsAt: from, createdBy: beheerder.id }
	]);
	incident = await makeIncident(t.db, crisis, { title: 'Brand Spaarne', municipalities: ['haarlem'] });
	oefening = await makeIncident(t.db, oefenleider, { title: 'Oefening Sluis', kind: 'oefening', municipalities: ['velsen'], startedAt: new Date(Date.now() - 10 * MIN).toISOString() });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

type Handler = (event: never) => Response | Promise<Response>;

async function call(handler: Handler | undefined, user: SessionUser | null, params: Record<string, string>, init: { method?: string; body?: unknown } = {}) {
	const request = new Request('http://localhost/api/v1/test', {
		method: init.method ?? 'GET',
		headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
		body: init.body === undefined ? undefined : JSON.stringify(init.body)
	});
	const locals = { ...requestLocals(t.db, '192.0.2.7', { deliverNotifications: recorder.deliver }), user, session: null, requestId: 'test' };
	const response = await handler!({ locals, params, url: new URL(request.url), request, getClientAddress: () => '192.0.2.7' } as never);
	return { status: response.status, body: await response.json() };
}

/** The one-tap page as a browser without a session calls it. */
async function openLink(code: string) {
	const headers: Record<string, string> = {};
	const locals = { ...requestLocals(t.db, '192.0.2.8'), user: null, session: null, requestId: 'test' };
	const url = new URL(`http://localhost/alarm?code=${code}`);
	const data = await linkPage.load({ locals, url, setHeaders: (h: Record<string, string>) => Object.assign(headers, h) } as never);
	return { data: data as Exclude<typeof data, void>, headers };
}

async function postLink(action: 'komt' | 'komt_niet' | 'gezien', code: string, minutes?: string) {
	const body = new FormData();
	body.set('code', code);
	if (minutes !== undefined) body.set('minuten', minutes);
	const request = new Request(`http://localhost/alarm?/${action}`, { method: 'POST', body });
	const locals = { ...requestLocals(t.db, '192.0.2.8', { deliverNotifications: recorder.deliver }), user: null, session: null, requestId: 'test' };
	return (await linkPage.actions[action]!({ locals, request, url: new URL(request.url) } as never)) as unknown as Record<string, unknown> & { status?: number; data?: Record<string, unknown> };
}

/** The code of the one-tap link the delivery got for `user` (the newest). */
function codeFor(user: SessionUser, from: AlertNotification[] = recorder.items): string {
	const item = from.filter((i) => i.userId === user.id).at(-1);
	if (!item) throw new Error(`no message for ${user.name}`);
	return new URL(item.url).searchParams.get('code')!;
}

const status = async (alertId: string, user: SessionUser, escalatedFrom = false) =>
	(await t.db.selectFrom('alertRecipient').selectAll().where('alertId', '=', alertId).where('userId', '=', user.id).where('escalatedFrom', escalatedFrom ? 'is not' : 'is', null).executeTakeFirstOrThrow());

describe('GET /api/v1/oncall', () => {
	it('says who is on duty now per function, in the contract’s shape', async () => {
		const res = await call(oncallRoute.GET, waarnemer, {});
		expect(res.status).toBe(200);
		expect(res.body).toEqual([
			{ function: 'ovd_bz', userId: anna.id, name: 'Anna de Vries', backupUserId: bram.id },
			{ function: 'ac_bz', userId: carla.id, name: 'Carla Smit', backupUserId: null },
			{ function: 'informatiemanager', userId: dirk.id, name: 'Dirk Bakker', backupUserId: anna.id }
		]);
	});
	it('asks for a login, and refuses roles outside crisis work', async () => {
		expect((await call(oncallRoute.GET, null, {})).status).toBe(401);
		const refused = await call(oncallRoute.GET, vergunning, {});
		expect(refused.status).toBe(403);
		expect(JSON.stringify(refused.body)).toContain('piketrooster');
	});
});

describe('keeping the roster', () => {
	it('stores a period from local times across the October change, and refuses overlap, same backup and other beheerders', async () => {
		const input = parse(newDutyPeriodInput, { functionCode: 'tl_nafase', userId: bram.id, backupUserId: carla.id, startDate: '2026-10-24', startTime: '20:00', endDate: '2026-10-25', endTime: '08:00' });
		const period = await addDutyPeriod(t.db, beheerder, input, ctx);
		expect(period.startsAt).toEqual(new Date('2026-10-24T18:00:00Z'));
		expect(period.endsAt).toEqual(new Date('2026-10-25T07:00:00Z'));
		const overlap = await expectServiceError(addDutyPeriod(t.db, beheerder, { ...input, startTime: '22:00', userId: carla.id, backupUserId: undefined }, ctx), 409, 'duty_overlap');
		expect(overlap.message).toContain('Bram Jansen');
		await expectServiceError(addDutyPeriod(t.db, beheerder, { ...input, startDate: '2026-11-01', endDate: '2026-11-02', backupUserId: bram.id }, ctx), 400);
		await expectServiceError(addDutyPeriod(t.db, beheerder, { ...input, startDate: '2026-03-29', startTime: '02:30', endDate: '2026-03-29', endTime: '08:00' }, ctx), 400);
		await expectServiceError(addDutyPeriod(t.db, beheerderHaarlem, { ...input, startDate: '2026-11-03', endDate: '2026-11-04' }, ctx), 403);
		const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', period.id).execute();
		expect(audit.map((a) => a.action)).toEqual(['oncall.period_created']);
	});

	it('swaps a person with history, and refuses a stale version with 409', async () => {
		const input = parse(newDutyPeriodInput, { functionCode: 'tl_nafase', userId: bram.id, startDate: '2026-12-24', startTime: '08:00', endDate: '2026-12-24', endTime: '20:00' });
		const period = await addDutyPeriod(t.db, beheerder, input, ctx);
		const swapped = await swapDuty(t.db, beheerder, period.id, parse(dutySwapInput, { slot: 'dienst', toUserId: carla.id, reason: 'Kerst', version: String(period.version) }), ctx);
		expect(swapped).toMatchObject({ userId: carla.id, version: period.version + 1 });
		await swapDuty(t.db, beheerder, period.id, parse(dutySwapInput, { slot: 'backup', toUserId: dirk.id, version: String(swapped.version) }), ctx);
		const history = await t.db.selectFrom('dutySwap').select(['slot', 'fromUserId', 'toUserId', 'reason']).where('periodId', '=', period.id).orderBy('changedAt').execute();
		expect(history).toEqual([
			{ slot: 'dienst', fromUserId: bram.id, toUserId: carla.id, reason: 'Kerst' },
			{ slot: 'backup', fromUserId: null, toUserId: dirk.id, reason: '' }
		]);
		await expectServiceError(swapDuty(t.db, beheerder, period.id, parse(dutySwapInput, { slot: 'dienst', toUserId: anna.id, version: String(period.version) }), ctx), 409, 'version_conflict');
	});
});

describe('POST /api/v1/incidents/:id/alerts', () => {
	it('alerts whoever is on duty, answers 201 in the contract’s shape, and hands one message each to the delivery', async () => {
		const before = recorder.items.length;
		const res = await call(alertsRoute.POST, crisis, { id: incident.id }, { method: 'POST', body: { functions: ['ovd_bz', 'ac_bz', 'tl_omgevingszorg'], message: 'Kom naar het CoPI bij de Spaarne.' } });
		expect(res.status).toBe(201);
		expect(res.body).toEqual({
			id: expect.any(String),
			recipients: [
				{ userId: anna.id, function: 'ovd_bz', status: 'verzonden' },
				{ userId: carla.id, function: 'ac_bz', status: 'verzonden' }
			],
			unstaffed: ['tl_omgevingszorg']
		});
		const sent = recorder.items.slice(before);
		expect(sent.map((m) => m.userId).sort()).toEqual([anna.id, carla.id].sort());
		const toAnna = sent.find((m) => m.userId === anna.id)!;
		expect(toAnna.subject).toBe('Alarmering OvD Bevolkingszorg: Brand Spaarne');
		// The route's services use the configured address (ORIGIN, here the default).
		expect(toAnna.url).toMatch(/^http:\/\/localhost:\d+\/alarm\?code=[a-z2-7]{52}$/);
		expect(toAnna.actions.map((a) => a.title)).toEqual(['Ik kom', 'Ik kan niet']);
		// Only the hash is stored.
		const stored = await t.db.selectFrom('alertRecipient').select('tokenHash').where('alertId', '=', res.body.id).execute();
		expect(stored.some((r) => toAnna.url.includes(r.tokenHash))).toBe(false);

		const detail = await call(alertRoute.GET, waarnemer, { id: res.body.id });
		expect(detail.status).toBe(200);
		expect(detail.body.recipients[0]).toMatchObject({ userId: anna.id, function: 'ovd_bz', status: 'verzonden', receivedAt: null, answeredAt: null, eta: null, escalatedAt: null });
		expect(Date.parse(detail.body.recipients[0].escalateAt) - Date.parse(detail.body.recipients[0].sentAt)).toBe(5 * MIN);
		expect(detail.body.recipients[1].escalateAt).toBeNull(); // Carla has no backup

		const [event] = await eventsOfType(t.db, `incident:${incident.id}`, 'alert.created');
		expect(event).toMatchObject({ exercise: false, data: { id: res.body.id, recipients: expect.any(Array) } });
		const entries = await t.db.selectFrom('logEntry').select(['text', 'kind', 'source']).where('incidentId', '=', incident.id).execute();
		expect(entries).toContainEqual({ kind: 'actie', source: 'Paraat alarmering', text: expect.stringMatching(/^Alarmering: OvD Bevolkingszorg \(Anna de Vries\), Algemeen Commandant Bevolkingszorg \(Carla Smit\)\. Geen piketdienst voor: Teamleider Omgevingszorg\./) });
		const audit = await t.db.selectFrom('auditLog').select(['action', 'actorId']).where('entityId', '=', res.body.id).execute();
		expect(audit).toEqual([{ action: 'alert.created', actorId: crisis.id }]);
	});

	it('refuses bad input in Dutch, writing nothing', async () => {
		const count = async () => (await t.db.selectFrom('alert').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
		const before = await count();
		const unknown = await call(alertsRoute.POST, crisis, { id: incident.id }, { method: 'POST', body: { functions: ['ovd_bz', 'burgemeester_x'], message: 'Kom' } });
		expect(unknown.status).toBe(400);
		expect(JSON.stringify(unknown.body)).toContain('Onbekende functie: burgemeester_x');
		for (const body of [{ functions: [], message: 'Kom' }, { functions: ['ovd_bz'], message: '  ' }, { functions: 'ovd_bz', message: 'Kom' }, {}]) {
			const res = await call(alertsRoute.POST, crisis, { id: incident.id }, { method: 'POST', body });
			expect(res.status, JSON.stringify(body)).toBe(400);
		}
		expect((await call(alertRoute.GET, crisis, { id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
		expect((await call(alertsRoute.POST, crisis, { id: '00000000-0000-4000-8000-000000000000' }, { method: 'POST', body: { functions: ['ovd_bz'], message: 'x' } })).status).toBe(404);
		expect(await count()).toBe(before);
	});

	it('lets only the crisis team alert; the oefenleider only in an exercise', async () => {
		const body = { functions: ['ac_bz'], message: 'Kom' };
		expect((await call(alertsRoute.POST, waarnemer, { id: incident.id }, { method: 'POST', body })).status).toBe(403);
		expect((await call(alertsRoute.POST, anna, { id: incident.id }, { method: 'POST', body })).status).toBe(403);
		expect((await call(alertsRoute.POST, oefenleider, { id: incident.id }, { method: 'POST', body })).status).toBe(403);
		expect((await call(alertsRoute.POST, vergunning, { id: incident.id }, { method: 'POST', body })).status).toBe(403);
		expect((await call(alertsRoute.POST, null, { id: incident.id }, { method: 'POST', body })).status).toBe(401);
		expect((await call(alertsRoute.POST, oefenleider, { id: oefening.id }, { method: 'POST', body })).status).toBe(201);
	});

	it('marks an exercise alert OEFENING in the message, the event and the logbook of the exercise', async () => {
		const before = recorder.items.length;
		const res = await alerts.sendAlert(t.db, oefenleider, oefening.id, parse(newAlertInput, { functions: ['informatiemanager'], message: 'Oefenalarm' }), ctx);
		expect(recorder.items.slice(before).map((m) => m.subject)).toEqual(['OEFENING — Alarmering Informatiemanager: Oefening Sluis']);
		const events = await eventsOfType(t.db, `incident:${oefening.id}`, 'alert.created');
		expect(events.at(-1)).toMatchObject({ exercise: true, data: { id: res.id, exercise: true } });
		const logged = await eventsOfType(t.db, `incident:${oefening.id}`, 'log.created');
		expect(logged.at(-1)).toMatchObject({ exercise: true });
	});
});

describe('the one-tap link', () => {
	it('shows the message on GET without answering, marks it seen, answers "Ik kom" once with an arrival time, and never makes a session', async () => {
		const sent = await alerts.sendAlert(t.db, crisis, incident.id, parse(newAlertInput, { functions: ['ovd_bz'], message: 'Kom naar de Spaarne' }), ctx);
		const code = codeFor(anna);
		const sessions = async () => (await t.db.selectFrom('userSession').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
		const sessionsBefore = await sessions();

		// A mail scanner fetching the link (GET) twice changes nothing.
		for (let i = 0; i < 2; i++) {
			const opened = await openLink(code);
			expect(opened.data.view).toMatchObject({ state: 'open', alert: { name: 'Anna de Vries', functionName: 'OvD Bevolkingszorg', incidentTitle: 'Brand Spaarne', message: 'Kom naar de Spaarne', exercise: false } });
			expect(opened.headers['cache-control']).toBe('no-store');
		}
		expect((await status(sent.id, anna)).status).toBe('verzonden');
		expect(await postLink('gezien', code)).toEqual({ seen: true });
		expect((await status(sent.id, anna)).status).toBe('ontvangen');

		const answered = await postLink('komt', code, '20');
		expect(answered).toMatchObject({ outcome: { state: 'answered', status: 'komt' } });
		const row = await status(sent.id, anna);
		expect(row).toMatchObject({ status: 'komt', linkUsedAt: expect.any(Date), answeredAt: expect.any(Date) });
		expect(Math.abs(row.eta!.getTime() - (row.answeredAt!.getTime() + 20 * MIN))).toBeLessThan(1000);

		// Single use: a second answer (either button) is refused and changes nothing.
		const again = await postLink('komt_niet', code);
		expect(again.status).toBe(409);
		expect(again.data).toMatchObject({ outcome: { state: 'used', status: 'komt' } });
		expect((await status(sent.id, anna)).status).toBe('komt');
		expect((await openLink(code)).data.view).toMatchObject({ state: 'used', status: 'komt' });

		// The answer is in the logbook, the audit trail and on the incident's topic.
		const entry = await t.db.selectFrom('logEntry').select(['text', 'authorId', 'kind']).where('incidentId', '=', incident.id).orderBy('number', 'desc').executeTakeFirstOrThrow();
		expect(entry).toMatchObject({ kind: 'melding', authorId: anna.id, text: expect.stringMatching(/^Anna de Vries \(OvD Bevolkingszorg\) komt, verwacht om \d\d:\d\d; antwoord op de alarmering/) });
		const audit = await t.db.selectFrom('auditLog').select(['action', 'actorId']).where('entityId', '=', sent.id).orderBy('at').execute();
		expect(audit).toEqual([{ action: 'alert.created', actorId: crisis.id }, { action: 'alert.answered', actorId: anna.id }]);
		const updates = await eventsOfType(t.db, `incident:${incident.id}`, 'alert.updated');
		expect(updates.at(-1)).toMatchObject({ data: { id: sent.id, recipients: [expect.objectContaining({ userId: anna.id, status: 'komt' })] } });

		// No session exists for the token, and none was made.
		expect(await sessions()).toBe(sessionsBefore);
		expect((await validateSessionToken(t.db, code)).user).toBeNull();
	});

	it('gives a clear Dutch refusal for a forged, an expired and a malformed link, and checks the arrival time', async () => {
		const sent = await alerts.sendAlert(t.db, crisis, incident.id, parse(newAlertInput, { functions: ['ac_bz'], message: 'Kom' }), ctx);
		const code = codeFor(carla);
		const forged = code.slice(0, -1) + (code.endsWith('a') ? 'b' : 'a');
		expect((await openLink(forged)).data.view).toEqual({ state: 'unknown' });
		expect((await postLink('komt', forged)).status).toBe(404);
		expect((await openLink('')).data.view).toEqual({ state: 'unknown' });
		expect((await postLink('komt', `${code}' or '1'='1`)).status).toBe(404);
		const wrongEta = await postLink('komt', code, 'straks');
		expect(wrongEta.status).toBe(400);
		expect(JSON.stringify(wrongEta.data)).toContain('minuten');

		await sql`update alert_recipient set link_expires_at = now() - interval '1 second' where alert_id = ${sent.id}`.execute(t.db);
		expect((await openLink(code)).data.view).toMatchObject({ state: 'expired' });
		const late = await postLink('komt', code);
		expect(late.status).toBe(410);
		expect((await status(sent.id, carla)).status).toBe('verzonden');
		expect(await postLink('gezien', code)).toEqual({ seen: false });
	});

	it('"Ik kan niet" passes the alert to the backup at once', async () => {
		const sent = await alerts.sendAlert(t.db, crisis, incident.id, parse(newAlertInput, { functions: ['informatiemanager'], message: 'Kom' }), ctx);
		const before = recorder.items.length;
		expect(await postLink('komt_niet', codeFor(dirk))).toMatchObject({ outcome: { state: 'answered', status: 'komt_niet' } });
		expect((await status(sent.id, dirk)).status).toBe('komt_niet');
		const backup = await status(sent.id, anna, true);
		expect(backup).toMatchObject({ status: 'verzonden', functionCode: 'informatiemanager', escalateAt: null });
		const toBackup = recorder.items.slice(before);
		expect(toBackup.map((m) => m.userId)).toEqual([anna.id]);
		expect(toBackup[0]!.text).toContain('als backup van Dirk Bakker');
		// The scheduler has nothing more to do for it, however late it runs.
		await escalateDue(t.db, deps(), new Date(Date.now() + 60 * MIN));
		const backups = await t.db.selectFrom('alertRecipient').select('userId').where('alertId', '=', sent.id).where('escalatedFrom', 'is not', null).execute();
		expect(backups).toEqual([{ userId: anna.id }]);
		expect((await status(sent.id, dirk)).status).toBe('komt_niet');
	});

	it('the same token opens nothing else: it is no session, and the alert API wants a login', async () => {
		const sent = await alerts.sendAlert(t.db, crisis, incident.id, parse(newAlertInput, { functions: ['ac_bz'], message: 'Kom' }), ctx);
		const code = codeFor(carla);
		expect((await validateSessionToken(t.db, code)).session).toBeNull();
		expect((await call(alertRoute.GET, null, { id: sent.id })).status).toBe(401);
	});
});

describe('escalation to the backup', () => {
	it('escalates an unanswered alert after the minutes, exactly once, and logs it', async () => {
		const sentAt = new Date(Date.now() - 10 * MIN);
		const sent = await alerts.sendAlert(t.db, crisis, incident.id, parse(newAlertInput, { functions: ['ovd_bz', 'ac_bz'], message: 'Kom' }), { ...ctx, now: sentAt });
		const before = recorder.items.length;
		// Not yet due four minutes after sending.
		await escalateDue(t.db, deps(), new Date(sentAt.getTime() + 4 * MIN));
		expect(await status(sent.id, anna)).toMatchObject({ status: 'verzonden', escalatedAt: null });
		expect(await escalateDue(t.db, deps(), new Date())).toBeGreaterThanOrEqual(1);
		await escalateDue(t.db, deps(), new Date());
		expect(await status(sent.id, anna)).toMatchObject({ status: 'geescaleerd', escalatedAt: expect.any(Date) });
		expect(await status(sent.id, bram, true)).toMatchObject({ status: 'verzonden', escalateAt: null });
		expect(recorder.items.slice(before).filter((m) => m.text.includes('als backup van Anna de Vries')).map((m) => m.userId)).toEqual([bram.id]);
		// Carla has no backup: she stays "verzonden".
		expect((await status(sent.id, carla)).status).toBe('verzonden');
		const detail = await alerts.alertOf(t.db, crisis, sent.id);
		expect(detail.recipients.map((r) => [r.name, r.status])).toEqual([
			['Anna de Vries', 'geescaleerd'],
			['Bram Jansen', 'verzonden'],
			['Carla Smit', 'verzonden']
		]);
		const entry = await t.db.selectFrom('logEntry').select('text').where('incidentId', '=', incident.id).orderBy('number', 'desc').executeTakeFirstOrThrow();
		expect(entry.text).toMatch(/^Geen antwoord van Anna de Vries binnen 5 minuten \(OvD Bevolkingszorg\): alarmering doorgezet naar backup Bram Jansen/);
		const audit = await t.db.selectFrom('auditLog').select(['action', 'actorId']).where('entityId', '=', sent.id).where('action', '=', 'alert.escalated').execute();
		expect(audit).toEqual([{ action: 'alert.escalated', actorId: null }]);
	});

	it('a scheduler started after a restart escalates what fell due meanwhile; two schedulers escalate once', async () => {
		const sent = await alerts.sendAlert(t.db, crisis, incident.id, parse(newAlertInput, { functions: ['ovd_bz'], message: 'Na herstart' }), { ...ctx, now: new Date(Date.now() - 30 * MIN) });
		const other = createDb(t.url, { max: 4 });
		try {
			const a = startAlertScheduler(t.db, deps, { intervalMs: 60_000 });
			const b = startAlertScheduler(other, deps, { intervalMs: 60_000 });
			const counts = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
			await a.stop();
			await b.stop();
			expect(counts.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
		} finally {
			await other.destroy();
		}
		const backups = await t.db.selectFrom('alertRecipient').select('userId').where('alertId', '=', sent.id).where('escalatedFrom', 'is not', null).execute();
		expect(backups).toEqual([{ userId: bram.id }]);
		expect((await status(sent.id, anna)).status).toBe('geescaleerd');
	});

	it('an answer "Ik kom" in time stops the escalation; an answer after escalation still counts', async () => {
		const sentAt = new Date(Date.now() - 10 * MIN);
		const early = await alerts.sendAlert(t.db, crisis, incident.id, parse(newAlertInput, { functions: ['ovd_bz'], message: 'Kom' }), { ...ctx, now: new Date() });
		await postLink('komt', codeFor(anna));
		await escalateDue(t.db, deps(), new Date(Date.now() + 60 * MIN));
		expect(await t.db.selectFrom('alertRecipient').select('id').where('alertId', '=', early.id).where('escalatedFrom', 'is not', null).execute()).toEqual([]);
		expect((await status(early.id, anna)).status).toBe('komt');

		const late = await alerts.sendAlert(t.db, crisis, incident.id, parse(newAlertInput, { functions: ['ovd_bz'], message: 'Kom' }), { ...ctx, now: sentAt });
		const code = codeFor(anna);
		await escalateDue(t.db, deps());
		expect((await status(late.id, anna)).status).toBe('geescaleerd');
		expect(await postLink('komt', code, '5')).toMatchObject({ outcome: { state: 'answered', status: 'komt' } });
		expect((await status(late.id, anna)).status).toBe('komt');
	});
});

describe('raising GRIP alerts the functions of the new levels', () => {
	it('0 → 2 alerts OvD, Algemeen Commandant and informatiemanager in the GRIP change’s transaction; going down alerts no one', async () => {
		const scaled = await makeIncident(t.db, crisis, { title: 'Gaslek Velsen', municipalities: ['velsen'] });
		const updated = await grip.changeGripAndAlert(t.db, crisis, scaled.id, { grip: 2, reason: 'Effecten buiten het terrein' }, ctx);
		expect(updated.grip).toBe(2);
		const [alert] = (await alerts.alertsOf(t.db, crisis, scaled.id)).alerts;
		expect(alert).toMatchObject({ gripLevel: 2, functions: ['ovd_bz', 'ac_bz', 'informatiemanager'], message: 'GRIP 2: Effecten buiten het terrein' });
		expect(alert!.recipients.map((r) => r.userId)).toEqual([anna.id, carla.id, dirk.id]);
		await grip.changeGripAndAlert(t.db, crisis, scaled.id, { grip: 1, reason: 'Afgeschaald' }, ctx);
		expect((await alerts.alertsOf(t.db, crisis, scaled.id)).alerts).toHaveLength(1);
		const log = await t.db.selectFrom('logEntry').select('text').where('incidentId', '=', scaled.id).execute();
		expect(log.map((l) => l.text)).toEqual([expect.stringMatching(/^Alarmering bij GRIP 2: OvD Bevolkingszorg \(Anna de Vries\)/)]);
	});

	it('a refused GRIP change alerts no one', async () => {
		const other = await makeIncident(t.db, crisis, { title: 'Storm Zandvoort', municipalities: ['zandvoort'] });
		await expectServiceError(grip.changeGripAndAlert(t.db, waarnemer, other.id, { grip: 2, reason: 'Opschalen' }, ctx), 403);
		expect((await alerts.alertsOf(t.db, crisis, other.id)).alerts).toEqual([]);
	});

	it('the on-call list reads the same periods the alert used', async () => {
		expect((await onCallNow(t.db, crisis)).map((o) => o.function)).toEqual(['ovd_bz', 'ac_bz', 'informatiemanager']);
		expect(await links.answerAlert(t.db, 'x', 'komt', null, ctx)).toEqual({ state: 'unknown' });
	});
});
