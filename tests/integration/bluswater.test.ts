// The bluswater board against real PostgreSQL through the services: the seeded fleet, water
// requests, assignments (a unit twice is refused, nothing half-written), the status flow with
// the load on scene, versions, and the events with their exercise mark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { changeStatus } from '../../src/lib/server/incidents/incident-service.ts';
import { statusChangeInput } from '../../src/lib/server/incidents/incident-input.ts';
import { newWaterRequestInput, unitStatusChangeInput, waterRequestChangeInput } from '../../src/lib/server/bluswater/bluswater-input.ts';
import {
	changeUnitStatus,
	changeWaterRequest,
	endAssignment,
	requestsOfIncident
} from '../../src/lib/server/bluswater/bluswater-service.ts';
import { UnitConflictError, RequestConflictError } from '../../src/lib/server/bluswater/bluswater-access.ts';
import { findUnit, listRefillPoints, listUnits, unitHistory } from '../../src/lib/server/bluswater/bluswater-queries.ts';
import type { UnitRecord, WaterRequestRecord } from '../../src/lib/domain/bluswater-board.ts';
import { eventsSince } from '../../src/lib/server/realtime/event-log.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { ctx, expectServiceError, installEventFault, makeIncident, parse, schemaFields, withEventFault } from '../support/incident-fixtures.ts';
import { assign, backdateArrival, makeRequest, setStatus, snapshot, unitByCode } from '../support/bluswater-fixtures.ts';

let t: TestDatabase;
let brandweer: SessionUser;
let crisisteam: SessionUser;
let oefenleider: SessionUser;
let crisis: IncidentRecord;
let oefening: IncidentRecord;

beforeAll(async () => {
	t = await createTestDatabase();
	brandweer = await createUser(t.db, { name: 'Bert Brandweer', grants: [{ role: 'brandweer', municipality: null }] });
	crisisteam = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: null }] });
	oefenleider = await createUser(t.db, { name: 'Olga Oefenleider', grants: [{ role: 'oefenleider', municipality: 'haarlem' }] });
	crisis = await makeIncident(t.db, crisisteam, { title: 'Brand loods Waarderpolder', kind: 'crisis', municipalities: ['haarlem'] });
	oefening = await makeIncident(t.db, oefenleider, { title: 'Oefening duinbrand', kind: 'oefening', municipalities: ['zandvoort'] });
	await installEventFault(t.db);
});

afterAll(async () => {
	await t?.drop();
});

describe('the seeded fleet and refill points', () => {
	it('has eight WTW and two GWT, all available at their station', async () => {
		const units = await listUnits(t.db);
		expect(units.filter((u) => u.kind === 'wtw')).toHaveLength(8);
		expect(units.filter((u) => u.kind === 'gwt')).toHaveLength(2);
		expect(units.map((u) => u.station)).toEqual(
			expect.arrayContaining(['Beverwijk', 'Haarlem-West', 'Rijsenhout', 'Zandvoort', 'Badhoevedorp', 'Velsen', 'Heemskerk', 'Hoofddorp'])
		);
		for (const u of units) {
			expect(u).toMatchObject({ status: 'beschikbaar', incident: null, requestId: null, exercise: false, version: 1, position: u.home });
			if (u.kind === 'wtw') expect(u.capacityLitres).toBe(17_000);
		}
		expect((await unitByCode(t.db, 'WTW 12-4')).crew).toBe('vrijwillig');
		expect((await unitByCode(t.db, 'WTW 12-8')).pumpRateLpm).toBe(4_000);
	});

	it('has open water and wells to refill from', async () => {
		const points = await listRefillPoints(t.db);
		expect(points.length).toBeGreaterThanOrEqual(8);
		expect(new Set(points.map((p) => p.kind))).toEqual(new Set(['open_water', 'put', 'brandkraan_secundair']));
		expect(points.map((p) => p.name)).toEqual(expect.arrayContaining(['Noordzeekanaal, Velsen-Zuid', 'Spaarne, Haarlem', 'Mooie Nel, Haarlem-Noord']));
	});
});

describe('water requests', () => {
	it('defaults the demand to 500 l/min and measures from the municipality centre without a position', async () => {
		const request = await makeRequest(t.db, brandweer, crisis.id);
		expect(request).toMatchObject({
			incident: { id: crisis.id, title: crisis.title, exercise: false, status: 'actief' },
			exercise: false,
			place: 'Grote Markt 2',
			position: null,
			target: { lat: 52.381, lon: 4.637 },
			targetSource: 'gemeente',
			demandLpm: 500,
			endedAt: null,
			assignments: [],
			version: 1,
			createdBy: { id: brandweer.id, name: brandweer.name }
		});
		const events = await eventsSince(t.db, `incident:${crisis.id}`, 0);
		expect(events.at(-1)).toMatchObject({ type: 'bluswater.request.created', exercise: false, data: { id: request.id } });
	});

	it('refuses a negative or zero demand in Dutch, before anything is written', () => {
		for (const demandLpm of [-500, 0]) {
			const fields = schemaFields(newWaterRequestInput, { place: 'Dorpsstraat', demandLpm });
			expect(fields).toEqual([{ field: 'demandLpm', message: 'De waterbehoefte moet groter zijn dan 0 l/min.' }]);
		}
		expect(schemaFields(newWaterRequestInput, { place: 'Dorpsstraat', demandLpm: 'veel' })[0]?.message).toMatch(/getal/);
	});

	it('the database refuses a demand of 0 even past the service', async () => {
		await expect(
			sql`insert into water_request (incident_id, place, demand_lpm, created_by) values (${crisis.id}, 'x', 0, ${brandweer.id})`.execute(t.db)
		).rejects.toThrow(/check constraint/);
	});

	it('an exercise request carries the exercise mark on both topics', async () => {
		const request = await makeRequest(t.db, oefenleider, oefening.id, { demandLpm: 1_000, position: { lat: 52.39, lon: 4.55 } });
		expect(request).toMatchObject({ exercise: true, demandLpm: 1_000, targetSource: 'verzoek', target: { lat: 52.39, lon: 4.55 } });
		const onBoard = (await eventsSince(t.db, 'bluswater', 0)).filter((e) => (e.data as WaterRequestRecord).id === request.id);
		const onIncident = (await eventsSince(t.db, `incident:${oefening.id}`, 0)).filter((e) => e.type.startsWith('bluswater.'));
		expect(onBoard.map((e) => [e.type, e.exercise])).toEqual([['bluswater.request.created', true]]);
		expect(onIncident.map((e) => [e.type, e.exercise])).toEqual([['bluswater.request.created', true]]);
	});

	it('changes the demand with the version it saw; a stale version is a 409 with the current request', async () => {
		const request = await makeRequest(t.db, brandweer, crisis.id);
		const changed = await changeWaterRequest(t.db, crisisteam, request.id, parse(waterRequestChangeInput, { version: 1, demandLpm: 2_000 }), ctx);
		expect(changed).toMatchObject({ demandLpm: 2_000, version: 2 });
		const before = await snapshot(t.db);
		const err = await expectServiceError(
			changeWaterRequest(t.db, brandweer, request.id, parse(waterRequestChangeInput, { version: 1, demandLpm: 800 }), ctx),
			409,
			'version_conflict'
		);
		expect((err as RequestConflictError).current).toMatchObject({ demandLpm: 2_000, version: 2 });
		expect(await snapshot(t.db)).toEqual(before);
	});

	it('a closed incident gets no new water request', async () => {
		const closed = await makeIncident(t.db, crisisteam, { title: 'Al geblust' });
		await changeStatus(t.db, crisisteam, closed.id, parse(statusChangeInput, { status: 'gesloten' }), ctx);
		await expectServiceError(makeRequest(t.db, brandweer, closed.id), 409, 'incident_closed');
	});
});

describe('assignments', () => {
	it('assigns a unit: gealarmeerd for the incident, history, audit, and events on both topics', async () => {
		const request = await makeRequest(t.db, brandweer, crisis.id);
		const unit = await unitByCode(t.db, 'WTW 12-2');
		const seqBoard = (await eventsSince(t.db, 'bluswater', 0)).at(-1)?.seq ?? 0;
		const after = await assign(t.db, brandweer, request.id, unit.id);
		expect(after.version).toBe(2);
		expect(after.assignments).toEqual([
			expect.objectContaining({ unitId: unit.id, unitCode: 'WTW 12-2', arrivedAt: null, endedAt: null, litresDelivered: 0, assignedBy: { id: brandweer.id, name: brandweer.name } })
		]);
		const assigned = (await findUnit(t.db, unit.id))!;
		expect(assigned).toMatchObject({ status: 'gealarmeerd', incident: { id: crisis.id, title: crisis.title, exercise: false }, requestId: request.id, version: unit.version + 1 });
		expect(Date.parse(assigned.statusChangedAt)).toBeGreaterThan(Date.parse(unit.statusChangedAt));
		expect((await unitHistory(t.db, unit.id))[0]).toMatchObject({ from: 'beschikbaar', to: 'gealarmeerd', incidentId: crisis.id, by: brandweer.name });
		const audit = await t.db.selectFrom('auditLog').select(['action', 'details']).where('entityId', '=', request.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
		expect(audit).toMatchObject({ action: 'bluswater.assignment.created', details: { unit: 'WTW 12-2' } });
		const board = await eventsSince(t.db, 'bluswater', seqBoard);
		expect(board.map((e) => [e.type, e.exercise])).toEqual([
			['bluswater.unit.updated', false],
			['bluswater.assignment.created', false]
		]);
		expect((board[0]!.data as UnitRecord).status).toBe('gealarmeerd');
		expect((board[1]!.data as WaterRequestRecord).assignments).toHaveLength(1);
		expect((await eventsSince(t.db, `incident:${crisis.id}`, 0)).at(-1)?.type).toBe('bluswater.assignment.created');
	});

	it('refuses a unit assigned twice (same request or another), in Dutch, writing nothing', async () => {
		const first = await makeRequest(t.db, brandweer, crisis.id);
		const second = await makeRequest(t.db, oefenleider, oefening.id);
		const unit = await unitByCode(t.db, 'WTW 12-6');
		await assign(t.db, brandweer, first.id, unit.id);
		const before = await snapshot(t.db);
		const same = await expectServiceError(assign(t.db, crisisteam, first.id, unit.id), 409, 'unit_busy');
		expect(same.message).toBe('WTW 12-6 is al ingezet op dit waterverzoek.');
		const other = await expectServiceError(assign(t.db, oefenleider, second.id, unit.id), 409, 'unit_busy');
		expect(other.message).toBe(`WTW 12-6 is al ingezet bij ${crisis.title}: geef de eenheid daar eerst vrij.`);
		expect(await snapshot(t.db)).toEqual(before);
	});

	it('the database itself allows one open assignment per unit', async () => {
		const request = await makeRequest(t.db, brandweer, crisis.id);
		const unit = await unitByCode(t.db, 'WTW 12-6'); // assigned in the test above
		await expect(
			sql`insert into water_assignment (request_id, unit_id, assigned_by) values (${request.id}, ${unit.id}, ${brandweer.id})`.execute(t.db)
		).rejects.toThrow(/water_assignment_one_open_per_unit/);
	});

	it('two officers assigning the same unit at once: exactly one wins, the other gets 409', async () => {
		const a = await makeRequest(t.db, brandweer, crisis.id);
		const b = await makeRequest(t.db, crisisteam, crisis.id);
		const unit = await unitByCode(t.db, 'WTW 12-7');
		const results = await Promise.allSettled([assign(t.db, brandweer, a.id, unit.id), assign(t.db, crisisteam, b.id, unit.id)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason).toMatchObject({ status: 409, code: 'unit_busy' });
		const open = await t.db.selectFrom('waterAssignment').select('id').where('unitId', '=', unit.id).where('endedAt', 'is', null).execute();
		expect(open).toHaveLength(1);
	});

	it('refuses an unknown unit (400 naming unitId) and a unit out of service (409)', async () => {
		const request = await makeRequest(t.db, brandweer, crisis.id);
		const unknown = await expectServiceError(assign(t.db, brandweer, request.id, '00000000-0000-4000-8000-000000000000'), 400, 'validation_failed');
		expect(unknown.fields?.map((f) => f.field)).toEqual(['unitId']);
		const unit = await unitByCode(t.db, 'WTW 12-3');
		await setStatus(t.db, brandweer, unit.id, 'buiten_dienst');
		await expectServiceError(assign(t.db, brandweer, request.id, unit.id), 409, 'unit_out_of_service');
		await setStatus(t.db, brandweer, unit.id, 'beschikbaar');
	});

	it('rolls back the whole assignment when publishing fails', async () => {
		const request = await makeRequest(t.db, brandweer, crisis.id);
		const unit = await unitByCode(t.db, 'WTW 12-1');
		const before = await snapshot(t.db);
		await expect(
			withEventFault(t.db, { topic: 'incident:%', type: 'bluswater.assignment.created' }, () => assign(t.db, brandweer, request.id, unit.id))
		).rejects.toThrow(/injected fault/);
		expect(await snapshot(t.db)).toEqual(before);
		expect((await findUnit(t.db, unit.id))?.status).toBe('beschikbaar');
	});

	it('ending an assignment sends the unit back (retour), frees it, and cannot happen twice', async () => {
		const request = await makeRequest(t.db, brandweer, crisis.id);
		const unit = await unitByCode(t.db, 'WTW 12-1');
		const assigned = await assign(t.db, brandweer, request.id, unit.id);
		const assignmentId = assigned.assignments[0]!.id;
		const ended = await endAssignment(t.db, crisisteam, assignmentId, ctx);
		expect(ended.assignments[0]?.endedAt).not.toBeNull();
		expect(await findUnit(t.db, unit.id)).toMatchObject({ status: 'retour', incident: null, requestId: null });
		await expectServiceError(endAssignment(t.db, crisisteam, assignmentId, ctx), 409, 'assignment_ended');
		// A returning unit may be sent to the next fire.
		const again = await assign(t.db, brandweer, request.id, unit.id);
		expect(again.assignments.filter((a) => a.endedAt === null)).toHaveLength(1);
		await setStatus(t.db, brandweer, unit.id, 'beschikbaar');
	});
});

describe('unit status and the water on scene', () => {
	it('runs alarm → arrival → level report → shuttle → back, counting the litres', async () => {
		const request = await makeRequest(t.db, brandweer, crisis.id, { position: { lat: 52.39, lon: 4.66 } });
		const unit = await unitByCode(t.db, 'WTW 12-8');
		await assign(t.db, brandweer, request.id, unit.id);
		await setStatus(t.db, brandweer, unit.id, 'onderweg');
		const onScene = await setStatus(t.db, brandweer, unit.id, 'ter_plaatse');
		// On scene the unit stands where the water is needed.
		expect(onScene).toMatchObject({ status: 'ter_plaatse', position: { lat: 52.39, lon: 4.66 } });

		let [view] = (await requestsOfIncident(t.db, brandweer, crisis.id)).filter((r) => r.id === request.id);
		// The clock runs between the arrival and this read: a few litres at most.
		expect(view?.water?.picture.litresOnScene).toBeCloseTo(17_000, -1);
		expect(view?.water?.picture.minutesLeft).toBeCloseTo(34, 1);

		// Ten minutes on scene at 500 l/min: 12 000 left, 24 minutes.
		await backdateArrival(t.db, unit.id, 10);
		[view] = (await requestsOfIncident(t.db, brandweer, crisis.id)).filter((r) => r.id === request.id);
		expect(view?.water?.picture.litresOnScene).toBeCloseTo(12_000, -1);
		expect(view?.water?.picture.gauge).toBe('groen');

		// The crew reports 11 000 l: from now on that is the level.
		await setStatus(t.db, brandweer, unit.id, 'ter_plaatse', { litresLeft: 11_000 });
		[view] = (await requestsOfIncident(t.db, brandweer, crisis.id)).filter((r) => r.id === request.id);
		expect(view?.water?.picture.litresOnScene).toBeCloseTo(11_000, -1);

		// Leaving to refill: delivered 17 000 − 11 000 = 6 000 l; nothing left on scene.
		await setStatus(t.db, brandweer, unit.id, 'pendelen');
		[view] = (await requestsOfIncident(t.db, brandweer, crisis.id)).filter((r) => r.id === request.id);
		const assignment = view!.assignments.find((a) => a.unitId === unit.id)!;
		expect(assignment.litresDelivered).toBeGreaterThanOrEqual(6_000);
		expect(assignment.litresDelivered).toBeLessThan(6_020);
		expect(view?.water?.picture).toMatchObject({ litresOnScene: 0, litresOnTheWay: 17_000, gauge: 'rood' });

		await setStatus(t.db, brandweer, unit.id, 'vullen');
		await setStatus(t.db, brandweer, unit.id, 'ter_plaatse');
		await setStatus(t.db, brandweer, unit.id, 'retour');
		expect(await findUnit(t.db, unit.id)).toMatchObject({ status: 'retour', incident: null, requestId: null });
		const history = (await unitHistory(t.db, unit.id)).map((h) => h.to).reverse();
		expect(history).toEqual(['gealarmeerd', 'onderweg', 'ter_plaatse', 'pendelen', 'vullen', 'ter_plaatse', 'retour']);
		await setStatus(t.db, brandweer, unit.id, 'beschikbaar');
		expect((await findUnit(t.db, unit.id))?.position).toEqual(unit.home);
	});

	it('a stale version is a 409 carrying the current unit, and changes nothing', async () => {
		const unit = await unitByCode(t.db, 'WTW 12-5');
		await setStatus(t.db, brandweer, unit.id, 'buiten_dienst');
		const before = await snapshot(t.db);
		const err = await expectServiceError(
			changeUnitStatus(t.db, crisisteam, unit.id, parse(unitStatusChangeInput, { version: unit.version, status: 'beschikbaar' }), ctx),
			409,
			'version_conflict'
		);
		expect((err as UnitConflictError).current).toMatchObject({ status: 'buiten_dienst', version: unit.version + 1 });
		expect(err.message).toMatch(/WTW 12-5 net gewijzigd \(nu: [a-z ]+, sinds \d{1,2}-\d{1,2}-\d{4} \d{2}:\d{2}\)/);
		expect(err.message).not.toContain('versie');
		expect(await snapshot(t.db)).toEqual(before);
		await setStatus(t.db, brandweer, unit.id, 'beschikbaar');
	});

	it('refuses a status that does not exist, in Dutch', () => {
		const fields = schemaFields(unitStatusChangeInput, { version: 1, status: 'in_de_sloot' });
		expect(fields.map((f) => f.field)).toEqual(['status']);
		expect(fields[0]!.message).toMatch(/^Deze status bestaat niet; kies uit beschikbaar, gealarmeerd/);
		expect(schemaFields(unitStatusChangeInput, { status: 'onderweg' }).map((f) => f.field)).toEqual(['version']);
	});

	it('refuses ter plaatse without an assignment, a level off scene or above the capacity, and a no-op', async () => {
		const unit = await unitByCode(t.db, 'WTW 12-4');
		const before = await snapshot(t.db);
		await expectServiceError(setStatus(t.db, brandweer, unit.id, 'ter_plaatse'), 409, 'not_assigned');
		const offScene = await expectServiceError(setStatus(t.db, brandweer, unit.id, 'onderweg', { litresLeft: 100 }), 400, 'validation_failed');
		expect(offScene.fields?.map((f) => f.field)).toEqual(['litresLeft']);
		await expectServiceError(setStatus(t.db, brandweer, unit.id, 'beschikbaar'), 400, 'no_changes');
		expect(await snapshot(t.db)).toEqual(before);

		const request = await makeRequest(t.db, brandweer, crisis.id);
		await assign(t.db, brandweer, request.id, unit.id);
		await setStatus(t.db, brandweer, unit.id, 'ter_plaatse');
		const tooMuch = await expectServiceError(setStatus(t.db, brandweer, unit.id, 'ter_plaatse', { litresLeft: 18_000 }), 400, 'validation_failed');
		expect(tooMuch.message).toBe('Liters over kan niet meer zijn dan de inhoud van WTW 12-4 (17000 l).');
		await setStatus(t.db, brandweer, unit.id, 'beschikbaar');
		expect(await findUnit(t.db, unit.id)).toMatchObject({ status: 'beschikbaar', requestId: null });
	});

	it('ending a request sends every unit on it back and closes it for new assignments', async () => {
		const request = await makeRequest(t.db, brandweer, crisis.id);
		const a = await unitByCode(t.db, 'WTW 12-4');
		const b = await unitByCode(t.db, 'GWT 12-1');
		await assign(t.db, brandweer, request.id, a.id);
		const withBoth = await assign(t.db, brandweer, request.id, b.id);
		await setStatus(t.db, brandweer, a.id, 'ter_plaatse');
		const ended = await changeWaterRequest(
			t.db,
			crisisteam,
			request.id,
			parse(waterRequestChangeInput, { version: withBoth.version + 1, ended: true }),
			ctx
		);
		expect(ended.endedAt).not.toBeNull();
		expect(ended.assignments.every((x) => x.endedAt !== null)).toBe(true);
		expect((await findUnit(t.db, a.id))?.status).toBe('retour');
		expect((await findUnit(t.db, b.id))?.status).toBe('retour');
		const other = await unitByCode(t.db, 'WTW 12-3');
		await expectServiceError(assign(t.db, brandweer, request.id, other.id), 409, 'request_ended');
		await setStatus(t.db, brandweer, a.id, 'beschikbaar');
		await setStatus(t.db, brandweer, b.id, 'beschikbaar');
	});

	it('a unit working for an exercise publishes with the exercise mark', async () => {
		const request = await makeRequest(t.db, oefenleider, oefening.id);
		const unit = await unitByCode(t.db, 'WTW 12-3');
		const since = (await eventsSince(t.db, 'bluswater', 0)).at(-1)?.seq ?? 0;
		await assign(t.db, oefenleider, request.id, unit.id);
		await setStatus(t.db, oefenleider, unit.id, 'onderweg');
		await setStatus(t.db, oefenleider, unit.id, 'retour');
		const events = await eventsSince(t.db, 'bluswater', since);
		expect(events.map((e) => [e.type, e.exercise])).toEqual([
			['bluswater.unit.updated', true],
			['bluswater.assignment.created', true],
			['bluswater.unit.updated', true],
			['bluswater.request.updated', true],
			// Leaving the exercise is still news about the exercise.
			['bluswater.unit.updated', true],
			['bluswater.assignment.ended', true]
		]);
		expect((events.at(-2)!.data as UnitRecord)).toMatchObject({ status: 'retour', exercise: false, incident: null });
		await setStatus(t.db, brandweer, unit.id, 'beschikbaar');
	});
});
