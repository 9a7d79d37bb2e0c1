// SQL of alerts and their recipients. Framework-free (relative .ts imports): the escalation
// scheduler uses it.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AlertRecipientRecord, AlertRecord } from '../../contracts/alert.ts';
import type { AlertStatus } from '../../domain/alerting/statuses.ts';

type Db = Kysely<DB>;

export async function insertAlert(
	db: Db,
	values: { incidentId: string; message: string; functions: string[]; gripLevel: number | null; createdBy: string; createdAt?: Date }
): Promise<string> {
	const { id } = await db.insertInto('alert').values(values).returning('id').executeTakeFirstOrThrow();
	return id;
}

export interface NewRecipient {
	alertId: string;
	userId: string;
	functionCode: string;
	backupUserId: string | null;
	escalatedFrom: string | null;
	tokenHash: string;
	linkExpiresAt: Date;
	sentAt: Date;
	escalateAt: Date | null;
}

/** All recipients of one alert in one statement (an alert may go to hundreds). */
export async function insertRecipients(db: Db, rows: readonly NewRecipient[]): Promise<string[]> {
	if (rows.length === 0) return [];
	const inserted = await db.insertInto('alertRecipient').values([...rows]).returning('id').execute();
	return inserted.map((r) => r.id);
}

const recipientBase = (db: Db) =>
	db
		.selectFrom('alertRecipient as r')
		.innerJoin('appUser as u', 'u.id', 'r.userId')
		.innerJoin('crisisFunction as f', 'f.code', 'r.functionCode')
		.select([
			'r.id',
			'r.alertId',
			'r.userId',
			'u.name',
			'r.functionCode',
			'f.name as functionName',
			'r.status',
			'r.sentAt',
			'r.receivedAt',
			'r.answeredAt',
			'r.eta',
			'r.escalateAt',
			'r.escalatedAt',
			'r.escalatedFrom',
			'f.sortOrder'
		]);

type RecipientRow = Awaited<ReturnType<ReturnType<typeof recipientBase>['executeTakeFirstOrThrow']>>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toRecipient(r: RecipientRow): AlertRecipientRecord {
	return {
		id: r.id,
		userId: r.userId,
		name: r.name,
		function: r.functionCode,
		functionName: r.functionName,
		status: r.status as AlertStatus,
		sentAt: r.sentAt.toISOString(),
		receivedAt: iso(r.receivedAt),
		answeredAt: iso(r.answeredAt),
		eta: iso(r.eta),
		escalateAt: iso(r.escalateAt),
		escalatedAt: iso(r.escalatedAt),
		escalatedFrom: r.escalatedFrom
	};
}

const alertBase = (db: Db) =>
	db
		.selectFrom('alert')
		.innerJoin('appUser', 'appUser.id', 'alert.createdBy')
		.innerJoin('incident', 'incident.id', 'alert.incidentId')
		.select(['alert.id', 'alert.incidentId', 'alert.message', 'alert.functions', 'alert.gripLevel', 'alert.createdBy', 'appUser.name as createdByName', 'alert.createdAt', 'incident.kind']);

async function withRecipients(db: Db, rows: Awaited<ReturnType<ReturnType<typeof alertBase>['execute']>>): Promise<AlertRecord[]> {
	if (rows.length === 0) return [];
	const recipients = await recipientBase(db)
		.where(
			'r.alertId',
			'in',
			rows.map((a) => a.id)
		)
		.orderBy('f.sortOrder')
		.orderBy('r.sentAt')
		.execute();
	return rows.map((a) => ({
		id: a.id,
		incidentId: a.incidentId,
		message: a.message,
		functions: a.functions,
		gripLevel: a.gripLevel,
		createdBy: { id: a.createdBy, name: a.createdByName },
		createdAt: a.createdAt.toISOString(),
		exercise: a.kind === 'oefening',
		recipients: recipients.filter((r) => r.alertId === a.id).map(toRecipient)
	}));
}

export async function findAlert(db: Db, id: string): Promise<AlertRecord | undefined> {
	const rows = await alertBase(db).where('alert.id', '=', id).execute();
	return (await withRecipients(db, rows))[0];
}

export async function alertsOfIncident(db: Db, incidentId: string): Promise<AlertRecord[]> {
	const rows = await alertBase(db).where('alert.incidentId', '=', incidentId).orderBy('alert.createdAt', 'desc').limit(50).execute();
	return withRecipients(db, rows);
}

/** What the one-tap page needs about the recipient behind a token hash. */
export async function recipientByTokenHash(db: Db, tokenHash: string) {
	return db
		.selectFrom('alertRecipient as r')
		.innerJoin('alert', 'alert.id', 'r.alertId')
		.innerJoin('incident', 'incident.id', 'alert.incidentId')
		.innerJoin('appUser as u', 'u.id', 'r.userId')
		.innerJoin('appUser as s', 's.id', 'alert.createdBy')
		.innerJoin('crisisFunction as f', 'f.code', 'r.functionCode')
		.select([
			'r.id',
			'r.alertId',
			'r.userId',
			'u.name',
			'r.functionCode',
			'f.name as functionName',
			'r.status',
			'r.linkExpiresAt',
			'r.linkUsedAt',
			'r.answeredAt',
			'r.eta',
			'r.backupUserId',
			'r.escalateAt',
			'r.escalatedAt',
			'alert.message',
			'alert.createdAt as alertCreatedAt',
			'alert.gripLevel',
			's.name as senderName',
			'alert.incidentId',
			'incident.title as incidentTitle',
			'incident.kind',
			'incident.status as incidentStatus'
		])
		.where('r.tokenHash', '=', tokenHash)
		.executeTakeFirst();
}

export type RecipientByToken = NonNullable<Awaited<ReturnType<typeof recipientByTokenHash>>>;

/** Locks one recipient's row for an answer or an escalation. */
export async function lockRecipient(db: Db, id: string) {
	return db
		.selectFrom('alertRecipient')
		.select(['id', 'alertId', 'userId', 'functionCode', 'status', 'backupUserId', 'escalateAt', 'escalatedAt', 'linkUsedAt', 'linkExpiresAt'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

/** Uses the link once: sets the answer only if the link was not used yet. */
export async function recordAnswer(db: Db, id: string, values: { status: AlertStatus; eta: Date | null; at?: Date }): Promise<boolean> {
	const at = values.at ?? sql<Date>`now()`;
	const row = await db
		.updateTable('alertRecipient')
		.set({ status: values.status, eta: values.eta, answeredAt: at, linkUsedAt: at, receivedAt: sql<Date>`coalesce(received_at, ${at})` })
		.where('id', '=', id)
		.where('linkUsedAt', 'is', null)
		.returning('id')
		.executeTakeFirst();
	return !!row;
}

/** Marks the alert as seen (the one-tap page was opened in a browser); false when nothing changed. */
export async function recordSeen(db: Db, id: string): Promise<boolean> {
	const row = await db
		.updateTable('alertRecipient')
		.set({ receivedAt: sql<Date>`now()`, status: sql<string>`case when status = 'verzonden' then 'ontvangen' else status end` })
		.where('id', '=', id)
		.where('receivedAt', 'is', null)
		.returning('id')
		.executeTakeFirst();
	return !!row;
}

export async function markEscalated(db: Db, id: string, at: Date, unanswered: boolean): Promise<void> {
	await db
		.updateTable('alertRecipient')
		.set(unanswered ? { escalatedAt: at, status: 'geescaleerd' } : { escalatedAt: at })
		.where('id', '=', id)
		.execute();
}

/**
 * Claims the earliest recipient whose wait for an answer is over, in an open incident, for this
 * transaction. SKIP LOCKED: a row another scheduler (or an answer) holds is passed over; the
 * conditions are re-checked on the row's newest version, so each escalation happens once.
 */
export async function claimDueEscalation(db: Db, now: Date) {
	return db
		.selectFrom('alertRecipient as r')
		.innerJoin('alert', 'alert.id', 'r.alertId')
		.innerJoin('incident', 'incident.id', 'alert.incidentId')
		.select(['r.id', 'r.alertId', 'r.status', 'r.backupUserId', 'r.escalateAt', 'r.escalatedAt', 'alert.incidentId'])
		.where('r.escalatedAt', 'is', null)
		.where('r.answeredAt', 'is', null)
		.where('r.escalateAt', 'is not', null)
		.where('r.escalateAt', '<=', now)
		.where('incident.status', '!=', 'gesloten')
		.orderBy('r.escalateAt')
		.orderBy('r.id')
		.limit(1)
		.forUpdate('r')
		.skipLocked()
		.executeTakeFirst();
}

export async function alertHeader(db: Db, id: string) {
	return db.selectFrom('alert').select(['id', 'incidentId', 'message', 'gripLevel', 'createdBy', 'createdAt']).where('id', '=', id).executeTakeFirst();
}

export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db.selectFrom('appUser').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
	return new Map(rows.map((r) => [r.id, r.name]));
}

export async function functionNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
	if (codes.length === 0) return new Map();
	const rows = await db.selectFrom('crisisFunction').select(['code', 'name']).where('code', 'in', [...new Set(codes)]).execute();
	return new Map(rows.map((r) => [r.code, r.name]));
}
