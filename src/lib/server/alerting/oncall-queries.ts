// SQL of the on-call roster: crisis functions, duty periods, swaps and the functions per GRIP
// level. Framework-free (relative .ts imports): the escalation scheduler uses it.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB>;

export interface CrisisFunctionRow {
	code: string;
	name: string;
	description: string;
	standard: boolean;
	sortOrder: number;
}

export async function listFunctions(db: Db): Promise<CrisisFunctionRow[]> {
	return db.selectFrom('crisisFunction').select(['code', 'name', 'description', 'standard', 'sortOrder']).orderBy('sortOrder').orderBy('name').execute();
}

export async function insertFunction(db: Db, values: { code: string; name: string; description: string; sortOrder: number }): Promise<boolean> {
	const row = await db.insertInto('crisisFunction').values(values).onConflict((oc) => oc.doNothing()).returning('code').executeTakeFirst();
	return !!row;
}

/** Locks the function's row: periods of one function are planned one change at a time. */
export async function lockFunction(db: Db, code: string): Promise<CrisisFunctionRow | undefined> {
	return db.selectFrom('crisisFunction').select(['code', 'name', 'description', 'standard', 'sortOrder']).where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function gripAlertConfig(db: Db): Promise<{ level: number; functionCode: string }[]> {
	return db.selectFrom('gripAlertFunction').innerJoin('crisisFunction', 'crisisFunction.code', 'gripAlertFunction.functionCode').select(['level', 'functionCode']).orderBy('level').orderBy('crisisFunction.sortOrder').execute();
}

export async function replaceGripAlertConfig(db: Db, level: number, functions: string[]): Promise<void> {
	await db.deleteFrom('gripAlertFunction').where('level', '=', level).execute();
	if (functions.length > 0) await db.insertInto('gripAlertFunction').values(functions.map((functionCode) => ({ level, functionCode }))).execute();
}

const periodBase = (db: Db) =>
	db
		.selectFrom('dutyPeriod')
		.innerJoin('appUser as u', 'u.id', 'dutyPeriod.userId')
		.leftJoin('appUser as b', 'b.id', 'dutyPeriod.backupUserId')
		.innerJoin('crisisFunction as f', 'f.code', 'dutyPeriod.functionCode')
		.select([
			'dutyPeriod.id',
			'dutyPeriod.functionCode',
			'f.name as functionName',
			'dutyPeriod.userId',
			'u.name as userName',
			'dutyPeriod.backupUserId',
			'b.name as backupName',
			'dutyPeriod.startsAt',
			'dutyPeriod.endsAt',
			'dutyPeriod.version'
		]);

export type DutyPeriodRow = Awaited<ReturnType<ReturnType<typeof periodBase>['executeTakeFirstOrThrow']>>;

/** Periods that cover `at`, for the given functions (all when omitted). */
export async function periodsCovering(db: Db, at: Date, functions?: readonly string[]): Promise<DutyPeriodRow[]> {
	let q = periodBase(db).where('dutyPeriod.startsAt', '<=', at).where('dutyPeriod.endsAt', '>', at);
	if (functions) {
		if (functions.length === 0) return [];
		q = q.where('dutyPeriod.functionCode', 'in', functions);
	}
	return q.orderBy('f.sortOrder').orderBy('dutyPeriod.startsAt').execute();
}

/** Periods that end after `from` and start before `to`, in function and time order. */
export async function periodsBetween(db: Db, from: Date, to: Date): Promise<DutyPeriodRow[]> {
	return periodBase(db).where('dutyPeriod.endsAt', '>', from).where('dutyPeriod.startsAt', '<', to).orderBy('f.sortOrder').orderBy('dutyPeriod.startsAt').execute();
}

export async function findPeriod(db: Db, id: string): Promise<DutyPeriodRow | undefined> {
	return periodBase(db).where('dutyPeriod.id', '=', id).executeTakeFirst();
}

/** Other periods of the function that share an instant with [startsAt, endsAt). */
export async function overlappingPeriods(db: Db, functionCode: string, startsAt: Date, endsAt: Date, exceptId?: string): Promise<DutyPeriodRow[]> {
	let q = periodBase(db).where('dutyPeriod.functionCode', '=', functionCode).where('dutyPeriod.startsAt', '<', endsAt).where('dutyPeriod.endsAt', '>', startsAt);
	if (exceptId) q = q.where('dutyPeriod.id', '!=', exceptId);
	return q.execute();
}

export async function insertPeriods(
	db: Db,
	rows: { functionCode: string; userId: string; backupUserId: string | null; startsAt: Date; endsAt: Date; createdBy: string | null }[]
): Promise<string[]> {
	if (rows.length === 0) return [];
	const inserted = await db.insertInto('dutyPeriod').values(rows).returning('id').execute();
	return inserted.map((r) => r.id);
}

/** Changes the person or the backup of a period if it still has `version`; false when stale. */
export async function updatePeriodPeople(db: Db, id: string, version: number, people: { userId: string; backupUserId: string | null }): Promise<boolean> {
	const row = await db
		.updateTable('dutyPeriod')
		.set({ userId: people.userId, backupUserId: people.backupUserId, version: version + 1 })
		.where('id', '=', id)
		.where('version', '=', version)
		.returning('id')
		.executeTakeFirst();
	return !!row;
}

export async function deletePeriod(db: Db, id: string): Promise<boolean> {
	const row = await db.deleteFrom('dutyPeriod').where('id', '=', id).returning('id').executeTakeFirst();
	return !!row;
}

export async function insertSwap(
	db: Db,
	values: { periodId: string; slot: 'dienst' | 'backup'; fromUserId: string | null; toUserId: string | null; reason: string; changedBy: string }
): Promise<void> {
	await db.insertInto('dutySwap').values(values).execute();
}

export async function swapsOf(db: Db, periodIds: readonly string[]) {
	if (periodIds.length === 0) return [];
	return db
		.selectFrom('dutySwap')
		.leftJoin('appUser as f', 'f.id', 'dutySwap.fromUserId')
		.leftJoin('appUser as t', 't.id', 'dutySwap.toUserId')
		.leftJoin('appUser as c', 'c.id', 'dutySwap.changedBy')
		.select(['dutySwap.id', 'dutySwap.periodId', 'dutySwap.slot', 'f.name as fromName', 't.name as toName', 'dutySwap.reason', 'c.name as changedByName', 'dutySwap.changedAt'])
		.where('dutySwap.periodId', 'in', periodIds)
		.orderBy('dutySwap.changedAt', 'desc')
		.execute();
}

/** Active accounts that may be put on the roster, by name. */
export async function rosterCandidates(db: Db): Promise<{ id: string; name: string; email: string }[]> {
	return db.selectFrom('appUser').select(['id', 'name', 'email']).where('active', '=', true).orderBy('name').execute();
}

export async function activeUsersByIds(db: Db, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
	if (ids.length === 0) return [];
	return db.selectFrom('appUser').select(['id', 'name']).where('id', 'in', ids).where('active', '=', true).execute();
}
