// Archiving an exercise: only closed exercises, by those who manage them; out of the lists, still readable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { archiveExercise, changeStatus, incidentDetail, incidentsFor } from '../../src/lib/server/incidents/incident-service.ts';
import { statusChangeInput } from '../../src/lib/server/incidents/incident-input.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { ctx, expectServiceError, makeIncident, parse } from '../support/incident-fixtures.ts';

let t: TestDatabase;
let leader: SessionUser;
let crisisteam: SessionUser;
let waarnemer: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	leader = await createUser(t.db, { name: 'Olga Oefenleider', grants: [{ role: 'oefenleider', municipality: null }] });
	crisisteam = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
	waarnemer = await createUser(t.db, { name: 'Wim Waarnemer', grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
});

afterAll(async () => {
	await t?.drop();
});

const close = (user: SessionUser, id: string) => changeStatus(t.db, user, id, parse(statusChangeInput, { status: 'gesloten' }), ctx);

describe('archiving an exercise', () => {
	it('needs the exercise closed first, then moves it from the lists to the archive', async () => {
		const exercise = await makeIncident(t.db, leader, { title: 'Oefening Spaarne', kind: 'oefening' });
		await expectServiceError(archiveExercise(t.db, leader, exercise.id, ctx), 409, 'exercise_open');
		await close(leader, exercise.id);
		await expectServiceError(archiveExercise(t.db, waarnemer, exercise.id, ctx), 403, 'forbidden');
		const archived = await archiveExercise(t.db, leader, exercise.id, ctx);
		expect(archived.archivedAt).not.toBeNull();
		expect((await incidentsFor(t.db, crisisteam, true)).map((i) => i.id)).not.toContain(exercise.id);
		expect((await incidentsFor(t.db, crisisteam, false, true)).map((i) => i.id)).toContain(exercise.id);
		expect((await incidentDetail(t.db, waarnemer, exercise.id)).incident.title).toBe('Oefening Spaarne');
		await expectServiceError(archiveExercise(t.db, leader, exercise.id, ctx), 409, 'already_archived');
	});

	it('refuses a real incident', async () => {
		const crisis = await makeIncident(t.db, crisisteam, { title: 'Brand Grote Markt', kind: 'crisis' });
		await close(crisisteam, crisis.id);
		await expectServiceError(archiveExercise(t.db, crisisteam, crisis.id, ctx), 400, 'not_an_exercise');
	});
});
