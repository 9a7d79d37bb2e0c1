// Bluswater: water requests per incident, units assigned to them, and unit statuses. Each
// change is one transaction that locks what it changes, writes the status history, audits and
// publishes on `bluswater` (and on `incident:<id>` for requests and assignments).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import { isUuid } from '../ids';
import type { Clocked } from '../clock';
import type { SessionUser } from '../auth/roles';
import { writeAudit } from '../audit/audit';
import { ServiceError, VersionConflictError, invalid, notFound } from '../errors';
import { incidentIsOpen } from '../../domain/incidents';
import { RELEASING_STATUSES, UNIT_STATUS_LABELS, type UnitStatus } from '../../domain/bluswater';
import { requestView, type UnitRecord, type WaterRequestRecord } from '../../domain/bluswater-board';
import { requireReadableIncident } from '../incident-access/incident-access';
import {
	requestConflictMessage,
	unitConflictMessage,
	announceRequest,
	announceUnit,
	isUniqueViolation,
	requireManage,
	requireRead
} from './bluswater-access';
import {
	dbNow,
	findAssignment,
	findRequest,
	findUnit,
	insertAssignment,
	insertRequest,
	insertStatusChange,
	listOpenRequests,
	listRefillPoints,
	listRequestsOfIncident,
	listUnits,
	lockRequest,
	lockUnit,
	openAssignmentOfUnit,
	touchRequest,
	unitHistory,
	updateAssignment,
	updateUnit,
	type UnitStateValues
} from './bluswater-queries';
import type { AssignmentInput, NewWaterRequestInput, UnitStatusChangeInput, WaterRequestChangeInput } from './bluswater-input';

interface Ctx extends Clocked {
	ip: string | null;
}

type Assignment = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

// ---------------------------------------------------------------------------------------------
// Reading

export async function unitsFor(db: Kysely<DB>, user: SessionUser) {
	requireRead(user);
	return listUnits(db);
}

/** One unit with its latest status changes, newest first. */
export async function unitDetail(db: Kysely<DB>, user: SessionUser, unitId: string) {
	requireRead(user);
	const unit = isUuid(unitId) ? await findUnit(db, unitId) : undefined;
	if (!unit) throw notFound('Deze eenheid bestaat niet.');
	return { ...unit, history: await unitHistory(db, unitId) };
}

export async function refillPointsFor(db: Kysely<DB>, user: SessionUser) {
	requireRead(user);
	return listRefillPoints(db);
}

export async function openRequestsFor(db: Kysely<DB>, user: SessionUser) {
	requireRead(user);
	return listOpenRequests(db);
}

/** The incident's water requests, each with the board's sums at this moment. */
export async function requestsOfIncident(db: Kysely<DB>, user: SessionUser, incidentId: string) {
	requireRead(user);
	await requireReadableIncident(db, user, incidentId);
	const [requests, units, refillPoints] = [await listRequestsOfIncident(db, incidentId), await listUnits(db), await listRefillPoints(db)];
	const now = new Date();
	return requests.map((request) => ({ ...request, water: request.endedAt ? null : requestView(request, units, refillPoints, now) }));
}

async function requireRequest(db: Kysely<DB>, id: string): Promise<WaterRequestRecord> {
	const request = isUuid(id) ? await findRequest(db, id) : undefined;
	if (!request) throw notFound('Dit waterverzoek bestaat niet.');
	return request;
}

function requireOpenRequest(request: WaterRequestRecord): void {
	if (request.endedAt) throw new ServiceError(409, 'request_ended', 'Dit waterverzoek is al beëindigd.');
	if (request.incident.status === 'gesloten') throw new ServiceError(409, 'incident_closed', 'Dit incident is gesloten; bluswater wijzigt niet meer.');
}

// ---------------------------------------------------------------------------------------------
// Water requests

export async function createWaterRequest(db: Kysely<DB>, user: SessionUser, incidentId: string, input: NewWaterRequestInput, ctx: Ctx) {
	requireRead(user);
	return transact(db, async (trx) => {
		// The incident read and the policy asked inside the transaction that writes.
		const incident = await requireReadableIncident(trx, user, incidentId);
		requireManage(user, incident.exercise);
		if (!incidentIsOpen(incident.status)) throw new ServiceError(409, 'incident_closed', 'Dit incident is gesloten; er komt geen bluswater meer bij.');
		const id = await insertRequest(trx, {
			incidentId,
			place: input.place,
			lat: input.position?.lat ?? null,
			lon: input.position?.lon ?? null,
			demandLpm: input.demandLpm,
			createdBy: user.id,
			startedAt: ctx.now
		});
		const request = (await findRequest(trx, id))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: 'bluswater.request.created',
			entityType: 'waterverzoek',
			entityId: id,
			ip: ctx.ip,
			at: ctx.now,
			details: { incidentId, place: input.place, demandLpm: input.demandLpm }
		});
		await announceRequest(trx, user, request, 'bluswater.request.created', ctx.now);
		return request;
	});
}

export async function changeWaterRequest(db: Kysely<DB>, user: SessionUser, requestId: string, input: WaterRequestChangeInput, ctx: Ctx) {
	requireRead(user);
	const before = await requireRequest(db, requestId);
	requireManage(user, before.exercise);
	requireOpenRequest(before);
	return transact(db, async (trx) => {
		const locked = await lockRequest(trx, requestId);
		if (!locked) throw notFound('Dit waterverzoek bestaat niet meer.');
		const current = (await findRequest(trx, requestId))!;
		if (locked.version !== input.version) throw new VersionConflictError(current, requestConflictMessage(current));
		// The policy asked again on the record as it is under the lock.
		requireManage(user, current.exercise);
		requireOpenRequest(current);

		const changes: Parameters<typeof touchRequest>[2] = {};
		if (input.place !== undefined && input.place !== current.place) changes.place = input.place;
		if (input.demandLpm !== undefined && input.demandLpm !== current.demandLpm) changes.demandLpm = input.demandLpm;
		if (input.position !== undefined) {
			changes.lat = input.position?.lat ?? null;
			changes.lon = input.position?.lon ?? null;
		}
		if (Object.keys(changes).length === 0 && !input.ended) throw new ServiceError(400, 'no_changes', 'Er is niets om te wijzigen.');

		const now = await dbNow(trx);
		if (input.ended) {
			changes.endedAt = now;
			// The fire needs no more water: every unit still on it drives back.
			// Levels first: once one unit has left, the sum would credit its water to the others.
			const levels = await sceneLevelsNow(trx, current, now);
			for (const a of current.assignments.filter((x) => x.endedAt === null)) {
				await lockUnit(trx, a.unitId);
				const unit = (await findUnit(trx, a.unitId))!;
				const assignment = (await findAssignment(trx, a.id))!;
				await releaseUnit(trx, user, { assignment, unit, request: current, now, status: 'retour' }, levels);
			}
		}
		await touchRequest(trx, requestId, changes);
		const request = (await findRequest(trx, requestId))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: input.ended ? 'bluswater.request.ended' : 'bluswater.request.updated',
			entityType: 'waterverzoek',
			entityId: requestId,
			ip: ctx.ip,
			details: { incidentId: request.incident.id, ...changes, endedAt: undefined, ended: input.ended ?? false }
		});
		await announceRequest(trx, user, request, input.ended ? 'bluswater.request.ended' : 'bluswater.request.updated');
		return request;
	});
}

// ---------------------------------------------------------------------------------------------
// Assignments

export async function assignUnit(db: Kysely<DB>, user: SessionUser, requestId: string, input: AssignmentInput, ctx: Ctx) {
	requireRead(user);
	const before = await requireRequest(db, requestId);
	requireManage(user, before.exercise);
	requireOpenRequest(before);
	return transact(db, async (trx) => {
		// Request first, then unit: every path takes the locks in this order.
		await lockRequest(trx, requestId);
		const locked = await lockUnit(trx, input.unitId);
		if (!locked) throw invalid([{ field: 'unitId', message: 'Deze eenheid bestaat niet.' }], 'Deze eenheid bestaat niet.');
		const request = (await findRequest(trx, requestId))!;
		requireManage(user, request.exercise);
		requireOpenRequest(request);
		const unit = (await findUnit(trx, input.unitId))!;
		const open = await openAssignmentOfUnit(trx, unit.id);
		if (open) {
			throw new ServiceError(
				409,
				'unit_busy',
				open.requestId === requestId
					? `${unit.code} is al ingezet op dit waterverzoek.`
					: `${unit.code} is al ingezet bij ${unit.incident?.title ?? 'een ander incident'}: geef de eenheid daar eerst vrij.`
			);
		}
		if (unit.status === 'buiten_dienst') throw new ServiceError(409, 'unit_out_of_service', `${unit.code} is buiten dienst en kan niet worden ingezet.`);

		let assignmentId: string;
		try {
			assignmentId = await insertAssignment(trx, { requestId, unitId: unit.id, assignedBy: user.id, assignedAt: ctx.now });
		} catch (err) {
			if (isUniqueViolation(err, 'water_assignment_one_open_per_unit')) throw new ServiceError(409, 'unit_busy', `${unit.code} is net door iemand anders ingezet.`);
			throw err;
		}
		await setUnitState(trx, user, unit, { status: 'gealarmeerd', incidentId: request.incident.id }, ctx.now);
		await touchRequest(trx, requestId);
		const after = (await findRequest(trx, requestId))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: 'bluswater.assignment.created',
			entityType: 'waterverzoek',
			entityId: requestId,
			ip: ctx.ip,
			at: ctx.now,
			details: { incidentId: request.incident.id, assignmentId, unitId: unit.id, unit: unit.code }
		});
		await announceUnit(trx, user, (await findUnit(trx, unit.id))!, 'bluswater.unit.updated', request.exercise, ctx.now);
		await announceRequest(trx, user, after, 'bluswater.assignment.created', ctx.now);
		return after;
	});
}

/** Ends an assignment: the unit drives back (retour) and is free for another fire. */
export async function endAssignment(db: Kysely<DB>, user: SessionUser, assignmentId: string, ctx: Ctx) {
	requireRead(user);
	const existing = isUuid(assignmentId) ? await findAssignment(db, assignmentId) : undefined;
	if (!existing) throw notFound('Deze inzet bestaat niet.');
	const before = await requireRequest(db, existing.requestId);
	requireManage(user, before.exercise);
	return transact(db, async (trx) => {
		await lockRequest(trx, existing.requestId);
		await lockUnit(trx, existing.unitId);
		const assignment = (await findAssignment(trx, assignmentId))!;
		if (assignment.endedAt) throw new ServiceError(409, 'assignment_ended', 'Deze inzet is al beëindigd.');
		const request = (await findRequest(trx, existing.requestId))!;
		requireManage(user, request.exercise);
		const unit = (await findUnit(trx, existing.unitId))!;
		const now = await dbNow(trx);
		await releaseUnit(trx, user, { assignment, unit, request, now, status: 'retour' }, await sceneLevelsNow(trx, request, now));
		await touchRequest(trx, request.id);
		const after = (await findRequest(trx, request.id))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: 'bluswater.assignment.ended',
			entityType: 'waterverzoek',
			entityId: request.id,
			ip: ctx.ip,
			details: { incidentId: request.incident.id, assignmentId, unitId: unit.id, unit: unit.code }
		});
		await announceUnit(trx, user, (await findUnit(trx, unit.id))!, 'bluswater.unit.updated', request.exercise);
		await announceRequest(trx, user, after, 'bluswater.assignment.ended');
		return after;
	});
}

// ---------------------------------------------------------------------------------------------
// Unit status

export async function changeUnitStatus(db: Kysely<DB>, user: SessionUser, unitId: string, input: UnitStatusChangeInput, ctx: Ctx): Promise<UnitRecord> {
	requireRead(user);
	const before = isUuid(unitId) ? await findUnit(db, unitId) : undefined;
	if (!before) throw notFound('Deze eenheid bestaat niet.');
	requireManage(user, before.incident?.exercise ?? false);

	return transact(db, async (trx) => {
		// Request before unit, as in assignUnit, so the two cannot deadlock.
		if (before.requestId) await lockRequest(trx, before.requestId);
		const locked = await lockUnit(trx, unitId);
		if (!locked) throw notFound('Deze eenheid bestaat niet meer.');
		const unit = (await findUnit(trx, unitId))!;
		if (locked.version !== input.version) throw new VersionConflictError(unit, unitConflictMessage(unit));
		requireManage(user, unit.incident?.exercise ?? false);
		const assignment = await openAssignmentOfUnit(trx, unitId);
		// Assigned elsewhere since we looked: the request we locked is not the one to change.
		if ((assignment?.requestId ?? null) !== before.requestId) throw new VersionConflictError(unit, unitConflictMessage(unit));
		const request = assignment ? (await findRequest(trx, assignment.requestId))! : undefined;
		checkStatusChange(unit, input, !!assignment);

		const now = ctx.now ?? (await dbNow(trx));
		const levels = request ? await sceneLevelsNow(trx, request, now) : {};
		const released = !!assignment && RELEASING_STATUSES.includes(input.status);
		if (assignment && request && released) {
			await releaseUnit(trx, user, { assignment, unit, request, now, status: input.status, position: input.position }, levels, ctx.now);
		} else {
			if (assignment && request) await recordLoad(trx, { assignment, unit, request, now, status: input.status, litresLeft: input.litresLeft }, levels);
			const arriving = input.status === 'ter_plaatse' && unit.status !== 'ter_plaatse';
			const position = input.position ?? (arriving ? request?.target : undefined) ?? (input.status === 'beschikbaar' ? unit.home : undefined);
			await setUnitState(trx, user, unit, { status: input.status, lat: position?.lat, lon: position?.lon }, ctx.now);
		}
		if (request) await touchRequest(trx, request.id);

		const after = (await findUnit(trx, unitId))!;
		await writeAudit(trx, {
			actorId: user.id,
			action: 'bluswater.unit.status_changed',
			entityType: 'eenheid',
			entityId: unitId,
			ip: ctx.ip,
			at: ctx.now,
			details: { unit: unit.code, from: unit.status, to: input.status, litresLeft: input.litresLeft, incidentId: unit.incident?.id ?? null }
		});
		await announceUnit(trx, user, after, 'bluswater.unit.updated', unit.exercise || after.exercise, ctx.now);
		if (request) await announceRequest(trx, user, (await findRequest(trx, request.id))!, released ? 'bluswater.assignment.ended' : 'bluswater.request.updated', ctx.now);
		return after;
	});
}

function checkStatusChange(unit: UnitRecord, input: UnitStatusChangeInput, assigned: boolean): void {
	if (input.status === unit.status && input.litresLeft === undefined && input.position === undefined) {
		throw new ServiceError(400, 'no_changes', `${unit.code} is al ${UNIT_STATUS_LABELS[unit.status].toLowerCase()}.`);
	}
	if (input.status === 'ter_plaatse' && !assigned) {
		throw new ServiceError(409, 'not_assigned', `${unit.code} is niet ingezet: zet de eenheid eerst in op een waterverzoek.`);
	}
	if (input.litresLeft !== undefined) {
		if (input.status !== 'ter_plaatse') {
			const message = 'Liters over meld je alleen voor een eenheid die ter plaatse is.';
			throw invalid([{ field: 'litresLeft', message }], message);
		}
		if (input.litresLeft > unit.capacityLitres) {
			const message = `Liters over kan niet meer zijn dan de inhoud van ${unit.code} (${unit.capacityLitres} l).`;
			throw invalid([{ field: 'litresLeft', message }], message);
		}
	}
}

/** Writes a unit's new state and, when the status changes, its history row. */
async function setUnitState(trx: Transaction<DB>, user: SessionUser, unit: UnitRecord, next: UnitStateValues, at?: Date): Promise<void> {
	const changed = next.status !== undefined && next.status !== unit.status;
	// Kysely leaves undefined values out of the update.
	await updateUnit(trx, unit.id, { ...next, status: changed ? next.status : undefined }, at);
	if (changed) {
		// On release the row names the incident the unit leaves; on assignment the one it joins.
		const incidentId = next.incidentId ?? unit.incident?.id ?? null;
		await insertStatusChange(trx, { unitId: unit.id, fromStatus: unit.status, toStatus: next.status!, incidentId, changedBy: user.id, changedAt: at });
	}
}

interface LoadChange {
	assignment: Assignment;
	unit: UnitRecord;
	request: WaterRequestRecord;
	now: Date;
	status: UnitStatus;
}

/** What each tanker on the request's scene holds now, by the board's own sum. */
async function sceneLevelsNow(trx: Transaction<DB>, request: WaterRequestRecord, now: Date): Promise<Record<string, number>> {
	return requestView(request, await listUnits(trx), [], now).picture.levels;
}

/** Litres this unit gave the fire since it last arrived: a full load minus what is left now. */
function deliveredSinceArrival(change: Omit<LoadChange, 'status'>, levels: Record<string, number>): number {
	const { unit, assignment } = change;
	if (unit.status !== 'ter_plaatse' || unit.kind !== 'wtw' || !assignment.arrivedAt) return 0;
	return Math.round(unit.capacityLitres - (levels[unit.id] ?? unit.capacityLitres));
}

/** Keeps the assignment's load in step with the status: arrival (full), a reported level, departure. */
async function recordLoad(trx: Transaction<DB>, change: LoadChange & { litresLeft: number | undefined }, levels: Record<string, number>): Promise<void> {
	const { assignment, unit, now, status, litresLeft } = change;
	const arriving = status === 'ter_plaatse' && unit.status !== 'ter_plaatse';
	const leaving = status !== 'ter_plaatse' && unit.status === 'ter_plaatse';
	if (arriving) {
		await updateAssignment(trx, assignment.id, { arrivedAt: now, litresLeft: litresLeft ?? null, litresLeftAt: litresLeft === undefined ? null : now });
	} else if (leaving) {
		const delivered = deliveredSinceArrival(change, levels);
		await updateAssignment(trx, assignment.id, { litresDelivered: assignment.litresDelivered + delivered, litresLeft: null, litresLeftAt: null });
	} else if (litresLeft !== undefined) {
		await updateAssignment(trx, assignment.id, { litresLeft, litresLeftAt: now });
	}
}

/** Ends the unit's assignment: counts what it delivered, frees it, and gives it its next status. */
async function releaseUnit(
	trx: Transaction<DB>,
	user: SessionUser,
	change: LoadChange & { position?: { lat: number; lon: number } },
	levels: Record<string, number>,
	at?: Date
): Promise<void> {
	const delivered = deliveredSinceArrival(change, levels);
	await updateAssignment(trx, change.assignment.id, { endedAt: change.now, litresDelivered: change.assignment.litresDelivered + delivered });
	const position = change.position ?? (change.status === 'beschikbaar' ? change.unit.home : undefined);
	await setUnitState(trx, user, change.unit, { status: change.status, incidentId: null, lat: position?.lat, lon: position?.lon }, at);
}
