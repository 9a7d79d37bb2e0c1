// What authorising `application:<id>` needs to know. A module of its own with `.ts` imports, so
// the realtime layer can load it without the framework.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The application's municipality code, or undefined when there is no such application. */
export async function applicationMunicipality(db: Kysely<DB>, id: string): Promise<string | undefined> {
	const found = await db.selectFrom('eventApplication').select('municipalityCode').where('id', '=', id).executeTakeFirst();
	return found?.municipalityCode;
}
