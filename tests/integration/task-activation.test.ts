// Standard task cards, bevolkingszorg activation, bulk assignment, notes and history, against
// real PostgreSQL through the services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { newTaskInput, taskChangeInput, taskNoteInput } from '../../src/lib/server/tasks/task-input.ts';
import { bulkAssignInput, templateInput, templateUpdateInput } from '../../src/lib/server/tasks/template-input.ts';
import { activateBevolkingszorg, addTaskNote, bulkAssign, changeTask, createTask, taskDetail } from '../../src/lib/server/tasks/task-service.ts';
import { addTemplate, saveTemplate, templatesFor } from '../../src/lib/server/tasks/template-service.ts';
import { findTask } from '../../src/lib/server/tasks/task-queries.ts';
import { eventsSince } from '../../src/lib/server/realtime/event-log.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { ctx, expectServiceError, makeIncident, parse, schemaFields } from '../support/incident-fixtures.ts';

let t: TestDatabase;
let crisisteam: SessionUser;
let bz: SessionUser;
let bz2: SessionUser;
let waarnemer: SessionUser;
let regionalAdmin: SessionUser;
let municipalAdmin: SessionUser;
let incident: IncidentRecord;

beforeAll(async () => {
	t = await createTestDatabase();
	crisisteam = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: null }] });
	bz = await createUser(t.db, { name: 'Bea Bevolkingszorg', grants: [{ role: 'bevolkingszorg', municipality: 'velsen' }] });
	bz2 = await createUser(t.db, { name: 'Bart Bevolkingszorg', grants: [{ role: 'bevolkingszorg', municipality: 'beverwijk' }] });
	waarnemer = await createUser(t.db, { name: 'Wim Waarnemer', grants: [{ role: 'waarnemer', municipality: 'velsen' }] });
	regionalAdmin = await createUser(t.db, { name: 'Regina Regio', grants: [{ role: 'beheerder', municipality: null }] });
	municipalAdmin = await createUser(t.db, { name: 'Gerrit Gemeente', grants: [{ role: 'beheerder', municipality: 'velsen' }] });
	incident = await makeIncident(t.db, crisisteam, {
		title: 'Brand chemisch bedrijf Velsen-Noord',
		municipalities: ['velsen', 'beverwijk'],
		grip: 3,
		startedAt: new Date(Date.now() - 30 * 60_000).toISOString()
	});
});

afterAll(async () => {
	await t?.drop();
});

describe('activating bevolkingszorg', () => {
	it('turns every active task card into a task, due at the incident start plus its minutes', async () => {
		const templates = await templatesFor(t.db, regionalAdmin);
		const active = templates.filter((tpl) => tpl.active);
		expect(active.length).toBeGreaterThanOrEqual(10);
		const tasks = await activateBevolkingszorg(t.db, bz, incident.id, ctx);
		expect(tasks).toHaveLength(active.length);
		expect(new Set(tasks.map((task) => task.process))).toEqual(new Set(['crisiscommunicatie', 'publieke_zorg', 'informeren_verwanten', 'omgevingszorg', 'nafase']));
		const shelter = tasks.find((task) => task.title.startsWith('Opvanglocatie'))!;
		const card = active.find((tpl) => tpl.title === shelter.title)!;
		expect(Date.parse(shelter.dueAt!) - Date.parse(incident.startedAt)).toBe(card.dueMinutes! * 60_000);
		const events = await eventsSince(t.db, `incident:${incident.id}`, 0);
		expect(events.filter((e) => e.type === 'task.created')).toHaveLength(active.length);
	});

	it('happens once: a second activation is a 409 and creates nothing', async () => {
		const before = await t.db.selectFrom('task').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		await expectServiceError(activateBevolkingszorg(t.db, crisisteam, incident.id, ctx), 409, 'conflict');
		const after = await t.db.selectFrom('task').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});

	it('is refused to a waarnemer', async () => {
		const other = await makeIncident(t.db, crisisteam, { title: 'Stroomstoring Beverwijk', municipalities: ['beverwijk'] });
		await expectServiceError(activateBevolkingszorg(t.db, waarnemer, other.id, ctx), 403, 'forbidden');
	});
});

describe('standard task cards', () => {
	it('are edited by a regional beheerder only', async () => {
		await expectServiceError(templatesFor(t.db, municipalAdmin), 403, 'forbidden');
		await expectServiceError(templatesFor(t.db, crisisteam), 403, 'forbidden');
		const added = await addTemplate(t.db, regionalAdmin, parse(templateInput, { process: 'nafase', title: 'Herdenking voorbereiden', priority: 'laag', dueMinutes: '4320' }), ctx);
		expect(added).toMatchObject({ process: 'nafase', dueMinutes: 4320, active: true, version: 1 });
		const saved = await saveTemplate(t.db, regionalAdmin, parse(templateUpdateInput, { ...added, dueMinutes: '', version: '1', active: 'false', description: '' }), ctx);
		expect(saved).toMatchObject({ dueMinutes: null, active: false, version: 2 });
		await expectServiceError(saveTemplate(t.db, regionalAdmin, parse(templateUpdateInput, { ...added, version: '1', description: '' }), ctx), 409, 'conflict');
	});

	it('refuse a deadline before the incident start and an unknown process, in Dutch', () => {
		const fields = schemaFields(templateInput, { process: 'evacuatie', title: 'X', priority: 'normaal', dueMinutes: '-5' });
		expect(fields.map((f) => f.field).sort()).toEqual(['dueMinutes', 'process', 'title']);
		expect(fields.find((f) => f.field === 'dueMinutes')?.message).toMatch(/vóór het begin/);
	});
});

describe('bulk assignment', () => {
	it('assigns many tasks at once, each one version up, and tells both assignees', async () => {
		const tasks = (await t.db.selectFrom('task').select(['id', 'version']).where('incidentId', '=', incident.id).orderBy('id').limit(4).execute()).map((r) => ({
			id: r.id,
			version: r.version
		}));
		const assigned = await bulkAssign(t.db, crisisteam, incident.id, parse(bulkAssignInput, { tasks, assigneeId: bz.id }), ctx);
		expect(assigned.map((task) => [task.assignee?.id, task.version])).toEqual(tasks.map((task) => [bz.id, task.version + 1]));
		const reassigned = await bulkAssign(
			t.db,
			crisisteam,
			incident.id,
			parse(bulkAssignInput, { tasks: assigned.map((task) => ({ id: task.id, version: task.version })), assigneeId: bz2.id }),
			ctx
		);
		expect(reassigned.every((task) => task.assignee?.id === bz2.id)).toBe(true);
		const toOld = await eventsSince(t.db, `user:${bz.id}`, 0);
		expect(toOld.filter((e) => e.type === 'task.updated')).toHaveLength(8); // assigned, then taken away
	});

	it('is all or nothing: one stale version refuses the whole batch with the current tasks', async () => {
		const rows = await t.db.selectFrom('task').select(['id', 'version', 'assigneeId']).where('incidentId', '=', incident.id).orderBy('id').offset(4).limit(3).execute();
		const stale = rows.map((r, i) => ({ id: r.id, version: i === 1 ? r.version + 5 : r.version }));
		const err = await expectServiceError(bulkAssign(t.db, crisisteam, incident.id, parse(bulkAssignInput, { tasks: stale, assigneeId: bz.id }), ctx), 409, 'version_conflict');
		expect((err.extra.current as { id: string }[]).map((task) => task.id)).toEqual([rows[1]!.id]);
		for (const row of rows) expect((await findTask(t.db, row.id))!.assignee?.id ?? null).toBe(row.assigneeId);
	});

	it('refuses an assignee who does not work tasks', async () => {
		const row = await t.db.selectFrom('task').select(['id', 'version']).where('incidentId', '=', incident.id).executeTakeFirstOrThrow();
		const err = await expectServiceError(bulkAssign(t.db, crisisteam, incident.id, parse(bulkAssignInput, { tasks: [row], assigneeId: waarnemer.id }), ctx), 400, 'validation_failed');
		expect(err.fields?.map((f) => f.field)).toEqual(['assigneeId']);
	});
});

describe('notes and history', () => {
	it('keeps notes and every change, readable by a waarnemer, writable by workers only', async () => {
		const task = await createTask(t.db, bz, incident.id, parse(newTaskInput, { process: 'omgevingszorg', title: 'Afzetting Wijkeroogstraat' }), ctx);
		await changeTask(t.db, bz2, task.id, parse(taskChangeInput, { version: 1, status: 'in_uitvoering' }), ctx);
		const note = await addTaskNote(t.db, bz, task.id, parse(taskNoteInput, { text: '  Hekken staan, politie regelt verkeer.  ' }).text, ctx);
		expect(note.text).toBe('Hekken staan, politie regelt verkeer.');
		await expectServiceError(addTaskNote(t.db, waarnemer, task.id, 'Mag niet', ctx), 403, 'forbidden');
		const detail = await taskDetail(t.db, waarnemer, task.id);
		expect(detail.notes.map((n) => [n.text, n.author.name])).toEqual([['Hekken staan, politie regelt verkeer.', 'Bea Bevolkingszorg']]);
		expect(detail.history.map((h) => [h.version, h.by])).toEqual([
			[1, 'Bea Bevolkingszorg'],
			[2, 'Bart Bevolkingszorg']
		]);
		expect(detail.history[1]!.changes).toMatchObject({ status: 'in_uitvoering' });
		expect(schemaFields(taskNoteInput, { text: '   ' })).toEqual([{ field: 'text', message: 'Een notitie mag niet leeg zijn.' }]);
	});
});
