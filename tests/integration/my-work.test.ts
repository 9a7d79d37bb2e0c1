// The home page's "Mijn werk" on a real PostgreSQL: a crisis team member sees the running incidents
// of their municipality and their own open tasks; an adviser their open advice; nobody sees parts
// their roles do not allow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { ctx, parse } from '../support/incident-fixtures.ts';
import { SCANS, insertApplication } from '../support/inserted-applications.ts';
import { createIncident, changeStatus } from '../../src/lib/server/incidents/incident-service.ts';
import { newIncidentInput, statusChangeInput } from '../../src/lib/server/incidents/incident-input.ts';
import { createTask } from '../../src/lib/server/tasks/task-service.ts';
import { newTaskInput } from '../../src/lib/server/tasks/task-input.ts';
import { requestAdvice } from '../../src/lib/server/advice/advice-service.ts';
import { loadMyWork } from '../../src/lib/server/home/my-work.ts';
import { myWorkLists } from '../../src/lib/domain/my-work.ts';

let t: TestDatabase;
let crisis: SessionUser, officer: SessionUser, adviser: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: 'haarlem', discipline: null }] });
	officer = await createUser(t.db, { name: 'Vera Vergunning', grants: [{ role: 'vergunningverlener', municipality: 'haarlem', discipline: null }] });
	adviser = await createUser(t.db, { name: 'Bart Brandweer', grants: [{ role: 'adviseur', municipality: 'haarlem', discipline: 'brandweer' }] });
});

afterAll(async () => {
	await t?.drop();
});

describe('mijn werk', () => {
	it('running incidents of the own municipality, own open tasks, open advice', async () => {
		const make = (title: string, municipalities: string[]) => createIncident(t.db, crisis, parse(newIncidentInput, { title, kind: 'oefening', municipalities }), ctx);
		const running = await make('Duinbrand', ['haarlem']);
		const closed = await make('Stroomstoring', ['haarlem']);
		await changeStatus(t.db, crisis, closed.id, parse(statusChangeInput, { status: 'gesloten', version: closed.version }), ctx);
		const task = await createTask(t.db, crisis, running.id, parse(newTaskInput, { process: 'publieke_zorg', title: 'Opvang regelen' }), ctx);
		await t.db.updateTable('task').set({ assigneeId: crisis.id }).where('id', '=', task.id).execute();

		const mine = await loadMyWork(t.db, crisis);
		expect(myWorkLists(mine).incidents.map((i) => i.title)).toEqual(['Duinbrand']);
		expect(myWorkLists(mine).tasks.map((x) => x.title)).toEqual(['Opvang regelen']);
		expect(mine.shows).toEqual({ incidents: true, advice: false });
		// Live: the list of incidents and the user's own topic, from the positions the records reflect.
		expect(Object.keys(mine.topics).sort()).toEqual(['incidents', `user:${crisis.id}`]);
		expect(mine.topics[`user:${crisis.id}`]).toBe(0);
		expect(mine.topics.incidents).toBeGreaterThan(0);

		const app = await insertApplication(t.db, { scan: SCANS.B, status: 'in_behandeling', name: 'Havenfestival' });
		await requestAdvice(t.db, officer, app.id, {}, ctx);
		const advice = await loadMyWork(t.db, adviser);
		expect(myWorkLists(advice).advice.map((a) => [a.application.name, a.discipline])).toEqual([['Havenfestival', 'brandweer']]);
		expect(advice.shows.incidents).toBe(false);
		expect(advice.incidents).toEqual([]);
		expect(advice.topics).toEqual({ 'adviceinbox:haarlem-brandweer': 1 });
		const officerWork = await loadMyWork(t.db, officer);
		expect(officerWork.shows).toEqual({ incidents: false, advice: true });
		expect(officerWork.adviceRule).toBe('due');
	});
});
