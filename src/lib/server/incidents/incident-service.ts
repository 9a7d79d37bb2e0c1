// Incidents: crisis or exercise, GRIP with its history, status. Each change is one transaction
// that audits and publishes on `incident:<id>` and on `incidents` (the list).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { writeAudit } from '../audit/audit';
import { publish } from '../realtime/event-log';
import { ServiceError, conflict, forbidden, invalid } from '../errors';
import { incidentIsOpen, type IncidentKind } from '../../domain/incidents';
import { momentOf, type Clocked } from '../clock';
import {
	findIncident,
	gripHistory,
	gripLevels,
	insertGripChange,
	insertIncident,
	listIncidents,
	markArchived,
	updateIncidentState,
	type IncidentRecord
} from './incident-queries';
import { existingMunicipalities } from '../region/municipality-queries';
import { requireReadableIncident } from '../incident-access/incident-access';
import type { GripChangeInput, NewIncidentInput, StatusChangeInput } from './incident-input';

interface Ctx extends Clocked {
	ip: string | null;
}

/** A GRIP change as a caller's follow-up sees it, inside the change's own transaction. */
export interface GripChanged {
	incident: IncidentRecord;
	from: number;
	to: number;
	at: Date;
}

interface GripCtx extends Ctx {
	/**
	 * Runs in the GRIP change's transaction after it is written (alerting: raising GRIP alerts the
	 * functions of the new levels). Passed in by the caller, so this capability imports no other.
	 */
	afterGripChange?: (trx: Transaction<DB>, change: GripChanged) => Promise<void>;
}

/** An oefenleider runs exercises; only the crisis team declares a real crisis. */
export function canCreateIncident(user: SessionUser, kind: IncidentKind): boolean {
	return can(user, 'incident.create', { exercise: kind === 'oefening' });
}

function requireManage(user: SessionUser, incident: IncidentRecord): void {
	if (!can(user, 'incident.manage', { exercise: incident.exercise })) throw forbidden('Alleen het crisisteam (bij een oefening ook de oefenleider) wijzigt GRIP en status.');
}

// Kept here too, where routes have always found it; it lives in incident-access.
export { requireReadableIncident };

async function announce(trx: Transaction<DB>, user: SessionUser, incident: IncidentRecord, type: 'incident.created' | 'incident.updated', at: Date | undefined) {
	const actor = { id: user.id, name: user.name };
	await publish(trx, { topic: `incident:${incident.id}`, type, data: incident, actor, exercise: incident.exercise, at });
	await publish(trx, { topic: 'incidents', type, data: incident, actor, exercise: incident.exercise, at });
}

async function requireGripLevel(db: Kysely<DB>, level: number): Promise<void> {
	const levels = await gripLevels(db);
	if (!levels.some((l) => l.level === level)) {
		throw invalid([{ field: 'grip', message: `GRIP ${level} bestaat niet (meer).` }], `GRIP ${level} bestaat niet (meer).`);
	}
}

export async function createIncident(db: Kysely<DB>, user: SessionUser, input: NewIncidentInput, ctx: Ctx): Promise<IncidentRecord> {
	if (!canCreateIncident(user, input.kind)) {
		throw forbidden(input.kind === 'crisis' ? 'Alleen het crisisteam maakt een crisisincident aan.' : 'Je mag geen incidenten aanmaken.');
	}
	const municipalities = [...new Set(input.municipalities)];
	const known = await existingMunicipalities(db, municipalities);
	const unknown = municipalities.filter((m) => !known.includes(m));
	if (unknown.length > 0) {
		throw invalid(
			unknown.map((m) => ({ field: `municipalities.${input.municipalities.indexOf(m)}`, message: `Onbekende gemeente: ${m}` })),
			`Onbekende gemeente: ${unknown.join(', ')}`
		);
	}
	const grip = input.grip ?? 0;
	await requireGripLevel(db, grip);
	const now = momentOf(ctx);
	const startedAt = input.startedAt ? new Date(input.startedAt) : now;
	if (startedAt.getTime() > now.getTime() + 5 * 60_000) {
		throw invalid([{ field: 'startedAt', message: 'De begintijd ligt in de toekomst.' }], 'De begintijd ligt in de toekomst.');
	}
	return transact(db, async (trx) => {
		const id = await insertIncident(
			trx,
			{
				title: input.title,
				kind: input.kind,
				incidentType: input.type || null,
				location: input.location || null,
				lat: input.position?.lat ?? null,
				lon: input.position?.lon ?? null,
				grip,
				affectedPeople: input.affectedPeople ?? null,
				startedAt,
				createdBy: user.id,
				createdAt: ctx.now
			},
			municipalities
		);
		await insertGripChange(trx, { incidentId: id, fromLevel: null, toLevel: grip, reason: 'Incident aangemaakt', changedBy: user.id, changedAt: ctx.now });
		const incident = (await findIncident(trx, id))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: 'incident.created',
			entityType: 'incident',
			entityId: id,
			ip: ctx.ip,
			at: ctx.now,
			details: { kind: input.kind, grip, municipalities }
		});
		await announce(trx, user, incident, 'incident.created', ctx.now);
		return incident;
	});
}

export async function changeGrip(db: Kysely<DB>, user: SessionUser, id: string, input: GripChangeInput, ctx: GripCtx) {
	const current = await requireReadableIncident(db, user, id);
	requireManage(user, current);
	if (!incidentIsOpen(current.status)) throw new ServiceError(409, 'incident_closed', 'Dit incident is gesloten; GRIP wijzigt niet meer.');
	if (input.version !== undefined && input.version !== current.version) {
		throw conflict('Iemand anders heeft dit incident net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.');
	}
	if (current.grip === input.grip) throw new ServiceError(400, 'grip_unchanged', `Het incident staat al op GRIP ${input.grip}.`);
	await requireGripLevel(db, input.grip);
	return transact(db, async (trx) => {
		const updated = await updateIncidentState(trx, id, input.version ?? current.version, { grip: input.grip });
		if (!updated) throw conflict('Iemand anders heeft dit incident net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.');
		await insertGripChange(trx, { incidentId: id, fromLevel: current.grip, toLevel: input.grip, reason: input.reason, changedBy: user.id, changedAt: ctx.now });
		const incident = (await findIncident(trx, id))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: 'incident.grip_changed',
			entityType: 'incident',
			entityId: id,
			ip: ctx.ip,
			at: ctx.now,
			details: { from: current.grip, to: input.grip, reason: input.reason }
		});
		await announce(trx, user, incident, 'incident.updated', ctx.now);
		await ctx.afterGripChange?.(trx, { incident, from: current.grip, to: input.grip, at: momentOf(ctx) });
		return incident;
	});
}

export async function changeStatus(db: Kysely<DB>, user: SessionUser, id: string, input: StatusChangeInput, ctx: Ctx) {
	const current = await requireReadableIncident(db, user, id);
	requireManage(user, current);
	if (current.status === input.status) return current;
	if (current.status === 'gesloten') throw new ServiceError(409, 'incident_closed', 'Een gesloten incident gaat niet meer open.');
	return transact(db, async (trx) => {
		const updated = await updateIncidentState(trx, id, input.version ?? current.version, { status: input.status });
		if (!updated) throw conflict('Iemand anders heeft dit incident net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.');
		const incident = (await findIncident(trx, id))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: 'incident.status_changed',
			entityType: 'incident',
			entityId: id,
			ip: ctx.ip,
			at: ctx.now,
			details: { from: current.status, to: input.status }
		});
		await announce(trx, user, incident, 'incident.updated', ctx.now);
		return incident;
	});
}

export async function incidentsFor(db: Kysely<DB>, user: SessionUser, includeClosed = false, archived = false) {
	if (!can(user, 'incident.read')) throw forbidden('Je hebt geen toegang tot incidenten.');
	return listIncidents(db, { includeClosed, archived });
}

export async function incidentDetail(db: Kysely<DB>, user: SessionUser, id: string) {
	const incident = await requireReadableIncident(db, user, id);
	return { incident, gripHistory: await gripHistory(db, id), gripLevels: await gripLevels(db) };
}

/** Archives a closed exercise after its evaluation: it leaves the lists but stays readable. */
export async function archiveExercise(db: Kysely<DB>, user: SessionUser, id: string, ctx: Ctx): Promise<IncidentRecord> {
	const current = await requireReadableIncident(db, user, id);
	requireManage(user, current);
	if (!current.exercise) throw new ServiceError(400, 'not_an_exercise', 'Alleen een oefening wordt gearchiveerd; een echt incident blijft in de lijst van gesloten incidenten.');
	if (current.status !== 'gesloten') throw new ServiceError(409, 'exercise_open', 'Sluit de oefening eerst af; daarna kan ze naar het archief.');
	if (current.archivedAt) throw new ServiceError(409, 'already_archived', 'Deze oefening staat al in het archief.');
	return transact(db, async (trx) => {
		if (!(await markArchived(trx, id, current.version, ctx.now))) throw conflict('Iemand anders heeft deze oefening net gewijzigd. Probeer het opnieuw.');
		const incident = (await findIncident(trx, id))!;
		await writeAudit(trx, { actorId: user.id, action: 'incident.archived', entityType: 'incident', entityId: id, ip: ctx.ip, at: ctx.now });
		await announce(trx, user, incident, 'incident.updated', ctx.now);
		return incident;
	});
}
