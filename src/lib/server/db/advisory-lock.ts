// A PostgreSQL session advisory lock around work on one connection: when several app nodes start
// together, one seeds and the others wait, then find the work done.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export async function withSessionLock<T>(pool: Kysely<DB>, name: string, work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
	return pool.connection().execute(async (db) => {
		await sql`select pg_advisory_lock(hashtext(${name}))`.execute(db);
		try {
			return await work(db);
		} finally {
			await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(db);
		}
	});
}
