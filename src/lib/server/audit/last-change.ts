// Who last changed a record, and when, read from the audit log: the records themselves keep only a
// version and a time, and a conflict message should name the colleague who got there first.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { newestChangeRow } from './audit-queries.ts';

export interface LastChange {
	by: string | null;
	at: string;
}

/** The newest audited change of the entity; refused attempts are not changes. */
export async function lastChangeOf(db: Kysely<DB>, entityType: string, entityId: string): Promise<LastChange | null> {
	const row = await newestChangeRow(db, entityType, entityId);
	return row ? { by: row.name, at: new Date(row.at).toISOString() } : null;
}
