// Incidents against real PostgreSQL through the services: crisis or exercise, who may create
// and manage them, GRIP with its history, optimistic versions, audit, realtime events, atomicity,
// the read permission per role and the `incident:<id>` topic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Discipline, type Role, type SessionUser } from '../../src/lib/server/auth/roles.ts';
import { gripChangeInput, newIncidentInput, statusChangeInput } from '../../src/lib/server/incidents/incident-input.ts';
import { changeGrip, changeStatus, createIncident, incidentDetail, incidentsFor } from '../../src/lib/server/incidents/incident-service.ts';
import { eventsSince, currentSeq } from '../../src/lib/server/realtime/event-log.ts';
import { authoriseTopic } from '../../src/lib/server/realtime/topics.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import {
	ctx,
	expectServiceError,
	installEventFault,
	makeIncident,
	parse,
	schemaFields,
	snapshotCounts,
	withEventFault
} from '../support/incident-fixtures.ts';

let t: TestDatabase;
let crisis: SessionUser; // crisisteam, Haarlem
let crisisRegio: SessionUser; // crisisteam, region
let oefenleider: SessionUser;
let waarnemer: SessionUser;
let vergunningverlener: SessionUser;
let bibob: SessionUser;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

beforeAll(async () => {
	t = await createTestDatabase();
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
	crisisRegio = await createUser(t.db, { name: 'Rita Regio', grants: [{ role: 'crisisteam', municipality: null }] });
	oefenleider = await createUser(t.db, { name: 'Olga Oefenleider', grants: [{ role: 'oefenleider', municipality: 'velsen' }] });
	waarnemer = await createUser(t.db, { name: 'Wim Waarnemer', grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
	vergunningverlener = await createUser(t.db, { name: 'Vera Vergunning', grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	bibob = await createUser(t.db, { name: 'Bart Bibob', grants: [{ role: 'bibob', municipality: 'haarlem' }] });
	await installEventFault(t.db);
});

afterAll(async () => {
	await t?.drop();
});

const gripInput = (grip: number, reason: string, version?: number) => parse(gripChangeInput, { grip, reason, version });
const auditOf = (entityId: string) =>
	t.db.selectFrom('auditLog').selectAll().where('entityType', '=', 'incident').where('entityId', '=', entityId).orderBy('id').execute();

describe('creating incidents', () => {
	it('the crisis team creates a crisis: GRIP 0 by default, municipalities deduplicated and sorted, no exercise', async () => {
		const before = Date.now();
		const incident = await createIncident(
			t.db,
			crisis,
			parse(newIncidentInput, { title: '  Grote brand Zandvoort  ', kind: 'crisis', municipalities: ['zandvoort', 'haarlem', 'bloemendaal', 'haarlem'] }),
			ctx
		);
		expect(incident).toMatchObject({
			title: 'Grote brand Zandvoort',
			kind: 'crisis',
			exercise: false,
			status: 'actief',
			grip: 0,
			municipalities: ['bloemendaal', 'haarlem', 'zandvoort'],
			createdBy: { id: crisis.id, name: 'Chris Crisis' },
			version: 1,
			type: null,
			location: null,
			position: null,
			affectedPeople: null
		});
		expect(incident.id).toMatch(UUID);
		const started = Date.parse(incident.startedAt);
		expect(started).toBeGreaterThanOrEqual(before - 2_000);
		expect(started).toBeLessThanOrEqual(Date.now() + 2_000);

		// What the service returned is what is stored.
		const detail = await incidentDetail(t.db, crisis, incident.id);
		expect(detail.incident).toEqual(incident);
		const links = await t.db.selectFrom('incidentMunicipality').select('municipalityCode').where('incidentId', '=', incident.id).orderBy('municipalityCode').execute();
		expect(links.map((l) => l.municipalityCode)).toEqual(['bloemendaal', 'haarlem', 'zandvoort']);
	});

	it('creates an exercise (oefening) with exercise true and the GRIP asked for', async () => {
		const incident = await makeIncident(t.db, crisis, { title: 'Oefening Waterdunen', kind: 'oefening', municipalities: ['velsen'], grip: 2 });
		expect(incident).toMatchObject({ kind: 'oefening', exercise: true, grip: 2, municipalities: ['velsen'], status: 'actief' });
		const detail = await incidentDetail(t.db, waarnemer, incident.id);
		expect(detail.incident.exercise).toBe(true);
		expect(detail.gripHistory.map((h) => [h.from, h.to])).toEqual([[null, 2]]);
	});

	it('an oefenleider may create an oefening but not a crisis (403), and the refusal writes nothing', async () => {
		const oefening = await makeIncident(t.db, oefenleider, { title: 'Oefening IJmuiden', kind: 'oefening', municipalities: ['velsen'] });
		expect(oefening).toMatchObject({ kind: 'oefening', exercise: true, createdBy: { id: oefenleider.id } });

		const before = await snapshotCounts(t.db);
		const err = await expectServiceError(makeIncident(t.db, oefenleider, { title: 'Echte crisis', kind: 'crisis' }), 403, 'forbidden');
		expect(err.message).toMatch(/crisisteam/i);
		expect(await snapshotCounts(t.db)).toEqual(before);
	});

	it.each([
		['waarnemer', () => waarnemer],
		['vergunningverlener', () => vergunningverlener],
		['bibob', () => bibob]
	])('a %s may not create a crisis or an oefening (403)', async (_role, who) => {
		const before = await snapshotCounts(t.db);
		await expectServiceError(makeIncident(t.db, who(), { kind: 'crisis' }), 403, 'forbidden');
		await expectServiceError(makeIncident(t.db, who(), { kind: 'oefening' }), 403, 'forbidden');
		expect(await snapshotCounts(t.db)).toEqual(before);
	});

	it('rejects a start time in the future (400 naming startedAt)', async () => {
		const startedAt = new Date(Date.now() + 60 * 60_000).toISOString();
		const err = await expectServiceError(makeIncident(t.db, crisis, { startedAt }), 400, 'validation_failed');
		expect(err.fields?.map((f) => f.field)).toEqual(['startedAt']);
	});
});

describe('input schemas', () => {
	it('newIncidentInput rejects an unknown municipality and names the field', () => {
		const fields = schemaFields(newIncidentInput, { title: 'Brand', kind: 'crisis', municipalities: ['haarlem', 'amsterdam'] });
		expect(fields).toHaveLength(1);
		expect(fields[0]!.field).toBe('municipalities.1');
		expect(fields[0]!.message).toMatch(/Onbekende gemeente/);
	});

	it('newIncidentInput rejects GRIP 6 (and GRIP Rijk) and names the field', () => {
		const fields = schemaFields(newIncidentInput, { title: 'Brand', kind: 'crisis', municipalities: ['haarlem'], grip: 6 });
		expect(fields.map((f) => f.field)).toEqual(['grip']);
		expect(fields[0]!.message).toMatch(/0 tot en met 5/);
		expect(schemaFields(newIncidentInput, { title: 'Brand', kind: 'crisis', municipalities: ['haarlem'], grip: 5 })).toEqual([]);
		expect(schemaFields(gripChangeInput, { grip: 6, reason: 'Landelijke opschaling' }).map((f) => f.field)).toEqual(['grip']);
	});

	it('newIncidentInput names every wrong field at once', () => {
		const fields = schemaFields(newIncidentInput, { title: 'x', kind: 'ramp', municipalities: [] });
		expect(fields.map((f) => f.field).sort()).toEqual(['kind', 'municipalities', 'title']);
	});

	it('the service itself refuses a GRIP level that is not in grip_level, before writing anything', async () => {
		const before = await snapshotCounts(t.db);
		const input = { ...parse(newIncidentInput, { title: 'Brand', kind: 'crisis', municipalities: ['haarlem'] }), grip: 6 };
		const err = await expectServiceError(createIncident(t.db, crisis, input, ctx), 400, 'validation_failed');
		expect(err.fields?.map((f) => f.field)).toEqual(['grip']);
		expect(await snapshotCounts(t.db)).toEqual(before);
	});
});

describe('GRIP', () => {
	it('creation writes the first history row (from null); each change appends one with reason, who and when, in order', async () => {
		const t0 = Date.now();
		const incident = await makeIncident(t.db, crisis, { title: 'Gaslek Schalkwijk', municipalities: ['haarlem'], grip: 1 });
		const first = await incidentDetail(t.db, crisis, incident.id);
		expect(first.gripHistory).toHaveLength(1);
		expect(first.gripHistory[0]).toMatchObject({ from: null, to: 1, reason: 'Incident aangemaakt', by: { id: crisis.id, name: 'Chris Crisis' } });

		const up = await changeGrip(t.db, crisisRegio, incident.id, gripInput(3, 'Bedreiging bevolking Haarlem', 1), ctx);
		expect(up).toMatchObject({ grip: 3, version: 2 });
		const down = await changeGrip(t.db, crisis, incident.id, gripInput(2, 'Bron onder controle', 2), ctx);
		expect(down).toMatchObject({ grip: 2, version: 3 });

		const { incident: stored, gripHistory, gripLevels } = await incidentDetail(t.db, waarnemer, incident.id);
		expect(stored).toMatchObject({ grip: 2, version: 3 });
		expect(gripHistory.map(({ from, to, reason, by }) => ({ from, to, reason, by: by.id }))).toEqual([
			{ from: null, to: 1, reason: 'Incident aangemaakt', by: crisis.id },
			{ from: 1, to: 3, reason: 'Bedreiging bevolking Haarlem', by: crisisRegio.id },
			{ from: 3, to: 2, reason: 'Bron onder controle', by: crisis.id }
		]);
		expect(gripHistory[1]!.by.name).toBe('Rita Regio');
		const times = gripHistory.map((h) => Date.parse(h.at));
		for (const at of times) {
			expect(at).toBeGreaterThanOrEqual(t0 - 2_000);
			expect(at).toBeLessThanOrEqual(Date.now() + 2_000);
		}
		expect([...times].sort((a, b) => a - b)).toEqual(times);
		expect(gripLevels.map((l) => l.level)).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('changing to the level it already has is a 400 and writes nothing', async () => {
		const incident = await makeIncident(t.db, crisis, { grip: 2 });
		const before = await snapshotCounts(t.db);
		const err = await expectServiceError(changeGrip(t.db, crisis, incident.id, gripInput(2, 'Nogmaals GRIP 2', 1), ctx), 400, 'grip_unchanged');
		expect(err.message).toMatch(/GRIP 2/);
		expect(await snapshotCounts(t.db)).toEqual(before);
	});

	it('a stale version is a 409 and leaves the incident and its history alone', async () => {
		const incident = await makeIncident(t.db, crisis, { grip: 0 });
		await changeGrip(t.db, crisis, incident.id, gripInput(1, 'CoPI ingesteld', 1), ctx);
		const before = await snapshotCounts(t.db);
		await expectServiceError(changeGrip(t.db, crisisRegio, incident.id, gripInput(3, 'Zag nog GRIP 0', 1), ctx), 409, 'conflict');
		expect(await snapshotCounts(t.db)).toEqual(before);
		const detail = await incidentDetail(t.db, crisis, incident.id);
		expect(detail.incident).toMatchObject({ grip: 1, version: 2 });
		expect(detail.gripHistory.map((h) => h.to)).toEqual([0, 1]);
	});

	it('a closed incident no longer changes GRIP (409)', async () => {
		const incident = await makeIncident(t.db, crisis, { grip: 1 });
		const closed = await changeStatus(t.db, crisis, incident.id, parse(statusChangeInput, { status: 'gesloten', version: 1 }), ctx);
		expect(closed).toMatchObject({ status: 'gesloten', version: 2 });
		const before = await snapshotCounts(t.db);
		await expectServiceError(changeGrip(t.db, crisis, incident.id, gripInput(2, 'Toch opschalen', 2), ctx), 409, 'incident_closed');
		// ...and does not reopen.
		await expectServiceError(changeStatus(t.db, crisis, incident.id, parse(statusChangeInput, { status: 'actief', version: 2 }), ctx), 409, 'incident_closed');
		expect(await snapshotCounts(t.db)).toEqual(before);
	});

	it('only the crisis team manages a crisis; an oefenleider manages an oefening; a waarnemer neither (403)', async () => {
		const real = await makeIncident(t.db, crisis, { kind: 'crisis' });
		const oefening = await makeIncident(t.db, oefenleider, { kind: 'oefening', municipalities: ['velsen'] });
		await expectServiceError(changeGrip(t.db, oefenleider, real.id, gripInput(1, 'Oefenleider schaalt op'), ctx), 403, 'forbidden');
		await expectServiceError(changeGrip(t.db, waarnemer, oefening.id, gripInput(1, 'Waarnemer schaalt op'), ctx), 403, 'forbidden');
		expect(await changeGrip(t.db, oefenleider, oefening.id, gripInput(1, 'Inject: CoPI'), ctx)).toMatchObject({ grip: 1, exercise: true });
		expect((await incidentDetail(t.db, crisis, real.id)).incident.grip).toBe(0);
	});
});

describe('audit and realtime', () => {
	it('writes incident.aangemaakt and incident.grip_gewijzigd audit rows', async () => {
		const incident = await makeIncident(t.db, crisis, { kind: 'crisis', municipalities: ['heemstede', 'haarlem'], grip: 1 });
		await changeGrip(t.db, crisisRegio, incident.id, gripInput(4, 'Over gemeentegrenzen', 1), ctx);
		const rows = await auditOf(incident.id);
		expect(rows.map((r) => ({ action: r.action, actorId: r.actorId, ip: r.ip, details: r.details }))).toEqual([
			{ action: 'incident.created', actorId: crisis.id, ip: ctx.ip, details: { kind: 'crisis', grip: 1, municipalities: ['heemstede', 'haarlem'] } },
			{ action: 'incident.grip_changed', actorId: crisisRegio.id, ip: ctx.ip, details: { from: 1, to: 4, reason: 'Over gemeentegrenzen' } }
		]);
	});

	it('publishes on incident:<id> and on incidents, marked as exercise for an oefening', async () => {
		const listSeq = await currentSeq(t.db, 'incidents');
		const oefening = await makeIncident(t.db, oefenleider, { title: 'Oefening Spaarndam', kind: 'oefening', municipalities: ['haarlem'] });
		const updated = await changeGrip(t.db, oefenleider, oefening.id, gripInput(2, 'Inject: ROT', 1), ctx);

		const own = await eventsSince(t.db, `incident:${oefening.id}`, 0);
		expect(own.map((e) => ({ seq: e.seq, type: e.type, exercise: e.exercise, actor: e.actor }))).toEqual([
			{ seq: 1, type: 'incident.created', exercise: true, actor: { id: oefenleider.id, name: 'Olga Oefenleider' } },
			{ seq: 2, type: 'incident.updated', exercise: true, actor: { id: oefenleider.id, name: 'Olga Oefenleider' } }
		]);
		// The event carries the record in the shape the API returns.
		expect(own[1]!.data).toEqual(updated);

		const list = await eventsSince(t.db, 'incidents', listSeq);
		expect(list.map((e) => ({ type: e.type, exercise: e.exercise, id: (e.data as { id: string }).id }))).toEqual([
			{ type: 'incident.created', exercise: true, id: oefening.id },
			{ type: 'incident.updated', exercise: true, id: oefening.id }
		]);
		expect(list.map((e) => e.seq)).toEqual([listSeq + 1, listSeq + 2]);

		// A real crisis is not marked as exercise.
		const real = await makeIncident(t.db, crisis, { kind: 'crisis' });
		const realEvents = await eventsSince(t.db, `incident:${real.id}`, 0);
		expect(realEvents.map((e) => [e.type, e.exercise])).toEqual([['incident.created', false]]);
		expect((await eventsSince(t.db, 'incidents', listSeq + 2)).map((e) => e.exercise)).toEqual([false]);
	});

	it('a failure inside the create transaction leaves no incident, history, audit or event behind', async () => {
		const before = await snapshotCounts(t.db);
		const listSeq = await currentSeq(t.db, 'incidents');
		await expect(
			withEventFault(t.db, { topic: 'incidents', type: 'incident.created' }, () => makeIncident(t.db, crisis, { title: 'Half geschreven' }))
		).rejects.toThrow(/injected fault/);
		expect(await snapshotCounts(t.db)).toEqual(before);
		expect(await currentSeq(t.db, 'incidents')).toBe(listSeq);
		expect(await t.db.selectFrom('incident').select('id').where('title', '=', 'Half geschreven').execute()).toEqual([]);
	});

	it('a failure inside the GRIP transaction leaves GRIP, version and history as they were', async () => {
		const incident = await makeIncident(t.db, crisis, { grip: 1 });
		const before = await snapshotCounts(t.db);
		await expect(
			withEventFault(t.db, { topic: 'incidents', type: 'incident.updated' }, () => changeGrip(t.db, crisis, incident.id, gripInput(3, 'Valt weg', 1), ctx))
		).rejects.toThrow(/injected fault/);
		expect(await snapshotCounts(t.db)).toEqual(before);
		const detail = await incidentDetail(t.db, crisis, incident.id);
		expect(detail.incident).toMatchObject({ grip: 1, version: 1 });
		expect(detail.gripHistory).toHaveLength(1);
		expect(await eventsSince(t.db, `incident:${incident.id}`, 0)).toHaveLength(1);
	});
});

describe('reading', () => {
	const READERS: Role[] = ['crisisteam', 'bevolkingszorg', 'brandweer', 'ghor', 'politie', 'oefenleider', 'waarnemer', 'beheerder'];
	const users = new Map<Role, SessionUser>();
	let incidentId: string;

	beforeAll(async () => {
		for (const role of ROLES) {
			const discipline: Discipline | null = role === 'adviseur' ? 'brandweer' : null;
			users.set(role, await createUser(t.db, { name: `Matrix ${role}`, grants: [{ role, municipality: 'beverwijk', discipline }] }));
		}
		incidentId = (await makeIncident(t.db, crisisRegio, { title: 'Matrix-incident', municipalities: ['zandvoort'] })).id;
	});

	it('the reader list is exactly the expected roles', () => {
		expect(ROLES.filter((r) => READERS.includes(r)).sort()).toEqual([...READERS].sort());
		expect(ROLES).toHaveLength(13);
	});

	it.each(ROLES.map((role) => [role, READERS.includes(role)] as const))(
		'%s with a municipal grant (Beverwijk) reads every incident in the region: %s',
		async (role, reads) => {
			const user = users.get(role)!;
			if (reads) {
				const list = await incidentsFor(t.db, user);
				// Incidents are regional work: an incident in Zandvoort is visible from Beverwijk.
				expect(list.map((i) => i.id)).toContain(incidentId);
				expect((await incidentDetail(t.db, user, incidentId)).incident.title).toBe('Matrix-incident');
			} else {
				await expectServiceError(incidentsFor(t.db, user), 403, 'forbidden');
				await expectServiceError(incidentDetail(t.db, user, incidentId), 403, 'forbidden');
			}
		}
	);

	it('lists closed incidents only when asked', async () => {
		const incident = await makeIncident(t.db, crisis, { title: 'Wordt gesloten' });
		await changeStatus(t.db, crisis, incident.id, parse(statusChangeInput, { status: 'gesloten' }), ctx);
		expect((await incidentsFor(t.db, waarnemer)).map((i) => i.id)).not.toContain(incident.id);
		const all = await incidentsFor(t.db, waarnemer, true);
		expect(all.find((i) => i.id === incident.id)?.status).toBe('gesloten');
	});

	it('an unknown or malformed id is a 404', async () => {
		await expectServiceError(incidentDetail(t.db, crisis, '00000000-0000-4000-8000-000000000000'), 404, 'not_found');
		await expectServiceError(incidentDetail(t.db, crisis, 'niet-een-id'), 404, 'not_found');
	});

	// Regression (incident-service.ts requireReadableIncident, topics.ts):
	// a loose id check let 36 hex digits (or hyphens) through to PostgreSQL, whose uuid cast
	// failed (22P02), so the API answered 500 instead of 404.
	it('a 36-character non-uuid id is a 404, not a database error', async () => {
		await expectServiceError(incidentDetail(t.db, crisis, 'a'.repeat(36)), 404, 'not_found');
	});

	it('authorises incident:<id> for a reader, refuses a vergunningverlener, and knows no nonexistent incident', async () => {
		expect(await authoriseTopic(t.db, waarnemer, `incident:${incidentId}`)).toEqual({ ok: true });
		expect(await authoriseTopic(t.db, users.get('bevolkingszorg')!, `incident:${incidentId}`)).toEqual({ ok: true });
		expect(await authoriseTopic(t.db, vergunningverlener, `incident:${incidentId}`)).toMatchObject({ ok: false, code: 'forbidden' });
		expect(await authoriseTopic(t.db, bibob, `incident:${incidentId}`)).toMatchObject({ ok: false, code: 'forbidden' });
		expect(await authoriseTopic(t.db, waarnemer, 'incident:00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, code: 'unknown_topic' });
		expect(await authoriseTopic(t.db, waarnemer, 'incident:abc')).toMatchObject({ ok: false, code: 'unknown_topic' });
		expect(await authoriseTopic(t.db, waarnemer, 'incidents')).toEqual({ ok: true });
		expect(await authoriseTopic(t.db, vergunningverlener, 'incidents')).toMatchObject({ ok: false, code: 'forbidden' });
	});
});
