// Who may see and steer bluswater, role by role, through the real services and the topic
// authorisation; and the beheerder's fleet edits (versions, codes, in and out of service).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role, type SessionUser } from '../../src/lib/server/auth/roles.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { authoriseTopic } from '../../src/lib/server/realtime/topics.ts';
import { newUnitInput, unitEditInput } from '../../src/lib/server/bluswater/bluswater-input.ts';
import { unitsFor } from '../../src/lib/server/bluswater/bluswater-service.ts';
import { createUnit, editUnit } from '../../src/lib/server/bluswater/fleet-service.ts';
import { loadBluswaterBoard } from '../../src/lib/server/bluswater/bluswater-page.ts';
import { findUnit, unitHistory } from '../../src/lib/server/bluswater/bluswater-queries.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';
import { eventsSince } from '../../src/lib/server/realtime/event-log.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { ctx, expectServiceError, makeIncident, parse } from '../support/incident-fixtures.ts';
import { assign, makeRequest, setStatus, snapshot, unitByCode } from '../support/bluswater-fixtures.ts';

let t: TestDatabase;
const users = new Map<Role, SessionUser>();
let crisis: IncidentRecord;
let oefening: IncidentRecord;

beforeAll(async () => {
	t = await createTestDatabase();
	for (const role of ROLES) {
		users.set(role, await createUser(t.db, { name: `Test ${role}`, grants: [{ role, municipality: role === 'beheerder' ? null : 'haarlem', discipline: role === 'adviseur' ? 'brandweer' : null }] }));
	}
	crisis = await makeIncident(t.db, users.get('crisisteam')!, { title: 'Woningbrand', kind: 'crisis', municipalities: ['haarlem'] });
	oefening = await makeIncident(t.db, users.get('oefenleider')!, { title: 'Oefening', kind: 'oefening', municipalities: ['haarlem'] });
});

afterAll(async () => {
	await t?.drop();
});

const allowed = async (run: () => Promise<unknown>): Promise<boolean> => {
	try {
		await run();
		return true;
	} catch (err) {
		if (err instanceof ServiceError && err.status === 403) return false;
		throw err;
	}
};

// read, steer a real fire, steer an exercise, edit the fleet
const MATRIX: Record<Role, [boolean, boolean, boolean, boolean]> = {
	brandweer: [true, true, true, false],
	crisisteam: [true, true, true, false],
	oefenleider: [true, false, true, false],
	beheerder: [true, false, false, true],
	waarnemer: [true, false, false, false],
	bevolkingszorg: [true, false, false, false],
	ghor: [true, false, false, false],
	politie: [true, false, false, false],
	vergunningverlener: [false, false, false, false],
	adviseur: [false, false, false, false],
	bibob: [false, false, false, false],
	beleidsadviseur: [false, false, false, false],
	kabinet: [false, false, false, false]
};

describe('permissions matrix', () => {
	it('leaves the regional fleet to regional roles: a municipal beheerder may not add a unit', async () => {
		const municipal = await createUser(t.db, { name: 'Beheerder Haarlem', grants: [{ role: 'beheerder', municipality: 'haarlem', discipline: null }] });
		expect(await allowed(() => createUnit(t.db, municipal, parse(newUnitInput, testUnit('WTW 98-haarlem')), ctx))).toBe(false);
	});

	it.each(ROLES)('%s', async (role) => {
		const user = users.get(role)!;
		const [read, real, exercise, fleet] = MATRIX[role];
		expect(await allowed(() => unitsFor(t.db, user)), 'read').toBe(read);
		expect((await authoriseTopic(t.db, user, 'bluswater')).ok, 'topic').toBe(read);
		expect(await allowed(() => makeRequest(t.db, user, crisis.id)), 'real').toBe(real);
		expect(await allowed(() => makeRequest(t.db, user, oefening.id)), 'exercise').toBe(exercise);
		expect(await allowed(() => createUnit(t.db, user, parse(newUnitInput, testUnit(`WTW 99-${role}`)), ctx)), 'fleet').toBe(fleet);
		if (read) {
			const board = await loadBluswaterBoard(t.db, user);
			expect({ real: board.canManageReal, exercise: board.canManageExercise, fleet: board.canEditFleet }).toEqual({ real, exercise, fleet });
		}
	});

	it('an oefenleider changes only units working for an exercise', async () => {
		const oefenleider = users.get('oefenleider')!;
		const brandweer = users.get('brandweer')!;
		const free = await unitByCode(t.db, 'WTW 12-1');
		await expectServiceError(setStatus(t.db, oefenleider, free.id, 'buiten_dienst'), 403);
		const real = await makeRequest(t.db, brandweer, crisis.id);
		await assign(t.db, brandweer, real.id, free.id);
		await expectServiceError(setStatus(t.db, oefenleider, free.id, 'onderweg'), 403);
		const drill = await makeRequest(t.db, oefenleider, oefening.id);
		const other = await unitByCode(t.db, 'WTW 12-2');
		await assign(t.db, oefenleider, drill.id, other.id);
		expect((await setStatus(t.db, oefenleider, other.id, 'onderweg')).status).toBe('onderweg');
		// Nor may an oefenleider send a unit to a real fire.
		await expectServiceError(assign(t.db, oefenleider, real.id, (await unitByCode(t.db, 'WTW 12-5')).id), 403);
	});
});

function testUnit(code: string) {
	return { code, kind: 'wtw', station: 'Teststation', capacityLitres: 12_000, pumpRateLpm: 3_000, crew: 'vrijwillig', home: { lat: 52.4, lon: 4.6 } };
}

describe('fleet edits by the beheerder', () => {
	it('adds a unit: available at home, with a history row and an event', async () => {
		const beheerder = users.get('beheerder')!;
		const unit = await createUnit(t.db, beheerder, parse(newUnitInput, { ...testUnit('GWT 12-3'), kind: 'gwt', capacityLitres: 0, pumpRateLpm: 8_000 }), ctx);
		expect(unit).toMatchObject({ code: 'GWT 12-3', kind: 'gwt', status: 'beschikbaar', position: { lat: 52.4, lon: 4.6 }, version: 1 });
		expect((await unitHistory(t.db, unit.id)).map((h) => [h.from, h.to])).toEqual([[null, 'beschikbaar']]);
		const last = (await eventsSince(t.db, 'bluswater', 0)).at(-1)!;
		expect(last).toMatchObject({ type: 'bluswater.unit.created', exercise: false, data: { id: unit.id } });
	});

	it('refuses a code in use (any case) and a tanker without water, writing nothing', async () => {
		const beheerder = users.get('beheerder')!;
		const before = await snapshot(t.db);
		const taken = await expectServiceError(createUnit(t.db, beheerder, parse(newUnitInput, testUnit('wtw 12-1')), ctx), 409, 'code_taken');
		expect(taken.message).toBe('De roepnaam wtw 12-1 bestaat al; kies een andere.');
		const schema = newUnitInput.safeParse({ ...testUnit('WTW 12-20'), capacityLitres: 0 });
		expect(schema.success).toBe(false);
		const unit = await unitByCode(t.db, 'WTW 12-7');
		const empty = await expectServiceError(editUnit(t.db, beheerder, unit.id, parse(unitEditInput, { version: unit.version, capacityLitres: 0 }), ctx), 400, 'validation_failed');
		expect(empty.fields?.map((f) => f.field)).toEqual(['capacityLitres']);
		expect(await snapshot(t.db)).toEqual(before);
	});

	it('edits with the version it saw; a stale version is 409', async () => {
		const beheerder = users.get('beheerder')!;
		const unit = await unitByCode(t.db, 'WTW 12-7');
		const edited = await editUnit(t.db, beheerder, unit.id, parse(unitEditInput, { version: unit.version, pumpRateLpm: 4_000, crew: 'beroeps', station: 'Heemskerk-Noord' }), ctx);
		expect(edited).toMatchObject({ pumpRateLpm: 4_000, crew: 'beroeps', station: 'Heemskerk-Noord', version: unit.version + 1 });
		await expectServiceError(editUnit(t.db, beheerder, unit.id, parse(unitEditInput, { version: unit.version, pumpRateLpm: 2_000 }), ctx), 409, 'version_conflict');
		await expectServiceError(editUnit(t.db, beheerder, unit.id, parse(unitEditInput, { version: edited.version }), ctx), 400, 'no_changes');
	});

	it('takes a unit out of service only when it is free, and back in at its station', async () => {
		const beheerder = users.get('beheerder')!;
		const brandweer = users.get('brandweer')!;
		const unit = await unitByCode(t.db, 'WTW 12-8');
		const request = await makeRequest(t.db, brandweer, crisis.id);
		await assign(t.db, brandweer, request.id, unit.id);
		const busy = await findUnit(t.db, unit.id);
		await expectServiceError(editUnit(t.db, beheerder, unit.id, parse(unitEditInput, { version: busy!.version, inService: false }), ctx), 409, 'unit_assigned');
		await setStatus(t.db, brandweer, unit.id, 'beschikbaar');
		const free = (await findUnit(t.db, unit.id))!;
		const out = await editUnit(t.db, beheerder, unit.id, parse(unitEditInput, { version: free.version, inService: false }), ctx);
		expect(out.status).toBe('buiten_dienst');
		const back = await editUnit(t.db, beheerder, unit.id, parse(unitEditInput, { version: out.version, inService: true }), ctx);
		expect(back).toMatchObject({ status: 'beschikbaar', position: unit.home });
	});
});
