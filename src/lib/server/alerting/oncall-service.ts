// The on-call roster (piketrooster): who is on duty now, and a regional beheerder's changes —
// duty periods in local time, swaps with their history, functions the region adds, and the
// functions each GRIP level alerts. Every change is one transaction with its audit row.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import type { SessionUser } from '../auth/roles.ts';
import { can } from '../auth/permissions.ts';
import { writeAudit } from '../audit/audit.ts';
import { ServiceError, VersionConflictError, forbidden, invalid, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { momentOf, type Clocked } from '../clock.ts';
import type { OnCallRecord } from '../../contracts/alert.ts';
import { dutyPeriod } from '../../domain/oncall/duty-time.ts';
import { onDutyAt } from '../../domain/oncall/roster.ts';
import { formatLocal } from '../../domain/events/event-time.ts';
import {
	activeUsersByIds,
	deletePeriod,
	findPeriod,
	gripAlertConfig,
	insertFunction,
	insertPeriods,
	insertSwap,
	listFunctions,
	lockFunction,
	overlappingPeriods,
	periodsBetween,
	periodsCovering,
	replaceGripAlertConfig,
	rosterCandidates,
	swapsOf,
	updatePeriodPeople,
	type DutyPeriodRow
} from './oncall-queries.ts';
import type { DutySwapInput, GripAlertInput, NewCrisisFunctionInput, NewDutyPeriodInput } from './oncall-input.ts';

interface Ctx extends Clocked {
	ip: string | null;
}

function requireManage(user: SessionUser): void {
	if (!can(user, 'oncall.manage')) throw forbidden('Alleen een regionale beheerder houdt het piketrooster bij.');
}

/** `GET /api/v1/oncall`: per function with someone on duty now, who, and their backup. */
export async function onCallNow(db: Kysely<DB>, user: SessionUser, ctx: Clocked = {}): Promise<OnCallRecord[]> {
	if (!can(user, 'oncall.read')) throw forbidden('Je hebt geen toegang tot het piketrooster.');
	const at = momentOf(ctx);
	const onDuty = onDutyAt(await periodsCovering(db, at), at);
	const order = (await listFunctions(db)).map((f) => f.code);
	return order.filter((code) => onDuty.has(code)).map((code) => {
		const p = onDuty.get(code)!;
		return { function: code, userId: p.userId, name: p.userName, backupUserId: p.backupUserId };
	});
}

/** The beheer page: functions, the periods from half a day ago to three days ahead, swaps, people. */
export async function rosterOverview(db: Kysely<DB>, user: SessionUser, ctx: Clocked = {}) {
	requireManage(user);
	const now = momentOf(ctx);
	const periods = await periodsBetween(db, new Date(now.getTime() - 12 * 3_600_000), new Date(now.getTime() + 3 * 24 * 3_600_000));
	const swaps = await swapsOf(db, periods.map((p) => p.id));
	return {
		functions: await listFunctions(db),
		periods: periods.map((p) => ({ ...p, startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString(), current: p.startsAt <= now && now < p.endsAt })),
		swaps: swaps.map((s) => ({ ...s, changedAt: s.changedAt.toISOString() })),
		people: await rosterCandidates(db),
		gripAlerts: await gripAlertConfig(db)
	};
}

async function requireActivePeople(db: Kysely<DB>, ids: (string | undefined | null)[]): Promise<void> {
	const wanted = ids.filter((id): id is string => !!id);
	const found = new Set((await activeUsersByIds(db, wanted)).map((u) => u.id));
	const missing = wanted.find((id) => !found.has(id));
	if (missing) throw invalid([{ field: 'userId', message: 'Deze persoon bestaat niet of is geblokkeerd.' }], 'Deze persoon bestaat niet of is geblokkeerd.');
}

const overlapText = (o: DutyPeriodRow) => `Deze dienst overlapt met die van ${o.userName} (${formatLocal(o.startsAt)} tot ${formatLocal(o.endsAt)}).`;

export async function addDutyPeriod(db: Kysely<DB>, user: SessionUser, input: NewDutyPeriodInput, ctx: Ctx): Promise<DutyPeriodRow> {
	requireManage(user);
	const period = dutyPeriod({ date: input.startDate, time: input.startTime }, { date: input.endDate, time: input.endTime });
	if (!period.ok) throw invalid([{ field: period.field === 'start' ? 'startTime' : 'endTime', message: period.message }], period.message);
	if (input.backupUserId && input.backupUserId === input.userId) {
		throw invalid([{ field: 'backupUserId', message: 'De backup is iemand anders dan wie dienst heeft.' }], 'De backup is iemand anders dan wie dienst heeft.');
	}
	await requireActivePeople(db, [input.userId, input.backupUserId]);
	return transact(db, async (trx) => {
		if (!(await lockFunction(trx, input.functionCode))) throw invalid([{ field: 'functionCode', message: 'Onbekende functie.' }], 'Onbekende functie.');
		const clash = await overlappingPeriods(trx, input.functionCode, period.startsAt, period.endsAt);
		if (clash.length > 0) throw new ServiceError(409, 'duty_overlap', overlapText(clash[0]!));
		const [id] = await insertPeriods(trx, [{ functionCode: input.functionCode, userId: input.userId, backupUserId: input.backupUserId ?? null, startsAt: period.startsAt, endsAt: period.endsAt, createdBy: user.id }]);
		await writeAudit(trx, {
			actorId: user.id,
			action: 'oncall.period_created',
			entityType: 'duty_period',
			entityId: id!,
			ip: ctx.ip,
			details: { function: input.functionCode, startsAt: period.startsAt.toISOString(), endsAt: period.endsAt.toISOString() }
		});
		return (await findPeriod(trx, id!))!;
	});
}

/** Puts someone else on a period (or as its backup); the swap is kept with its reason. */
export async function swapDuty(db: Kysely<DB>, user: SessionUser, periodId: string, input: DutySwapInput, ctx: Ctx): Promise<DutyPeriodRow> {
	requireManage(user);
	const current = isUuid(periodId) ? await findPeriod(db, periodId) : undefined;
	if (!current) throw notFound('Deze dienst bestaat niet (meer).');
	if (input.slot === 'dienst' && !input.toUserId) throw invalid([{ field: 'toUserId', message: 'Kies wie de dienst overneemt.' }], 'Kies wie de dienst overneemt.');
	await requireActivePeople(db, [input.toUserId]);
	const people = input.slot === 'dienst' ? { userId: input.toUserId!, backupUserId: current.backupUserId } : { userId: current.userId, backupUserId: input.toUserId ?? null };
	if (people.backupUserId === people.userId) throw invalid([{ field: 'toUserId', message: 'De backup is iemand anders dan wie dienst heeft.' }], 'De backup is iemand anders dan wie dienst heeft.');
	return transact(db, async (trx) => {
		if (!(await updatePeriodPeople(trx, periodId, input.version, people))) {
			throw new VersionConflictError(await findPeriod(trx, periodId), 'Iemand anders heeft deze dienst net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.');
		}
		const from = input.slot === 'dienst' ? current.userId : current.backupUserId;
		await insertSwap(trx, { periodId, slot: input.slot, fromUserId: from, toUserId: input.toUserId ?? null, reason: input.reason, changedBy: user.id });
		await writeAudit(trx, { actorId: user.id, action: 'oncall.period_swapped', entityType: 'duty_period', entityId: periodId, ip: ctx.ip, details: { function: current.functionCode, slot: input.slot, reason: input.reason } });
		return (await findPeriod(trx, periodId))!;
	});
}

export async function removeDutyPeriod(db: Kysely<DB>, user: SessionUser, periodId: string, ctx: Ctx): Promise<void> {
	requireManage(user);
	const current = isUuid(periodId) ? await findPeriod(db, periodId) : undefined;
	if (!current) throw notFound('Deze dienst bestaat niet (meer).');
	await transact(db, async (trx) => {
		if (!(await deletePeriod(trx, periodId))) throw notFound('Deze dienst bestaat niet (meer).');
		await writeAudit(trx, { actorId: user.id, action: 'oncall.period_deleted', entityType: 'duty_period', entityId: periodId, ip: ctx.ip, details: { function: current.functionCode } });
	});
}

export async function addCrisisFunction(db: Kysely<DB>, user: SessionUser, input: NewCrisisFunctionInput, ctx: Ctx): Promise<void> {
	requireManage(user);
	const existing = await listFunctions(db);
	if (existing.some((f) => f.name.toLowerCase() === input.name.toLowerCase())) throw invalid([{ field: 'name', message: 'Er is al een functie met deze naam.' }], 'Er is al een functie met deze naam.');
	await transact(db, async (trx) => {
		const sortOrder = Math.max(0, ...existing.map((f) => f.sortOrder)) + 10;
		if (!(await insertFunction(trx, { code: input.code, name: input.name, description: input.description, sortOrder }))) {
			throw invalid([{ field: 'code', message: 'Deze code is al in gebruik.' }], 'Deze code is al in gebruik.');
		}
		await writeAudit(trx, { actorId: user.id, action: 'oncall.function_created', entityType: 'crisis_function', entityId: null, ip: ctx.ip, details: { function: input.code, name: input.name } });
	});
}

/** Which functions raising GRIP to `level` alerts (besides those of the levels below it). */
export async function setGripAlertFunctions(db: Kysely<DB>, user: SessionUser, input: GripAlertInput, ctx: Ctx): Promise<void> {
	requireManage(user);
	const known = new Set((await listFunctions(db)).map((f) => f.code));
	const wrong = input.functions.find((f) => !known.has(f));
	if (wrong) throw invalid([{ field: 'functions', message: `Onbekende functie: ${wrong}` }], `Onbekende functie: ${wrong}`);
	await transact(db, async (trx) => {
		await replaceGripAlertConfig(trx, input.level, [...new Set(input.functions)]);
		await writeAudit(trx, { actorId: user.id, action: 'oncall.grip_alerts_changed', entityType: 'grip_level', entityId: null, ip: ctx.ip, details: { level: input.level, functions: input.functions } });
	});
}
