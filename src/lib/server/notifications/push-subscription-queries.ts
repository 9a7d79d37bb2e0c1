// SQL for browsers' push subscriptions and the VAPID key pair. Framework-free (relative .ts imports).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface StoredSubscription {
	id: string;
	userId: string;
	endpoint: string;
	p256dh: string;
	auth: string;
}

/** Stores a subscription; an endpoint already known moves to this user with its new keys. */
export async function upsertSubscription(db: Db, values: { userId: string; endpoint: string; p256dh: string; auth: string; userAgent: string | null }): Promise<string> {
	const row = await db
		.insertInto('pushSubscription')
		.values(values)
		.onConflict((oc) => oc.column('endpoint').doUpdateSet((eb) => ({ userId: eb.ref('excluded.userId'), p256dh: eb.ref('excluded.p256dh'), auth: eb.ref('excluded.auth'), userAgent: eb.ref('excluded.userAgent') })))
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Removes the user's own subscription of this endpoint; false when there was none. */
export async function deleteOwnSubscription(db: Db, userId: string, endpoint: string): Promise<boolean> {
	const row = await db.deleteFrom('pushSubscription').where('userId', '=', userId).where('endpoint', '=', endpoint).returning('id').executeTakeFirst();
	return !!row;
}

export async function deleteSubscription(db: Db, id: string): Promise<void> {
	await db.deleteFrom('pushSubscription').where('id', '=', id).execute();
}

export async function subscriptionsOf(db: Db, userId: string): Promise<StoredSubscription[]> {
	return db.selectFrom('pushSubscription').select(['id', 'userId', 'endpoint', 'p256dh', 'auth']).where('userId', '=', userId).orderBy('createdAt').execute();
}

export async function subscriptionCount(db: Db, userId: string): Promise<number> {
	const row = await db.selectFrom('pushSubscription').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Which of these users have at least one subscription. */
export async function usersWithSubscriptions(db: Db, userIds: string[]): Promise<Set<string>> {
	if (userIds.length === 0) return new Set();
	const rows = await db.selectFrom('pushSubscription').select('userId').distinct().where('userId', 'in', userIds).execute();
	return new Set(rows.map((r) => r.userId));
}

/** The stored key pair, making it from `make` when there is none (two nodes at once: the first wins). */
export async function storedVapidKeys(db: Db, make: () => { publicKey: string; privateKey: string }): Promise<{ publicKey: string; privateKey: string }> {
	const existing = await db.selectFrom('vapidKey').select(['publicKey', 'privateKey']).where('id', '=', 1).executeTakeFirst();
	if (existing) return existing;
	const made = make();
	await db.insertInto('vapidKey').values({ id: 1, ...made }).onConflict((oc) => oc.column('id').doNothing()).execute();
	return db.selectFrom('vapidKey').select(['publicKey', 'privateKey']).where('id', '=', 1).executeTakeFirstOrThrow();
}
