// SQL for the login rate limits: one counter row per key with the end of its window.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export async function findLimit(db: Kysely<DB>, key: string) {
	return db.selectFrom('rateLimit').select(['count', 'resetAt']).where('key', '=', key).executeTakeFirst();
}

/** Counts one attempt in one statement; a window that has passed starts again at 1. */
export async function incrementLimit(db: Kysely<DB>, key: string, resetAt: Date): Promise<{ count: number; resetAt: Date }> {
	return db
		.insertInto('rateLimit')
		.values({ key, count: 1, resetAt })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				count: sql`case when rate_limit.reset_at <= now() then 1 else rate_limit.count + 1 end`,
				resetAt: sql`case when rate_limit.reset_at <= now() then ${resetAt} else rate_limit.reset_at end`
			})
		)
		.returning(['count', 'resetAt'])
		.executeTakeFirstOrThrow();
}

export async function deleteLimit(db: Kysely<DB>, key: string): Promise<void> {
	await db.deleteFrom('rateLimit').where('key', '=', key).execute();
}
