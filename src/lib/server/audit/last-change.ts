// Who last changed a record, and when, read from the audit log: the records themselves keep only a
// version and a time, and a conflict message should name the colleague who got there first.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface LastChange {
	by: string | null;
	at: string;
}

/** The newest audited change of the entity; refused attempts are not changes. */
export async function lastChangeOf(db: Kysely<DB>, entityType: string, entityId: string): Promise<LastChange | null> {
	const row = await db
		.selectFrom('auditLog')
		.leftJoin('appUser', 'appUser.id', 'auditLog.actorId')
		.select(['appUser.name', 'auditLog.at'])
		.where('auditLog.entityType', '=', entityType)
		.where('auditLog.entityId', '=', entityId)
		.where('auditLog.action', 'not like', '%refused%')
		.orderBy('auditLog.id', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row ? { by: row.name, at: new Date(row.at).toISOString() } : null;
}
