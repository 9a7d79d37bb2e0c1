// SQL of the idempotency store (table idempotency_key, migration 0026). Functions take `db` first.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB>;

export interface StoredKey {
	fingerprint: string;
	statusCode: number | null;
	contentType: string | null;
	responseBody: string | null;
	claimedAt: Date;
}

/** Claims a key that nobody holds; false when the key is already there (any state). */
export async function insertClaim(db: Db, userId: string, key: string, fingerprint: string): Promise<boolean> {
	const row = await db
		.insertInto('idempotencyKey')
		.values({ userId, key, fingerprint })
		.onConflict((oc) => oc.columns(['userId', 'key']).doNothing())
		.returning('key')
		.executeTakeFirst();
	return row !== undefined;
}

export async function findKey(db: Db, userId: string, key: string): Promise<StoredKey | undefined> {
	return db
		.selectFrom('idempotencyKey')
		.select(['fingerprint', 'statusCode', 'contentType', 'responseBody', 'claimedAt'])
		.where('userId', '=', userId)
		.where('key', '=', key)
		.executeTakeFirst();
}

/**
 * Takes over a claim whose request never finished (its node stopped while answering): only when it
 * is still unanswered and older than `staleSeconds`, so two retries cannot both take it over.
 */
export async function takeOverStaleClaim(db: Db, userId: string, key: string, fingerprint: string, staleSeconds: number): Promise<boolean> {
	const row = await db
		.updateTable('idempotencyKey')
		.set({ claimedAt: sql<Date>`now()` })
		.where('userId', '=', userId)
		.where('key', '=', key)
		.where('fingerprint', '=', fingerprint)
		.where('statusCode', 'is', null)
		.where('claimedAt', '<', sql<Date>`now() - make_interval(secs => ${staleSeconds})`)
		.returning('key')
		.executeTakeFirst();
	return row !== undefined;
}

export async function storeAnswer(db: Db, userId: string, key: string, answer: { statusCode: number; contentType: string | null; body: string }): Promise<void> {
	await db
		.updateTable('idempotencyKey')
		.set({ statusCode: answer.statusCode, contentType: answer.contentType, responseBody: answer.body, completedAt: sql<Date>`now()` })
		.where('userId', '=', userId)
		.where('key', '=', key)
		.execute();
}

/** Forgets an unanswered claim (the request failed on the server's side: a retry may try again). */
export async function deleteClaim(db: Db, userId: string, key: string): Promise<void> {
	await db.deleteFrom('idempotencyKey').where('userId', '=', userId).where('key', '=', key).where('statusCode', 'is', null).execute();
}

/** Forgets every key claimed longer ago than `retentionSeconds`. */
export async function deleteExpired(db: Db, retentionSeconds: number): Promise<number> {
	const result = await db
		.deleteFrom('idempotencyKey')
		.where('claimedAt', '<', sql<Date>`now() - make_interval(secs => ${retentionSeconds})`)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
