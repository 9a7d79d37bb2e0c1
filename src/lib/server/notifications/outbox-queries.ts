// SQL for the notification outbox. Framework-free (relative .ts imports): the worker runs in the
// production entry and the Vite dev plugin as well as in SvelteKit's bundle.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { NotificationCategory, NotificationChannel, OutboxStatus } from '../../contracts/notifications.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface OutboxInsert {
	messageId: string;
	userId: string;
	category: NotificationCategory;
	channel: NotificationChannel;
	subject: string;
	bodyText: string;
	bodyHtml: string;
	url: string;
	actions: { title: string; url: string }[];
}

export async function insertOutboxRows(db: Db, rows: OutboxInsert[]): Promise<void> {
	if (rows.length === 0) return;
	// Large batches in slices, so one alert to hundreds of people stays within the parameter limit.
	for (let i = 0; i < rows.length; i += 500) {
		await db
			.insertInto('notificationOutbox')
			.values(rows.slice(i, i + 500).map((r) => ({ ...r, actions: JSON.stringify(r.actions) })))
			.execute();
	}
}

/** What the worker needs of a claimed row, with the recipient as they are now. */
export interface ClaimedRow {
	id: string;
	messageId: string;
	userId: string;
	category: NotificationCategory;
	channel: NotificationChannel;
	subject: string;
	bodyText: string;
	bodyHtml: string;
	url: string;
	actions: { title: string; url: string }[];
	attempts: number;
	deliveredTo: string[];
	email: string;
	name: string;
	active: boolean;
}

/**
 * Claims up to `limit` due rows of the given channels for this transaction. SKIP LOCKED: a row
 * another node is delivering right now is passed over, and the status is re-checked on the
 * row's newest version, so a message is never sent by two nodes at once.
 */
export async function claimDueRows(db: Transaction<DB>, channels: NotificationChannel[], limit: number): Promise<ClaimedRow[]> {
	if (channels.length === 0) return [];
	const rows = await db
		.selectFrom('notificationOutbox as o')
		.innerJoin('appUser as u', 'u.id', 'o.userId')
		.select([
			'o.id',
			'o.messageId',
			'o.userId',
			'o.category',
			'o.channel',
			'o.subject',
			'o.bodyText',
			'o.bodyHtml',
			'o.url',
			'o.actions',
			'o.attempts',
			'o.deliveredTo',
			'u.email',
			'u.name',
			'u.active'
		])
		.where('o.status', '=', 'wachtend')
		.where('o.nextAttemptAt', '<=', sql<Date>`now()`)
		.where('o.channel', 'in', channels)
		.orderBy('o.nextAttemptAt')
		.limit(limit)
		.forUpdate('o')
		.skipLocked()
		.execute();
	return rows.map((r) => ({
		...r,
		category: r.category as NotificationCategory,
		channel: r.channel as NotificationChannel,
		actions: r.actions as ClaimedRow['actions'],
		deliveredTo: r.deliveredTo as string[]
	}));
}

export async function markSent(db: Db, id: string, transport: string, deliveredTo: string[] = []): Promise<void> {
	await db
		.updateTable('notificationOutbox')
		.set({ status: 'verzonden', sentAt: sql<Date>`now()`, attempts: sql<number>`attempts + 1`, transport, lastError: null, deliveredTo: JSON.stringify(deliveredTo) })
		.where('id', '=', id)
		.execute();
}

/** A failed attempt: tried again after `retryInMs`, or given up (`mislukt`) when `retryInMs` is null. */
export async function markAttemptFailed(db: Db, id: string, error: string, retryInMs: number | null, deliveredTo: string[] = []): Promise<void> {
	await db
		.updateTable('notificationOutbox')
		.set({
			attempts: sql<number>`attempts + 1`,
			lastError: error.slice(0, 1000),
			deliveredTo: JSON.stringify(deliveredTo),
			...(retryInMs === null ? { status: 'mislukt' } : { nextAttemptAt: sql<Date>`now() + make_interval(secs => ${retryInMs / 1000})` })
		})
		.where('id', '=', id)
		.execute();
}

export async function markSkipped(db: Db, id: string, reason: string): Promise<void> {
	await db.updateTable('notificationOutbox').set({ status: 'overgeslagen', lastError: reason, attempts: sql<number>`attempts + 1` }).where('id', '=', id).execute();
}

/** A beheerder's retry: a failed (or skipped) row waits again, due now, with fresh attempts. */
export async function requeueRow(db: Db, id: string): Promise<boolean> {
	const row = await db
		.updateTable('notificationOutbox')
		.set({ status: 'wachtend', attempts: 0, nextAttemptAt: sql<Date>`now()` })
		.where('id', '=', id)
		.where('status', 'in', ['mislukt', 'overgeslagen'])
		.returning('id')
		.executeTakeFirst();
	return !!row;
}

/** The outbox as a beheerder sees it: recipient, category, subject and state, never the body. */
export interface OutboxOverviewRow {
	id: string;
	recipient: string;
	recipientEmail: string;
	category: NotificationCategory;
	channel: NotificationChannel;
	subject: string;
	status: OutboxStatus;
	attempts: number;
	nextAttemptAt: Date;
	lastError: string | null;
	createdAt: Date;
	sentAt: Date | null;
}

export async function outboxOverview(db: Db, options: { statuses: OutboxStatus[]; limit: number }): Promise<OutboxOverviewRow[]> {
	const rows = await db
		.selectFrom('notificationOutbox as o')
		.innerJoin('appUser as u', 'u.id', 'o.userId')
		.select(['o.id', 'u.name as recipient', 'u.email as recipientEmail', 'o.category', 'o.channel', 'o.subject', 'o.status', 'o.attempts', 'o.nextAttemptAt', 'o.lastError', 'o.createdAt', 'o.sentAt'])
		.where('o.status', 'in', options.statuses)
		.orderBy('o.createdAt', 'desc')
		.orderBy('o.id')
		.limit(options.limit)
		.execute();
	return rows.map((r) => ({ ...r, category: r.category as NotificationCategory, channel: r.channel as NotificationChannel, status: r.status as OutboxStatus }));
}

export async function outboxCounts(db: Db): Promise<Record<OutboxStatus, number>> {
	const rows = await db
		.selectFrom('notificationOutbox')
		.select(['status', (eb) => eb.fn.countAll<number>().as('count')])
		.groupBy('status')
		.execute();
	const counts: Record<OutboxStatus, number> = { wachtend: 0, verzonden: 0, mislukt: 0, overgeslagen: 0 };
	for (const r of rows) counts[r.status as OutboxStatus] = Number(r.count);
	return counts;
}

/** The e-mails a user received in the demo's in-app mailbox, newest first: their own only. */
export async function mailboxOf(db: Db, userId: string, limit = 100) {
	return db
		.selectFrom('notificationOutbox')
		.select(['id', 'category', 'subject', 'bodyText', 'bodyHtml', 'url', 'actions', 'sentAt', 'createdAt'])
		.where('userId', '=', userId)
		.where('channel', '=', 'email')
		.where('transport', '=', 'postvak')
		.where('status', '=', 'verzonden')
		.orderBy('sentAt', 'desc')
		.limit(limit)
		.execute();
}
