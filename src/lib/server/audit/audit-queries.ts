// SQL for the append-only audit log: rows are inserted, never updated or deleted.
import type { Insertable, Kysely, QueryCreator } from 'kysely';
import type { AuditLog, DB } from '../db/schema.ts';

export async function insertAuditRow(db: Kysely<DB>, row: Insertable<AuditLog>): Promise<void> {
	await db.insertInto('auditLog').values(row).execute();
}

/**
 * The same insert as a part of a bigger statement (a data-modifying CTE), so a write and its audit
 * row cost one round trip: `db.with('audit', (qc) => auditRowInsert(qc, row))…`.
 */
export function auditRowInsert(qc: QueryCreator<DB>, row: Insertable<AuditLog>) {
	return qc.insertInto('auditLog').values(row);
}

export async function listAuditRows(db: Kysely<DB>, options: { municipalities: string[] | null; limit: number }) {
	let query = db
		.selectFrom('auditLog')
		.leftJoin('appUser', 'appUser.id', 'auditLog.actorId')
		.select([
			'auditLog.id',
			'auditLog.at',
			'auditLog.action',
			'auditLog.entityType',
			'auditLog.entityId',
			'auditLog.municipalityCode',
			'auditLog.ip',
			'auditLog.details',
			'appUser.name as actorName'
		])
		// Bibob records are for the Bibob officers of the file's municipality (its access report),
		// not for a beheerder: even that a screening exists is confidential (art. 28 Wet Bibob).
		.where('auditLog.entityType', 'not like', 'bibob%')
		.orderBy('auditLog.id', 'desc')
		.limit(options.limit);
	if (options.municipalities) query = query.where('auditLog.municipalityCode', 'in', options.municipalities);
	return query.execute();
}

/** The newest audited change of the entity with its actor's name; refused attempts are not changes. */
export async function newestChangeRow(db: Kysely<DB>, entityType: string, entityId: string) {
	return db
		.selectFrom('auditLog')
		.leftJoin('appUser', 'appUser.id', 'auditLog.actorId')
		.select(['appUser.name', 'auditLog.at'])
		.where('auditLog.entityType', '=', entityType)
		.where('auditLog.entityId', '=', entityId)
		.where('auditLog.action', 'not like', '%refused%')
		.orderBy('auditLog.id', 'desc')
		.limit(1)
		.executeTakeFirst();
}
