// The calendar feed keys (only their hashes) and the accounts they belong to.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** Replaces the user's key: an earlier one stops working at once. */
export async function replaceFeedKey(trx: Transaction<DB>, userId: string, keyHash: string): Promise<void> {
	await trx.deleteFrom('calendarFeedKey').where('userId', '=', userId).execute();
	await trx.insertInto('calendarFeedKey').values({ keyHash, userId }).execute();
}

export async function deleteFeedKey(trx: Transaction<DB>, userId: string): Promise<number> {
	const result = await trx.deleteFrom('calendarFeedKey').where('userId', '=', userId).executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function feedKeyOf(db: Db, userId: string): Promise<{ createdAt: Date; lastUsedAt: Date | null } | undefined> {
	return db.selectFrom('calendarFeedKey').select(['createdAt', 'lastUsedAt']).where('userId', '=', userId).executeTakeFirst();
}

/** The active account a key belongs to, marking the key as used. */
export async function useFeedKey(db: Db, keyHash: string): Promise<{ id: string; email: string; name: string } | undefined> {
	const row = await db
		.updateTable('calendarFeedKey as k')
		.set({ lastUsedAt: new Date() })
		.from('appUser as u')
		.whereRef('u.id', '=', 'k.userId')
		.where('k.keyHash', '=', keyHash)
		.where('u.active', '=', true)
		.returning(['u.id', 'u.email', 'u.name'])
		.executeTakeFirst();
	return row;
}
