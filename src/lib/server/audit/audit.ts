// Append-only audit log, written in the same transaction as the change it records.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { insertAuditRow, listAuditRows } from './audit-queries.ts';

export interface AuditEntry {
	actorId: string | null;
	action: string;
	entityType: string;
	entityId?: string | null;
	municipality?: string | null;
	ip?: string | null;
	details?: Record<string, unknown>;
	/** When it happened; absent: now (only the demo seeder backdates, see clock.ts). */
	at?: Date;
}

export async function writeAudit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
	await insertAuditRow(db, {
		actorId: entry.actorId,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId ?? null,
		municipalityCode: entry.municipality ?? null,
		ip: entry.ip ?? null,
		details: JSON.stringify(entry.details ?? {}),
		at: entry.at
	});
}

/** The newest entries a beheerder may read (never Bibob's), optionally of some municipalities only. */
export const listAudit = listAuditRows;
