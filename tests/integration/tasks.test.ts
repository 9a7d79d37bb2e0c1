// Bevolkingszorg tasks against real PostgreSQL through the services: the five processes,
// versioned changes without lost updates (409 with the current task), blocked tasks, who may
// work them, closed incidents, and the realtime news for assignees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutchDateTime } from '../../src/lib/domain/wording/values.ts';
import { sql } from 'kysely';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { PROCESSES } from '../../src/lib/domain/bevolkingszorg.ts';
import { statusChangeInput } from '../../src/lib/server/incidents/incident-input.ts';
import { changeStatus } from '../../src/lib/server/incidents/incident-service.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { newTaskInput, taskChangeInput } from '../../src/lib/server/tasks/task-input.ts';
import { TaskConflictError, changeTask, createTask, myTasks, tasksOfIncident } from '../../src/lib/server/tasks/task-service.ts';
import { findTask, type TaskRecord } from '../../src/lib/server/tasks/task-queries.ts';
import { eventsSince } from '../../src/lib/server/realtime/event-log.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';
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
let crisisteam: SessionUser;
let bzZandvoort: SessionUser;
let bzVelsen: SessionUser;
let oefenleider: SessionUser;
let waarnemer: SessionUser;
let crisisZandvoort: IncidentRecord; // started two hours ago
let oefening: IncidentRecord;

const HOUR = 60 * 60_000;
const twoHoursAgo = new Date(Date.now() - 2 * HOUR);

beforeAll(async () => {
	t = await createTestDatabase();
	crisisteam = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: null }] });
	bzZandvoort = await createUser(t.db, { name: 'Zoë Zandvoort', grants: [{ role: 'bevolkingszorg', municipality: 'zandvoort' }] });
	bzVelsen = await createUser(t.db, { name: 'Victor Velsen', grants: [{ role: 'bevolkingszorg', municipality: 'velsen' }] });
	oefenleider = await createUser(t.db, { name: 'Olga Oefenleider', grants: [{ role: 'oefenleider', municipality: 'haarlem' }] });
	waarnemer = await createUser(t.db, { name: 'Wim Waarnemer', grants: [{ role: 'waarnemer', municipality: 'zandvoort' }] });
	crisisZandvoort = await makeIncident(t.db, crisisteam, {
		title: 'Strandincident Zandvoort',
		kind: 'crisis',
		municipalities: ['zandvoort'],
		grip: 2,
		startedAt: twoHoursAgo.toISOString()
	});
	oefening = await makeIncident(t.db, oefenleider, { title: 'Oefening Haarlem', kind: 'oefening', municipalities: ['haarlem'] });
	await installEventFault(t.db);
});

afterAll(async () => {
	await t?.drop();
});

const newTask = (input: Record<string, unknown>) => parse(newTaskInput, { process: 'publieke_zorg', title: 'Opvanglocatie inrichten', ...input });
const change = (input: Record<string, unknown>) => parse(taskChangeInput, input);
const taskChanges = (taskId: string) =>
	t.db.selectFrom('taskChange').select(['version', 'changedBy', 'changes']).where('taskId', '=', taskId).orderBy('version').orderBy('id').execute();

async function freshTask(incident: IncidentRecord = crisisZandvoort, by: SessionUser = crisisteam, input: Record<string, unknown> = {}): Promise<TaskRecord> {
	return createTask(t.db, by, incident.id, newTask(input), ctx);
}

describe('creating tasks', () => {
	it('creates a task in each of the five processes, with history row version 1', async () => {
		const incident = await makeIncident(t.db, crisisteam, { title: 'Vijf processen', municipalities: ['zandvoort'] });
		const created: TaskRecord[] = [];
		for (const process of PROCESSES) {
			created.push(await createTask(t.db, bzZandvoort, incident.id, newTask({ process, title: `Taak ${process}` }), ctx));
		}
		expect(PROCESSES).toEqual(['crisiscommunicatie', 'publieke_zorg', 'informeren_verwanten', 'omgevingszorg', 'nafase']);
		for (const [i, task] of created.entries()) {
			expect(task).toMatchObject({
				incidentId: incident.id,
				process: PROCESSES[i],
				title: `Taak ${PROCESSES[i]}`,
				description: '',
				municipality: null,
				assignee: null,
				priority: 'normaal',
				status: 'open',
				blocked: false,
				blockedReason: null,
				dueAt: null,
				version: 1,
				exercise: false
			});
			const history = await taskChanges(task.id);
			expect(history).toHaveLength(1);
			expect(history[0]).toMatchObject({ version: 1, changedBy: bzZandvoort.id, changes: { aangemaakt: true, process: PROCESSES[i] } });
		}
		const listed = await tasksOfIncident(t.db, waarnemer, incident.id);
		expect(listed.map((task) => task.process).sort()).toEqual([...PROCESSES].sort());
		expect(listed.map((task) => task.id).sort()).toEqual(created.map((task) => task.id).sort());
	});

	it('newTaskInput rejects an unknown process and names the field', () => {
		const fields = schemaFields(newTaskInput, { process: 'evacuatie', title: 'Evacueren' });
		expect(fields.map((f) => f.field)).toEqual(['process']);
		expect(fields[0]!.message).toMatch(/Onbekend proces/);
	});

	it('a deadline before the incident start is a 400 naming dueAt; one after it is stored', async () => {
		const before = await snapshotCounts(t.db);
		const early = new Date(twoHoursAgo.getTime() - HOUR).toISOString();
		const err = await expectServiceError(freshTask(crisisZandvoort, crisisteam, { dueAt: early }), 400, 'validation_failed');
		expect(err.fields?.map((f) => f.field)).toEqual(['dueAt']);
		expect(await snapshotCounts(t.db)).toEqual(before);

		const due = new Date(twoHoursAgo.getTime() + 3 * HOUR);
		const task = await freshTask(crisisZandvoort, crisisteam, { dueAt: due.toISOString(), priority: 'urgent', municipality: 'zandvoort' });
		expect(task).toMatchObject({ dueAt: due.toISOString(), priority: 'urgent', municipality: 'zandvoort' });
		// The same rule holds for a change.
		const errChange = await expectServiceError(changeTask(t.db, crisisteam, task.id, change({ version: 1, dueAt: early }), ctx), 400, 'validation_failed');
		expect(errChange.fields?.map((f) => f.field)).toEqual(['dueAt']);
		expect((await findTask(t.db, task.id))?.version).toBe(1);
	});

	it('refuses an unknown assignee (400 naming assigneeId)', async () => {
		const err = await expectServiceError(freshTask(crisisZandvoort, crisisteam, { assigneeId: '00000000-0000-4000-8000-000000000000' }), 400, 'validation_failed');
		expect(err.fields?.map((f) => f.field)).toEqual(['assigneeId']);
	});
});

describe('changing tasks (PATCH semantics)', () => {
	it('the current version is accepted: version + 1 and a task_change row', async () => {
		const task = await freshTask();
		const changed = await changeTask(t.db, bzZandvoort, task.id, change({ version: 1, status: 'in_uitvoering', priority: 'hoog' }), ctx);
		expect(changed).toMatchObject({ id: task.id, version: 2, status: 'in_uitvoering', priority: 'hoog', title: task.title });
		expect(await findTask(t.db, task.id)).toEqual(changed);
		const history = await taskChanges(task.id);
		expect(history.map((h) => h.version)).toEqual([1, 2]);
		expect(history[1]).toEqual({ version: 2, changedBy: bzZandvoort.id, changes: { status: 'in_uitvoering', priority: 'hoog' } });
		const audit = await t.db.selectFrom('auditLog').select(['action', 'actorId']).where('entityId', '=', task.id).orderBy('id').execute();
		expect(audit).toEqual([
			{ action: 'task.created', actorId: crisisteam.id },
			{ action: 'task.updated', actorId: bzZandvoort.id }
		]);
	});

	it('a stale version is a TaskConflictError (409) carrying the current task, and changes nothing', async () => {
		const task = await freshTask();
		const current = await changeTask(t.db, crisisteam, task.id, change({ version: 1, title: 'Opvang in sporthal' }), ctx);
		const before = await snapshotCounts(t.db);
		let caught: unknown;
		try {
			await changeTask(t.db, bzZandvoort, task.id, change({ version: 1, title: 'Opvang in kerk' }), ctx);
		} catch (err) {
			caught = err;
		}
		expect(caught).toBeInstanceOf(TaskConflictError);
		const err = caught as TaskConflictError;
		expect(err).toBeInstanceOf(ServiceError);
		expect(err.status).toBe(409);
		expect(err.code).toBe('version_conflict');
		expect(err.current).toEqual(current);
		expect(err.extra.current).toEqual(current);
		expect(err.current).toMatchObject({ version: 2, title: 'Opvang in sporthal', updatedBy: { id: crisisteam.id, name: crisisteam.name } });
		// Who changed it and when, not a version number.
		expect(err.message).toBe(`${crisisteam.name} heeft deze taak om ${dutchDateTime(current.updatedAt)} gewijzigd. Bekijk de nieuwe stand en pas je wijziging opnieuw toe.`);
		expect(await snapshotCounts(t.db)).toEqual(before);
		expect(await findTask(t.db, task.id)).toEqual(current);
	});

	it('taskChangeInput requires the version and names it', () => {
		const fields = schemaFields(taskChangeInput, { status: 'gereed' });
		expect(fields.map((f) => f.field)).toEqual(['version']);
		expect(fields[0]!.message).toMatch(/versie/);
		expect(schemaFields(taskChangeInput, { version: '2', status: 'gereed' }).map((f) => f.field)).toEqual(['version']);
		expect(schemaFields(taskChangeInput, { version: 2, status: 'klaar' }).map((f) => f.field)).toEqual(['status']);
	});

	it('two concurrent changes with the same version: exactly one wins, the other gets 409', async () => {
		for (let round = 0; round < 5; round++) {
			const task = await freshTask();
			const results = await Promise.allSettled([
				changeTask(t.db, bzZandvoort, task.id, change({ version: 1, title: `Door Zandvoort ${round}` }), ctx),
				changeTask(t.db, bzVelsen, task.id, change({ version: 1, title: `Door Velsen ${round}` }), ctx)
			]);
			const won = results.filter((r): r is PromiseFulfilledResult<TaskRecord> => r.status === 'fulfilled');
			const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
			expect(won).toHaveLength(1);
			expect(lost).toHaveLength(1);
			expect(lost[0]!.reason).toBeInstanceOf(TaskConflictError);
			expect((lost[0]!.reason as TaskConflictError).status).toBe(409);
			// The loser is shown the winner's task.
			expect((lost[0]!.reason as TaskConflictError).current).toEqual(won[0]!.value);
			const stored = await findTask(t.db, task.id);
			expect(stored).toMatchObject({ version: 2, title: won[0]!.value.title });
			expect((await taskChanges(task.id)).map((h) => h.version)).toEqual([1, 2]);
		}
	});

	it('a blocked task cannot be set gereed (400), but can after unblocking', async () => {
		const task = await freshTask();
		const blocked = await changeTask(t.db, bzZandvoort, task.id, change({ version: 1, blockedReason: 'Wacht op bussen' }), ctx);
		expect(blocked).toMatchObject({ version: 2, blocked: true, blockedReason: 'Wacht op bussen' });

		const err = await expectServiceError(changeTask(t.db, bzZandvoort, task.id, change({ version: 2, status: 'gereed' }), ctx), 400, 'invalid_transition');
		expect(err.fields?.map((f) => f.field)).toEqual(['status']);
		expect(await findTask(t.db, task.id)).toMatchObject({ version: 2, status: 'open', blocked: true });

		const unblocked = await changeTask(t.db, bzZandvoort, task.id, change({ version: 2, blockedReason: null }), ctx);
		expect(unblocked).toMatchObject({ version: 3, blocked: false, blockedReason: null });
		const done = await changeTask(t.db, bzZandvoort, task.id, change({ version: 3, status: 'gereed' }), ctx);
		expect(done).toMatchObject({ version: 4, status: 'gereed', blocked: false });
	});

	it('an empty change is a 400 and an unknown task a 404', async () => {
		const task = await freshTask();
		await expectServiceError(changeTask(t.db, crisisteam, task.id, change({ version: 1 }), ctx), 400, 'no_changes');
		await expectServiceError(changeTask(t.db, crisisteam, '00000000-0000-4000-8000-000000000000', change({ version: 1, status: 'gereed' }), ctx), 404, 'not_found');
		await expectServiceError(changeTask(t.db, crisisteam, 'geen-id', change({ version: 1, status: 'gereed' }), ctx), 404, 'not_found');
	});

	it('a failure inside the change transaction leaves version, history and events as they were', async () => {
		const task = await freshTask(crisisZandvoort, crisisteam, { assigneeId: bzZandvoort.id });
		const before = await snapshotCounts(t.db);
		await expect(
			withEventFault(t.db, { topic: 'user:%', type: 'task.updated' }, () =>
				changeTask(t.db, crisisteam, task.id, change({ version: 1, status: 'in_uitvoering' }), ctx)
			)
		).rejects.toThrow(/injected fault/);
		expect(await snapshotCounts(t.db)).toEqual(before);
		expect(await findTask(t.db, task.id)).toEqual(task);
	});
});

describe('who may work tasks', () => {
	it('a waarnemer reads tasks but cannot create or change them (403)', async () => {
		const task = await freshTask();
		expect((await tasksOfIncident(t.db, waarnemer, crisisZandvoort.id)).map((x) => x.id)).toContain(task.id);
		await expectServiceError(changeTask(t.db, waarnemer, task.id, change({ version: 1, status: 'gereed' }), ctx), 403, 'forbidden');
		await expectServiceError(freshTask(crisisZandvoort, waarnemer), 403, 'forbidden');
		expect(await findTask(t.db, task.id)).toMatchObject({ version: 1, status: 'open' });
	});

	it('an oefenleider works tasks in an oefening but not in a crisis (403)', async () => {
		const exerciseTask = await freshTask(oefening, oefenleider, { process: 'crisiscommunicatie', title: 'Persbericht (oefening)' });
		expect(exerciseTask).toMatchObject({ exercise: true, version: 1 });
		expect(await changeTask(t.db, oefenleider, exerciseTask.id, change({ version: 1, status: 'gereed' }), ctx)).toMatchObject({ status: 'gereed', version: 2, exercise: true });

		const realTask = await freshTask();
		await expectServiceError(changeTask(t.db, oefenleider, realTask.id, change({ version: 1, status: 'gereed' }), ctx), 403, 'forbidden');
		await expectServiceError(freshTask(crisisZandvoort, oefenleider), 403, 'forbidden');
		expect(await findTask(t.db, realTask.id)).toMatchObject({ version: 1, status: 'open' });
	});

	it('a bevolkingszorg officer of Velsen works a task of an incident in Zandvoort (regional work)', async () => {
		const task = await freshTask(crisisZandvoort, bzZandvoort, { municipality: 'zandvoort' });
		const changed = await changeTask(t.db, bzVelsen, task.id, change({ version: 1, status: 'in_uitvoering', assigneeId: bzVelsen.id }), ctx);
		expect(changed).toMatchObject({ version: 2, status: 'in_uitvoering', municipality: 'zandvoort', assignee: { id: bzVelsen.id, name: 'Victor Velsen' } });
		const own = await freshTask(crisisZandvoort, bzVelsen, { process: 'nafase', title: 'Herdenking voorbereiden' });
		expect(own).toMatchObject({ process: 'nafase', incidentId: crisisZandvoort.id });
	});

	it('a closed incident takes no new or changed tasks (409)', async () => {
		const incident = await makeIncident(t.db, crisisteam, { title: 'Wordt gesloten', municipalities: ['zandvoort'] });
		const task = await freshTask(incident);
		await changeStatus(t.db, crisisteam, incident.id, parse(statusChangeInput, { status: 'gesloten' }), ctx);
		const before = await snapshotCounts(t.db);
		await expectServiceError(changeTask(t.db, bzZandvoort, task.id, change({ version: 1, status: 'gereed' }), ctx), 409, 'incident_closed');
		await expectServiceError(freshTask(incident, crisisteam), 409, 'incident_closed');
		expect(await snapshotCounts(t.db)).toEqual(before);
		expect(await findTask(t.db, task.id)).toMatchObject({ version: 1, status: 'open' });
	});
});

describe('assignees', () => {
	it('the assignee gets events on user:<id> and sees the task in myTasks', async () => {
		const assignee = await createUser(t.db, { name: 'Anna Assignee', grants: [{ role: 'bevolkingszorg', municipality: 'zandvoort' }] });
		const task = await freshTask(crisisZandvoort, crisisteam, { process: 'informeren_verwanten', title: 'Verwantenlijn openen', assigneeId: assignee.id });
		expect(task.assignee).toEqual({ id: assignee.id, name: 'Anna Assignee' });

		const events = await eventsSince(t.db, `user:${assignee.id}`, 0);
		expect(events.map((e) => ({ seq: e.seq, type: e.type, exercise: e.exercise, actor: e.actor?.id }))).toEqual([
			{ seq: 1, type: 'task.created', exercise: false, actor: crisisteam.id }
		]);
		expect(events[0]!.data).toEqual(task);
		const incidentEvents = await eventsSince(t.db, `incident:${crisisZandvoort.id}`, 0);
		expect(incidentEvents.filter((e) => (e.data as { id?: string }).id === task.id).map((e) => e.type)).toEqual(['task.created']);

		expect((await myTasks(t.db, assignee)).map((x) => x.id)).toEqual([task.id]);
		expect((await myTasks(t.db, crisisteam)).map((x) => x.id)).not.toContain(task.id);

		await changeTask(t.db, assignee, task.id, change({ version: 1, status: 'in_uitvoering' }), ctx);
		expect((await eventsSince(t.db, `user:${assignee.id}`, 1)).map((e) => [e.seq, e.type, (e.data as TaskRecord).status])).toEqual([[2, 'task.updated', 'in_uitvoering']]);
	});

	it('on re-assignment both the previous and the new assignee get an event', async () => {
		const first = await createUser(t.db, { name: 'Eerste Uitvoerder', grants: [{ role: 'bevolkingszorg', municipality: 'zandvoort' }] });
		const second = await createUser(t.db, { name: 'Tweede Uitvoerder', grants: [{ role: 'bevolkingszorg', municipality: 'velsen' }] });
		const task = await freshTask(crisisZandvoort, crisisteam, { assigneeId: first.id });
		const moved = await changeTask(t.db, crisisteam, task.id, change({ version: 1, assigneeId: second.id }), ctx);
		expect(moved.assignee).toEqual({ id: second.id, name: 'Tweede Uitvoerder' });

		const toFirst = await eventsSince(t.db, `user:${first.id}`, 0);
		expect(toFirst.map((e) => e.type)).toEqual(['task.created', 'task.updated']);
		expect(toFirst[1]!.data).toEqual(moved);
		const toSecond = await eventsSince(t.db, `user:${second.id}`, 0);
		expect(toSecond.map((e) => e.type)).toEqual(['task.updated']);
		expect(toSecond[0]!.data).toEqual(moved);

		expect((await myTasks(t.db, first)).map((x) => x.id)).not.toContain(task.id);
		expect((await myTasks(t.db, second)).map((x) => x.id)).toEqual([task.id]);

		// Unassigning tells the one who had it.
		await changeTask(t.db, crisisteam, task.id, change({ version: 2, assigneeId: null }), ctx);
		expect((await eventsSince(t.db, `user:${second.id}`, 1)).map((e) => [e.type, (e.data as TaskRecord).assignee])).toEqual([['task.updated', null]]);
		expect(await myTasks(t.db, second)).toEqual([]);
	});

	it('events about a task of an oefening are marked as exercise', async () => {
		const player = await createUser(t.db, { name: 'Speler Oefening', grants: [{ role: 'bevolkingszorg', municipality: 'haarlem' }] });
		await freshTask(oefening, oefenleider, { assigneeId: player.id });
		const events = await eventsSince(t.db, `user:${player.id}`, 0);
		expect(events.map((e) => [e.type, e.exercise, (e.data as TaskRecord).exercise])).toEqual([['task.created', true, true]]);
	});
});

// Defects found while writing these tests, now fixed; kept as regression tests.
describe('regressions', () => {
	// src/lib/server/tasks/task-service.ts validateRefs only checks that the assignee exists and is
	// active; a vergunningverlener (no incident.read) then sees the task via myTasks and user:<id>.
	it('a task cannot be assigned to someone who may not read incidents (400 naming assigneeId)', async () => {
		const outsider = await createUser(t.db, { name: 'Vera Vergunning', grants: [{ role: 'vergunningverlener', municipality: 'zandvoort' }] });
		const err = await expectServiceError(freshTask(crisisZandvoort, crisisteam, { assigneeId: outsider.id }), 400, 'validation_failed');
		expect(err.fields?.map((f) => f.field)).toEqual(['assigneeId']);
	});

	// src/lib/server/tasks/task-queries.ts listTasksOfAssignee orders by the status text, so
	// 'gereed' < 'in_uitvoering' < 'open': finished work is listed before open work.
	it('myTasks lists open work before finished work', async () => {
		const worker = await createUser(t.db, { name: 'Volgorde Test', grants: [{ role: 'bevolkingszorg', municipality: 'zandvoort' }] });
		const open = await freshTask(crisisZandvoort, crisisteam, { title: 'Nog te doen', assigneeId: worker.id });
		const done = await freshTask(crisisZandvoort, crisisteam, { title: 'Al gedaan', assigneeId: worker.id });
		await changeTask(t.db, worker, done.id, change({ version: 1, status: 'gereed' }), ctx);
		expect((await myTasks(t.db, worker)).map((x) => x.id)).toEqual([open.id, done.id]);
	});

	// src/lib/server/tasks/task-service.ts announce publishes user:<new> before user:<previous>;
	// two re-assignments in opposite directions (on different incidents) lock the realtime_topic
	// counter rows in opposite order and PostgreSQL aborts one with 40P01 (an API 500). A trigger
	// that slows event inserts on user topics makes the otherwise narrow window certain.
	it('crossing re-assignments do not deadlock', async () => {
		const a = await createUser(t.db, { name: 'Kruis A', grants: [{ role: 'bevolkingszorg', municipality: 'zandvoort' }] });
		const b = await createUser(t.db, { name: 'Kruis B', grants: [{ role: 'bevolkingszorg', municipality: 'zandvoort' }] });
		const other = await makeIncident(t.db, crisisteam, { title: 'Tweede incident', municipalities: ['zandvoort'] });
		const x = await freshTask(crisisZandvoort, crisisteam, { title: 'Taak X', assigneeId: a.id });
		const y = await freshTask(other, crisisteam, { title: 'Taak Y', assigneeId: b.id });
		await sql`create or replace function test_slow_user_event() returns trigger language plpgsql as $$
			begin if new.topic like 'user:%' then perform pg_sleep(0.3); end if; return new; end $$`.execute(t.db);
		await sql`create trigger test_slow_user_event before insert on realtime_event for each row execute function test_slow_user_event()`.execute(t.db);
		try {
			const results = await Promise.allSettled([
				changeTask(t.db, crisisteam, x.id, change({ version: 1, assigneeId: b.id }), ctx),
				changeTask(t.db, crisisteam, y.id, change({ version: 1, assigneeId: a.id }), ctx)
			]);
			expect(results.map((r) => (r.status === 'rejected' ? String((r.reason as Error).message) : 'ok'))).toEqual(['ok', 'ok']);
		} finally {
			await sql`drop trigger test_slow_user_event on realtime_event`.execute(t.db);
		}
	});
});
