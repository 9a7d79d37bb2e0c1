// SQL for the password step of a login.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The account behind an e-mail address (already lower-cased), whether active or not. */
export async function findAccountByEmail(db: Kysely<DB>, email: string) {
	return db.selectFrom('appUser').select(['id', 'passwordHash', 'active']).where('email', '=', email).executeTakeFirst();
}
