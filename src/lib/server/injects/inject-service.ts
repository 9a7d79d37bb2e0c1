// Exercise injects: an oefenleider scripts messages (text, discipline, due at the exercise's
// start plus N minutes); the scheduler delivers them into the logbook at their time. The
// script is for the exercise leaders only, so its news goes on `injects:<incident>`, never on
// the players' `incident:<id>` topic.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import type { SessionUser } from '../auth/roles';
import { writeAudit } from '../audit/audit';
import { publish } from '../realtime/event-log';
import { ServiceError, forbidden, invalid, notFound } from '../errors';
import { isUuid } from '../ids';
import { momentOf, type Clocked } from '../clock';
import { canManageInjects, requireReadableIncident } from '../incident-access/incident-access';
import type { IncidentRecord } from '../incident-access/incident-record-queries';
import { injectDueAt, injectRefusal } from '../../domain/injects';
import { closedIncident, lockOpenIncident } from '../logbook/log-service';
import { deleteWaitingInject, findInject, insertInject, listInjects, type InjectRecord } from './inject-queries';
import type { NewInjectInput } from './inject-input';

interface Ctx extends Clocked {
	ip: string | null;
}

// Kept here too, where routes have always found it; it lives in incident-access.
export { canManageInjects };

function requireManage(user: SessionUser, incident: IncidentRecord): void {
	if (!incident.exercise) throw new ServiceError(400, 'not_an_exercise', 'Injects horen bij een oefening; dit is een echt incident.');
	if (!canManageInjects(user, incident)) throw forbidden('Alleen de oefenleider beheert de injects van een oefening.');
}

async function announce(trx: Transaction<DB>, user: SessionUser, inject: InjectRecord, type: 'inject.created' | 'inject.deleted', at: Date | undefined) {
	await publish(trx, { topic: `injects:${inject.incidentId}`, type, data: inject, actor: { id: user.id, name: user.name }, exercise: true, at });
}

export async function injectsOf(db: Kysely<DB>, user: SessionUser, incidentId: string): Promise<InjectRecord[]> {
	const incident = await requireReadableIncident(db, user, incidentId);
	requireManage(user, incident);
	return listInjects(db, incidentId);
}

export async function createInject(db: Kysely<DB>, user: SessionUser, incidentId: string, input: NewInjectInput, ctx: Ctx): Promise<InjectRecord> {
	const incident = await requireReadableIncident(db, user, incidentId);
	requireManage(user, incident);
	if (incident.status === 'gesloten') throw closedIncident('er komen geen injects meer bij.');
	const start = new Date(incident.startedAt);
	const refusal = injectRefusal({ start, minutes: input.dueMinutes, now: momentOf(ctx) });
	if (refusal) throw invalid([{ field: 'dueMinutes', message: refusal }], refusal);
	return transact(db, async (trx) => {
		await lockOpenIncident(trx, incidentId, 'er komen geen injects meer bij.');
		const id = await insertInject(trx, {
			incidentId,
			text: input.text,
			source: input.source,
			discipline: input.discipline,
			dueMinutes: input.dueMinutes,
			dueAt: injectDueAt(start, input.dueMinutes),
			createdBy: user.id,
			createdAt: ctx.now
		});
		const inject = (await findInject(trx, id))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: 'inject.created',
			entityType: 'inject',
			entityId: id,
			ip: ctx.ip,
			at: ctx.now,
			details: { incidentId, dueMinutes: input.dueMinutes, discipline: input.discipline, exercise: true }
		});
		await announce(trx, user, inject, 'inject.created', ctx.now);
		return inject;
	});
}

/** Removes an inject that has not been delivered yet. */
export async function deleteInject(db: Kysely<DB>, user: SessionUser, incidentId: string, injectId: string, ctx: Ctx): Promise<InjectRecord> {
	const incident = await requireReadableIncident(db, user, incidentId);
	requireManage(user, incident);
	const inject = isUuid(injectId) ? await findInject(db, injectId) : undefined;
	if (!inject || inject.incidentId !== incidentId) throw notFound('Deze inject bestaat niet in deze oefening.');
	return transact(db, async (trx) => {
		if (!(await deleteWaitingInject(trx, injectId))) {
			throw new ServiceError(409, 'already_delivered', 'Deze inject is al in het logboek afgeleverd en blijft daarom bewaard.');
		}
		await writeAudit(trx, { actorId: user.id, action: 'inject.deleted', entityType: 'inject', entityId: injectId, ip: ctx.ip, details: { incidentId, exercise: true }, at: ctx.now });
		await announce(trx, user, inject, 'inject.deleted', ctx.now);
		return inject;
	});
}
