// Append-only audit log, written in the same transaction as the change it records.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

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
	await db
		.insertInto('auditLog')
		.values({
			actorId: entry.actorId,
			action: entry.action,
			entityType: entry.entityType,
			entityId: entry.entityId ?? null,
			municipalityCode: entry.municipality ?? null,
			ip: entry.ip ?? null,
			details: JSON.stringify(entry.details ?? {}),
			at: entry.at
		})
		.execute();
}

export async function listAudit(db: Kysely<DB>, options: { municipalities: string[] | null; limit: number }) {
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
