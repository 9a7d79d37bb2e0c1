// Who may see and steer bluswater, the conflict errors, and how changes are announced.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { publish } from '../realtime/event-log';
import { VersionConflictError, forbidden } from '../errors';
import type { UnitRecord, WaterRequestRecord } from '../../domain/bluswater-board';
import { UNIT_STATUS_LABELS } from '../../domain/bluswater';
import { dutchDateTime } from '../../domain/wording/values';

export function requireRead(user: SessionUser): void {
	if (!can(user, 'bluswater.read')) throw forbidden('Je hebt geen toegang tot het bluswaterbord.');
}

/** Brandweer and crisis team steer bluswater; an oefenleider only in an exercise (as with tasks). */
export function canManageBluswater(user: SessionUser, exercise: boolean): boolean {
	return can(user, 'bluswater.manage', { exercise });
}

export function requireManage(user: SessionUser, exercise: boolean): void {
	if (!canManageBluswater(user, exercise)) {
		throw forbidden('Alleen de brandweer en het crisisteam (bij een oefening ook de oefenleider) sturen bluswater aan.');
	}
}

export function requireFleetEdit(user: SessionUser): void {
	if (!can(user, 'fleet.edit')) throw forbidden('Alleen een regionale beheerder wijzigt het regionale wagenpark.');
}

/** The wording of a stale unit's 409: its status now and since when. */
export function unitConflictMessage(current: UnitRecord): string {
	return `Iemand anders heeft ${current.code} net gewijzigd (nu: ${UNIT_STATUS_LABELS[current.status].toLowerCase()}, sinds ${dutchDateTime(current.statusChangedAt)}). Bekijk de nieuwe stand en probeer het opnieuw.`;
}

/** The wording of a stale water request's 409: its demand now, and when it ended. */
export function requestConflictMessage(current: WaterRequestRecord): string {
	return `Iemand anders heeft het waterverzoek voor ${current.place} net gewijzigd (nu ${current.demandLpm} l/min${current.endedAt ? `, beëindigd ${dutchDateTime(current.endedAt)}` : ''}). Bekijk de nieuwe stand en probeer het opnieuw.`;
}

/** The names callers and tests used before there was one conflict error. */
export { VersionConflictError as UnitConflictError, VersionConflictError as RequestConflictError };

const actorOf = (user: SessionUser) => ({ id: user.id, name: user.name });

/** A unit change goes to the regional board; it carries the exercise mark of the fire it works for. */
export async function announceUnit(trx: Transaction<DB>, user: SessionUser, unit: UnitRecord, type: 'bluswater.unit.created' | 'bluswater.unit.updated', exercise = unit.exercise, at?: Date) {
	await publish(trx, { topic: 'bluswater', type, data: unit, actor: actorOf(user), exercise, at });
}

type RequestEventType = 'bluswater.request.created' | 'bluswater.request.updated' | 'bluswater.request.ended' | 'bluswater.assignment.created' | 'bluswater.assignment.ended';

/** A request (with its assignments) goes to the board and to the incident's own topic. */
export async function announceRequest(trx: Transaction<DB>, user: SessionUser, request: WaterRequestRecord, type: RequestEventType, at?: Date) {
	const event = { type, data: request, actor: actorOf(user), exercise: request.exercise, at };
	await publish(trx, { topic: 'bluswater', ...event });
	await publish(trx, { topic: `incident:${request.incident.id}`, ...event });
}

/** PostgreSQL refused a duplicate: a second open assignment for a unit, or a code in use. */
export function isUniqueViolation(err: unknown, constraint: 'water_assignment_one_open_per_unit' | 'water_unit_code_key'): boolean {
	const e = err as { code?: string; constraint?: string };
	return e?.code === '23505' && e.constraint === constraint;
}
