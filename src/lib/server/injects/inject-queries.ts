// SQL for exercise injects. Framework-free (relative .ts imports): the scheduler uses it.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { InjectRecord } from '../../contracts/inject.ts';
export type { InjectRecord };

type Db = Kysely<DB>;

const base = (db: Db) =>
	db
		.selectFrom('inject')
		.innerJoin('incident', 'incident.id', 'inject.incidentId')
		.innerJoin('appUser', 'appUser.id', 'inject.createdBy')
		.leftJoin('logEntry', 'logEntry.id', 'inject.entryId')
		.select([
			'inject.id',
			'inject.incidentId',
			'inject.text',
			'inject.source',
			'inject.discipline',
			'inject.dueMinutes',
			'inject.dueAt',
			'inject.deliveredAt',
			'inject.entryId',
			'logEntry.number as entryNumber',
			'inject.createdBy',
			'appUser.name as createdByName',
			'inject.createdAt',
			'incident.kind'
		]);

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): InjectRecord {
	return {
		id: r.id,
		incidentId: r.incidentId,
		text: r.text,
		source: r.source,
		discipline: r.discipline,
		dueMinutes: r.dueMinutes,
		dueAt: r.dueAt.toISOString(),
		deliveredAt: r.deliveredAt?.toISOString() ?? null,
		entry: r.entryId && r.entryNumber !== null ? { id: r.entryId, number: r.entryNumber } : null,
		createdBy: { id: r.createdBy, name: r.createdByName },
		createdAt: r.createdAt.toISOString(),
		exercise: r.kind === 'oefening'
	};
}

export async function listInjects(db: Db, incidentId: string): Promise<InjectRecord[]> {
	const rows = await base(db).where('inject.incidentId', '=', incidentId).orderBy('inject.dueAt').orderBy('inject.createdAt').execute();
	return rows.map(toRecord);
}

export async function findInject(db: Db, id: string): Promise<InjectRecord | undefined> {
	const row = await base(db).where('inject.id', '=', id).executeTakeFirst();
	return row ? toRecord(row) : undefined;
}

export async function insertInject(
	db: Db,
	values: { incidentId: string; text: string; source: string; discipline: string; dueMinutes: number; dueAt: Date; createdBy: string; createdAt?: Date }
): Promise<string> {
	const { id } = await db.insertInto('inject').values(values).returning('id').executeTakeFirstOrThrow();
	return id;
}

/** Removes an inject that has not been delivered; false when it was delivered (or gone). */
export async function deleteWaitingInject(db: Db, id: string): Promise<boolean> {
	const row = await db.deleteFrom('inject').where('id', '=', id).where('deliveredAt', 'is', null).returning('id').executeTakeFirst();
	return !!row;
}

/**
 * Claims the earliest due inject of an open exercise for this transaction. SKIP LOCKED: an
 * inject another scheduler is delivering right now is passed over, and the `delivered_at is
 * null` condition is re-checked on the row's newest version, so each inject lands once.
 */
export async function claimDueInject(db: Db) {
	return db
		.selectFrom('inject')
		.innerJoin('incident', 'incident.id', 'inject.incidentId')
		.select(['inject.id', 'inject.incidentId', 'inject.text', 'inject.source', 'inject.discipline', 'inject.dueAt', 'inject.createdBy'])
		.where('inject.deliveredAt', 'is', null)
		.where('inject.dueAt', '<=', sql<Date>`now()`)
		.where('incident.status', '!=', 'gesloten')
		.orderBy('inject.dueAt')
		.orderBy('inject.id')
		.limit(1)
		.forUpdate('inject')
		.skipLocked()
		.executeTakeFirst();
}

export async function markDelivered(db: Db, id: string, entryId: string): Promise<void> {
	await db.updateTable('inject').set({ deliveredAt: sql`now()`, entryId }).where('id', '=', id).execute();
}
