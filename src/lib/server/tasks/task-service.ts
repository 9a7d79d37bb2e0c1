// Bevolkingszorg tasks: no lost updates (every change names the version it saw; a stale one
// gets 409 with the current task), a history row per change, live on `incident:<id>` and on
// the assignee's `user:<id>`.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { writeAudit } from '../audit/audit';
import { publish, publishAll } from '../realtime/event-log';
import { ServiceError, VersionConflictError, conflict, forbidden, invalid, notFound } from '../errors';
import { transitionRefusal, type TaskStatus } from '../../domain/bevolkingszorg';
import { incidentIsOpen } from '../../domain/incidents';
import { overtakenSentence } from '../../domain/wording/changes';
import { existingMunicipalities } from '../region/municipality-queries';
import { listTemplates } from './template-queries';
import { isUuid } from '../ids';
import type { Clocked } from '../clock';
import { findGrants } from '../auth/session-queries';
import { requireReadableIncident } from '../incident-access/incident-access';
import type { IncidentRecord } from '../incident-access/incident-record-queries';
import {
	applyTaskChange,
	findTask,
	lockTaskForChange,
	markBevolkingszorgActivated,
	insertTask,
	insertTaskChange,
	insertTaskNote,
	listTasks,
	listTasksOfAssignee,
	lockTasks,
	taskHistory,
	taskNotes,
	updateTask,
	userExists,
	type TaskRecord,
	type TaskValues
} from './task-queries';
import type { NewTaskInput, TaskChangeInput } from './task-input';
import { queueNotifications } from '../notifications/notification-outbox';
import { taskAssignedMessage } from '../notifications/notification-messages';
import type { BulkAssignInput } from './template-input';

interface Ctx extends Clocked {
	ip: string | null;
}

/** The wording of a stale task's 409: who changed it and when. */
export function taskConflictMessage(current: TaskRecord): string {
	return `${overtakenSentence('deze taak', current.updatedBy?.name ?? null, current.updatedAt)} Bekijk de nieuwe stand en pas je wijziging opnieuw toe.`;
}

/** The name callers and tests used before there was one conflict error. */
export { VersionConflictError as TaskConflictError };

/** What a task write is checked against: whether the incident is an exercise, open, and when it began. */
type IncidentForWrite = Pick<IncidentRecord, 'exercise' | 'status' | 'startedAt'>;

function requireWrite(user: SessionUser, incident: IncidentForWrite): void {
	if (!can(user, 'task.write', { exercise: incident.exercise })) throw forbidden('Alleen bevolkingszorg en het crisisteam (bij een oefening ook de oefenleider) wijzigen taken.');
	if (!incidentIsOpen(incident.status)) throw new ServiceError(409, 'incident_closed', 'Dit incident is gesloten; taken wijzigen niet meer.');
}

async function validateRefs(
	db: Kysely<DB>,
	incident: IncidentForWrite,
	values: { municipality?: string | null; dueAt?: string | null; assigneeId?: string | null }
): Promise<void> {
	const fields: { field: string; message: string }[] = [];
	if (values.municipality) {
		const known = await existingMunicipalities(db, [values.municipality]);
		if (known.length === 0) fields.push({ field: 'municipality', message: `Onbekende gemeente: ${values.municipality}` });
	}
	if (values.dueAt && Date.parse(values.dueAt) < Date.parse(incident.startedAt)) {
		fields.push({ field: 'dueAt', message: 'De deadline ligt vóór het begin van het incident.' });
	}
	if (values.assigneeId) {
		// The assignee must be someone who may work tasks, or the task would be invisible to them.
		const grants = (await userExists(db, values.assigneeId)) ? await findGrants(db, values.assigneeId) : [];
		const assignee = { id: values.assigneeId, email: '', name: '', grants };
		if (grants.length === 0) fields.push({ field: 'assigneeId', message: 'Deze uitvoerder bestaat niet of is geblokkeerd.' });
		else if (!can(assignee, 'task.receive', { exercise: incident.exercise })) fields.push({ field: 'assigneeId', message: 'Deze persoon werkt niet aan taken (geen rol bevolkingszorg, crisisteam of oefenleider).' });
	}
	if (fields.length > 0) throw invalid(fields, fields.map((f) => f.message).join(' '));
}

async function announce(trx: Transaction<DB>, user: SessionUser, task: TaskRecord, type: 'task.created' | 'task.updated', at: Date | undefined, previousAssignee?: string | null) {
	const actor = { id: user.id, name: user.name };
	// A fixed order of topics (the incident, then the assignees by id), so two transactions never
	// take the counter locks crosswise; all of them in one statement.
	const assignees = [...new Set([task.assignee?.id, previousAssignee].filter((id): id is string => !!id))].sort();
	const topics = [`incident:${task.incidentId}`, ...assignees.map((id) => `user:${id}`)];
	await publishAll(
		trx,
		topics.map((topic) => ({ topic, type, data: task, actor, exercise: task.exercise, at }))
	);
	// A task newly assigned to someone else tells them (by e-mail and push, as they chose).
	const assignee = task.assignee?.id;
	if (assignee && assignee !== previousAssignee && assignee !== user.id) await queueNotifications(trx, [taskAssignedMessage(assignee, task, user.name)]);
}

export async function tasksOfIncident(db: Kysely<DB>, user: SessionUser, incidentId: string): Promise<TaskRecord[]> {
	await requireReadableIncident(db, user, incidentId);
	return listTasks(db, incidentId);
}

export async function myTasks(db: Kysely<DB>, user: SessionUser): Promise<TaskRecord[]> {
	if (!can(user, 'incident.read')) return [];
	return listTasksOfAssignee(db, user.id);
}

/**
 * Every task write checks the policy inside its own transaction, on the incident as it reads
 * there: a check before the transaction could pass on a record that has changed since.
 */
async function writableIncident(trx: Transaction<DB>, user: SessionUser, incidentId: string): Promise<IncidentRecord> {
	const incident = await requireReadableIncident(trx, user, incidentId);
	requireWrite(user, incident);
	return incident;
}

export async function createTask(db: Kysely<DB>, user: SessionUser, incidentId: string, input: NewTaskInput, ctx: Ctx): Promise<TaskRecord> {
	return transact(db, async (trx) => {
		const incident = await writableIncident(trx, user, incidentId);
		await validateRefs(trx, incident, input);
		const values: TaskValues = {
			process: input.process,
			title: input.title,
			description: input.description ?? '',
			municipalityCode: input.municipality ?? null,
			assigneeId: input.assigneeId ?? null,
			priority: input.priority ?? 'normaal',
			status: 'open',
			blockedReason: null,
			dueAt: input.dueAt ? new Date(input.dueAt) : null
		};
		const id = await insertTask(trx, { ...values, incidentId, createdBy: user.id, createdAt: ctx.now });
		await insertTaskChange(trx, { taskId: id, version: 1, changedBy: user.id, changes: { aangemaakt: true, ...input }, changedAt: ctx.now });
		const task = (await findTask(trx, id))!;
		await writeAudit(trx, { actorId: user.id, action: 'task.created', entityType: 'taak', entityId: id, ip: ctx.ip, details: { incidentId, process: input.process }, at: ctx.now });
		await announce(trx, user, task, 'task.created', ctx.now);
		return task;
	});
}

export async function changeTask(db: Kysely<DB>, user: SessionUser, taskId: string, input: TaskChangeInput, ctx: Ctx): Promise<TaskRecord> {
	// Someone who may not read incidents learns nothing about which tasks exist.
	if (!can(user, 'incident.read')) throw forbidden('Je hebt geen toegang tot incidenten.');
	// Four round trips inside the transaction: lock (with the incident), the change with its history
	// and audit rows, the events with their NOTIFY, and only on a conflict the current task.
	return transact(db, async (trx) => {
		// The task locked first and its incident read in the same statement; the policy asked on
		// what this transaction sees.
		const locked = isUuid(taskId) ? await lockTaskForChange(trx, taskId) : undefined;
		if (!locked) throw notFound('Deze taak bestaat niet.');
		const incident: IncidentForWrite = { exercise: locked.kind === 'oefening', status: locked.incidentStatus as IncidentRecord['status'], startedAt: locked.startedAt.toISOString() };
		requireWrite(user, incident);
		await validateRefs(trx, incident, input);
		if (locked.version !== input.version) {
			const current = (await findTask(trx, taskId))!;
			throw new VersionConflictError(current, taskConflictMessage(current));
		}

		const changes: Partial<TaskValues> = {};
		if (input.status !== undefined) changes.status = input.status;
		if (input.process !== undefined) changes.process = input.process;
		if (input.title !== undefined) changes.title = input.title;
		if (input.description !== undefined) changes.description = input.description;
		if (input.municipality !== undefined) changes.municipalityCode = input.municipality;
		if (input.priority !== undefined) changes.priority = input.priority;
		if (input.dueAt !== undefined) changes.dueAt = input.dueAt ? new Date(input.dueAt) : null;
		if (input.assigneeId !== undefined) changes.assigneeId = input.assigneeId;
		if (input.blockedReason !== undefined) changes.blockedReason = input.blockedReason || null;
		if (Object.keys(changes).length === 0) throw new ServiceError(400, 'no_changes', 'Er is niets om te wijzigen.');

		const currentStatus = locked.status as TaskStatus;
		const nextStatus = (changes.status ?? currentStatus) as TaskStatus;
		const nextBlocked = changes.blockedReason !== undefined ? changes.blockedReason : locked.blockedReason;
		if (nextStatus !== currentStatus || changes.blockedReason !== undefined) {
			const refusal = transitionRefusal({ status: currentStatus, blockedReason: nextBlocked }, nextStatus);
			if (refusal && nextStatus === 'gereed') throw new ServiceError(400, 'invalid_transition', refusal, [{ field: 'status', message: refusal }]);
		}

		const task = await applyTaskChange(trx, {
			id: taskId,
			values: changes,
			at: ctx.now,
			changer: { id: user.id, name: user.name },
			history: { ...input, version: undefined },
			audit: {
				actorId: user.id,
				action: 'task.updated',
				entityType: 'taak',
				entityId: taskId,
				ip: ctx.ip,
				details: JSON.stringify({ version: locked.version + 1, fields: Object.keys(changes) }),
				at: ctx.now
			}
		});
		await announce(trx, user, task, 'task.updated', ctx.now, locked.assigneeId);
		return task;
	});
}

/**
 * Activates bevolkingszorg for an incident: the standard task cards of every process become
 * tasks, due at the incident's start plus the card's minutes. Once per incident.
 */
export async function activateBevolkingszorg(db: Kysely<DB>, user: SessionUser, incidentId: string, ctx: Ctx): Promise<TaskRecord[]> {
	return transact(db, async (trx) => {
		const incident = await writableIncident(trx, user, incidentId);
		if (!(await markBevolkingszorgActivated(trx, incidentId, ctx.now))) throw conflict('Bevolkingszorg is voor dit incident al geactiveerd.');
		const templates = await listTemplates(trx, { activeOnly: true });
		const start = Date.parse(incident.startedAt);
		const created: TaskRecord[] = [];
		for (const t of templates) {
			const id = await insertTask(trx, {
				incidentId,
				createdBy: user.id,
				process: t.process,
				title: t.title,
				description: t.description,
				municipalityCode: null,
				assigneeId: null,
				priority: t.priority,
				status: 'open',
				blockedReason: null,
				dueAt: t.dueMinutes === null ? null : new Date(start + t.dueMinutes * 60_000),
				templateId: t.id,
				createdAt: ctx.now
			});
			await insertTaskChange(trx, { taskId: id, version: 1, changedBy: user.id, changes: { aangemaakt: true, taakkaart: t.id }, changedAt: ctx.now });
			const task = (await findTask(trx, id))!;
			await announce(trx, user, task, 'task.created', ctx.now);
			created.push(task);
		}
		await writeAudit(trx, { actorId: user.id, action: 'bevolkingszorg.activated', entityType: 'incident', entityId: incidentId, ip: ctx.ip, details: { tasks: created.length }, at: ctx.now });
		return created;
	});
}

/** Assigns (or re-assigns) many tasks at once; all or nothing, each at the version the user saw. */
export async function bulkAssign(db: Kysely<DB>, user: SessionUser, incidentId: string, input: BulkAssignInput, ctx: Ctx): Promise<TaskRecord[]> {
	return transact(db, async (trx) => {
		const incident = await writableIncident(trx, user, incidentId);
		if (input.assigneeId === undefined && input.municipality === undefined) {
			throw invalid([{ field: 'assigneeId', message: 'Kies een uitvoerder of een gemeente.' }], 'Kies een uitvoerder of een gemeente.');
		}
		await validateRefs(trx, incident, { assigneeId: input.assigneeId ?? null, municipality: input.municipality ?? null });
		const locked = await lockTasks(trx, input.tasks.map((t) => t.id));
		const stale: TaskRecord[] = [];
		for (const wanted of input.tasks) {
			const row = locked.find((l) => l.id === wanted.id);
			if (!row || row.incidentId !== incidentId) throw notFound('Een van de gekozen taken hoort niet (meer) bij dit incident.');
			if (row.version !== wanted.version) stale.push((await findTask(trx, wanted.id))!);
		}
		if (stale.length > 0) {
			throw new VersionConflictError(stale, `${stale.length} van de gekozen taken is intussen door iemand anders gewijzigd. Bekijk ze en probeer het opnieuw.`);
		}
		const updated: TaskRecord[] = [];
		for (const wanted of input.tasks) {
			const before = (await findTask(trx, wanted.id))!;
			const changes: Partial<TaskValues> = {};
			if (input.assigneeId !== undefined) changes.assigneeId = input.assigneeId;
			if (input.municipality !== undefined) changes.municipalityCode = input.municipality;
			await updateTask(trx, wanted.id, changes, ctx.now);
			await insertTaskChange(trx, { taskId: wanted.id, version: wanted.version + 1, changedBy: user.id, changes: { ...changes, bulk: true }, changedAt: ctx.now });
			const task = (await findTask(trx, wanted.id))!;
			await announce(trx, user, task, 'task.updated', ctx.now, before.assignee?.id ?? null);
			updated.push(task);
		}
		await writeAudit(trx, { actorId: user.id, action: 'task.bulk_assigned', entityType: 'incident', entityId: incidentId, ip: ctx.ip, details: { tasks: updated.length, assigneeId: input.assigneeId, municipality: input.municipality }, at: ctx.now });
		return updated;
	});
}

async function requireTask(db: Kysely<DB>, user: SessionUser, taskId: string) {
	const task = isUuid(taskId) ? await findTask(db, taskId) : undefined;
	if (!task) throw notFound('Deze taak bestaat niet.');
	const incident = await requireReadableIncident(db, user, task.incidentId);
	return { task, incident };
}

/** The task with its notes and its history (who changed what, per version). */
export async function taskDetail(db: Kysely<DB>, user: SessionUser, taskId: string) {
	const { task } = await requireTask(db, user, taskId);
	return { ...task, notes: await taskNotes(db, taskId), history: await taskHistory(db, taskId) };
}

/** A note adds to a task without changing it, so it needs no version. */
export async function addTaskNote(db: Kysely<DB>, user: SessionUser, taskId: string, text: string, ctx: Ctx) {
	return transact(db, async (trx) => {
		const { task, incident } = await requireTask(trx, user, taskId);
		requireWrite(user, incident);
		const { id, createdAt } = await insertTaskNote(trx, { taskId, authorId: user.id, text, createdAt: ctx.now });
		await writeAudit(trx, { actorId: user.id, action: 'task.note', entityType: 'taak', entityId: taskId, ip: ctx.ip, at: ctx.now });
		const note = { id, taskId, text, at: createdAt.toISOString(), author: { id: user.id, name: user.name } };
		await publish(trx, { topic: `incident:${task.incidentId}`, type: 'task.note', data: note, actor: { id: user.id, name: user.name }, exercise: task.exercise, at: ctx.now });
		return note;
	});
}
