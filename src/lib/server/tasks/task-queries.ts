import { sql, type Insertable, type Kysely } from 'kysely';
import type { AuditLog, DB } from '../db/schema';
import { auditRowInsert } from '../audit/audit-queries.ts';
import { stampOrNow } from '../db/now.ts';
import type { TaskRecord } from '../../contracts/task.ts';
// The columns' check constraints hold these values; the record names them as the vocabulary.
import type { Priority, Process, TaskStatus } from '../../domain/bevolkingszorg';
export type { TaskRecord };

type Db = Kysely<DB>;

const base = (db: Db) =>
	db
		.selectFrom('task')
		.innerJoin('incident', 'incident.id', 'task.incidentId')
		.leftJoin('appUser as assignee', 'assignee.id', 'task.assigneeId')
		.leftJoin('taskChange as lastChange', (join) => join.onRef('lastChange.taskId', '=', 'task.id').onRef('lastChange.version', '=', 'task.version'))
		.leftJoin('appUser as changer', 'changer.id', 'lastChange.changedBy')
		.select([
			'task.id',
			'task.incidentId',
			'task.process',
			'task.title',
			'task.description',
			'task.municipalityCode',
			'task.assigneeId',
			'assignee.name as assigneeName',
			'task.priority',
			'task.status',
			'task.blockedReason',
			'task.dueAt',
			'task.version',
			'task.createdAt',
			'task.updatedAt',
			'incident.kind',
			'lastChange.changedBy',
			'changer.name as changedByName'
		]);

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): TaskRecord {
	return {
		id: r.id,
		incidentId: r.incidentId,
		process: r.process as Process,
		title: r.title,
		description: r.description,
		municipality: r.municipalityCode,
		assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
		priority: r.priority as Priority,
		status: r.status as TaskStatus,
		blocked: r.blockedReason !== null,
		blockedReason: r.blockedReason,
		dueAt: r.dueAt?.toISOString() ?? null,
		version: r.version,
		exercise: r.kind === 'oefening',
		createdAt: r.createdAt.toISOString(),
		updatedAt: r.updatedAt.toISOString(),
		updatedBy: r.changedBy ? { id: r.changedBy, name: r.changedByName ?? '' } : null
	};
}

const priorityOrder = sql`case task.priority when 'urgent' then 0 when 'hoog' then 1 when 'normaal' then 2 else 3 end`;

export async function listTasks(db: Db, incidentId: string): Promise<TaskRecord[]> {
	const rows = await base(db)
		.where('task.incidentId', '=', incidentId)
		.orderBy(priorityOrder)
		.orderBy('task.dueAt', (ob) => ob.asc().nullsLast())
		.orderBy('task.createdAt')
		.execute();
	return rows.map(toRecord);
}

export async function listTasksOfAssignee(db: Db, userId: string): Promise<TaskRecord[]> {
	const rows = await base(db)
		.where('task.assigneeId', '=', userId)
		.where('incident.status', '!=', 'gesloten')
		// Work in progress first, then open, finished last.
		.orderBy(sql`case task.status when 'in_uitvoering' then 0 when 'open' then 1 else 2 end`)
		.orderBy(priorityOrder)
		.orderBy('task.dueAt', (ob) => ob.asc().nullsLast())
		.execute();
	return rows.map(toRecord);
}

export async function findTask(db: Db, id: string): Promise<TaskRecord | undefined> {
	const row = await base(db).where('task.id', '=', id).executeTakeFirst();
	return row ? toRecord(row) : undefined;
}

/** Locks the task row for the rest of the transaction, so version checks cannot race. */
export async function lockTask(db: Db, id: string) {
	return db.selectFrom('task').select(['id', 'incidentId', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Locks the task row (not its incident) and reads, in the same round trip, what a change is checked
 * against: the task's version and state, and its incident's kind, status and start.
 */
export async function lockTaskForChange(db: Db, id: string) {
	return db
		.selectFrom('task')
		.innerJoin('incident', 'incident.id', 'task.incidentId')
		.select([
			'task.id',
			'task.incidentId',
			'task.version',
			'task.status',
			'task.blockedReason',
			'task.assigneeId',
			'incident.kind',
			'incident.status as incidentStatus',
			'incident.startedAt'
		])
		.where('task.id', '=', id)
		.forUpdate('task')
		.executeTakeFirst();
}

/**
 * One statement for a task change: the update (version + 1), its history row and its audit row,
 * returning the task as the API shows it. The changer is the one who makes this change, so the
 * record's `updatedBy` needs no read of the history row just written.
 */
export async function applyTaskChange(
	db: Db,
	change: {
		id: string;
		values: Partial<TaskValues>;
		at?: Date;
		changer: { id: string; name: string };
		history: Record<string, unknown>;
		audit: Insertable<AuditLog>;
	}
): Promise<TaskRecord> {
	const row = await db
		.with('updated', (qc) =>
			qc
				.updateTable('task')
				.set({ ...change.values, version: sql`version + 1`, updatedAt: stampOrNow(change.at) })
				.where('id', '=', change.id)
				.returningAll()
		)
		.with('history', (qc) =>
			qc
				.insertInto('taskChange')
				.columns(['taskId', 'version', 'changedBy', 'changes', 'changedAt'])
				.expression((eb) =>
					eb
						.selectFrom('updated')
						.select([
							'updated.id',
							'updated.version',
							sql<string>`${change.changer.id}::uuid`.as('changedBy'),
							sql<string>`${JSON.stringify(change.history)}::jsonb`.as('changes'),
							sql<Date>`coalesce(${change.at ?? null}::timestamptz, now())`.as('changedAt')
						])
				)
		)
		.with('audit', (qc) => auditRowInsert(qc, change.audit))
		.selectFrom('updated')
		.innerJoin('incident', 'incident.id', 'updated.incidentId')
		.leftJoin('appUser as assignee', 'assignee.id', 'updated.assigneeId')
		.select([
			'updated.id',
			'updated.incidentId',
			'updated.process',
			'updated.title',
			'updated.description',
			'updated.municipalityCode',
			'updated.assigneeId',
			'assignee.name as assigneeName',
			'updated.priority',
			'updated.status',
			'updated.blockedReason',
			'updated.dueAt',
			'updated.version',
			'updated.createdAt',
			'updated.updatedAt',
			'incident.kind'
		])
		.executeTakeFirstOrThrow();
	return toRecord({ ...row, changedBy: change.changer.id, changedByName: change.changer.name });
}

export interface TaskValues {
	process: string;
	title: string;
	description: string;
	municipalityCode: string | null;
	assigneeId: string | null;
	priority: string;
	status: string;
	blockedReason: string | null;
	dueAt: Date | null;
}

export async function insertTask(db: Db, values: TaskValues & { incidentId: string; createdBy: string; templateId?: string | null; createdAt?: Date }): Promise<string> {
	const { id } = await db
		.insertInto('task')
		.values({ ...values, updatedAt: values.createdAt })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** Locks many task rows in id order (a fixed order, so two bulk changes cannot deadlock). */
export async function lockTasks(db: Db, ids: string[]) {
	if (ids.length === 0) return [];
	return db.selectFrom('task').select(['id', 'incidentId', 'version']).where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

export async function updateTask(db: Db, id: string, values: Partial<TaskValues>, at?: Date): Promise<void> {
	await db
		.updateTable('task')
		.set({ ...values, version: sql`version + 1`, updatedAt: stampOrNow(at) })
		.where('id', '=', id)
		.execute();
}

export async function insertTaskChange(db: Db, values: { taskId: string; version: number; changedBy: string; changes: Record<string, unknown>; changedAt?: Date }) {
	await db
		.insertInto('taskChange')
		.values({ ...values, changes: JSON.stringify(values.changes) })
		.execute();
}

export async function userExists(db: Db, id: string): Promise<boolean> {
	return !!(await db.selectFrom('appUser').select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst());
}

export async function insertTaskNote(db: Db, values: { taskId: string; authorId: string; text: string; createdAt?: Date }) {
	return db.insertInto('taskNote').values(values).returning(['id', 'createdAt']).executeTakeFirstOrThrow();
}

export async function taskNotes(db: Db, taskId: string) {
	const rows = await db
		.selectFrom('taskNote')
		.innerJoin('appUser', 'appUser.id', 'taskNote.authorId')
		.select(['taskNote.id', 'taskNote.text', 'taskNote.createdAt', 'appUser.id as authorId', 'appUser.name as authorName'])
		.where('taskNote.taskId', '=', taskId)
		.orderBy('taskNote.createdAt')
		.execute();
	return rows.map((r) => ({ id: r.id, text: r.text, at: r.createdAt.toISOString(), author: { id: r.authorId, name: r.authorName } }));
}

export async function taskHistory(db: Db, taskId: string) {
	const rows = await db
		.selectFrom('taskChange')
		.innerJoin('appUser', 'appUser.id', 'taskChange.changedBy')
		.select(['taskChange.id', 'taskChange.version', 'taskChange.changedAt', 'taskChange.changes', 'appUser.name as byName'])
		.where('taskChange.taskId', '=', taskId)
		.orderBy('taskChange.version')
		.orderBy('taskChange.id')
		.execute();
	return rows.map((r) => ({ id: r.id, version: r.version, at: r.changedAt.toISOString(), by: r.byName, changes: r.changes as Record<string, unknown> }));
}

/** Marks bevolkingszorg active on the incident once; false when it already was (the row is locked until commit). */
export async function markBevolkingszorgActivated(db: Db, id: string, at?: Date): Promise<boolean> {
	const row = await db
		.updateTable('incident')
		.set({ bevolkingszorgActivatedAt: stampOrNow(at), version: sql`version + 1` })
		.where('id', '=', id)
		.where('bevolkingszorgActivatedAt', 'is', null)
		.returning('id')
		.executeTakeFirst();
	return !!row;
}

/** Every change of every task of the incident, oldest first, with who made it (the evaluation timeline). */
export async function taskChangesOfIncident(db: Db, incidentId: string) {
	return db
		.selectFrom('taskChange')
		.innerJoin('task', 'task.id', 'taskChange.taskId')
		.innerJoin('appUser', 'appUser.id', 'taskChange.changedBy')
		.select(['taskChange.taskId', 'task.title', 'task.process', 'taskChange.version', 'taskChange.changedAt', 'appUser.name', 'taskChange.changes'])
		.where('task.incidentId', '=', incidentId)
		.orderBy('taskChange.changedAt')
		.orderBy('taskChange.id')
		.execute();
}

/** Confirmed grants that may receive tasks, of active users, by name (the assignee list of an incident page). */
export async function taskReceiverGrants(db: Db, roles: readonly string[]) {
	return db
		.selectFrom('appUser')
		.innerJoin('roleGrant', 'roleGrant.userId', 'appUser.id')
		.select(['appUser.id', 'appUser.name', 'roleGrant.municipalityCode', 'roleGrant.role'])
		.where('roleGrant.role', 'in', roles)
		.where('roleGrant.confirmedAt', 'is not', null)
		.where('appUser.active', '=', true)
		.orderBy('appUser.name')
		.execute();
}
