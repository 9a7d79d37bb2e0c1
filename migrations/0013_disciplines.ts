import { type Kysely, sql } from 'kysely';

// Crisis work is multidisciplinary: GHOR and politie officers get their own roles beside brandweer
// and bevolkingszorg (gemeente). Grants record who gave them, and a grant that needs four eyes
// (Bibob) counts only once a second person has confirmed it. Existing grants stay valid: they are
// marked confirmed at their creation time.

const OLD_ROLES = `'beheerder','vergunningverlener','adviseur','bibob','crisisteam','bevolkingszorg','brandweer','oefenleider','waarnemer'`;
const NEW_ROLES = `'beheerder','vergunningverlener','adviseur','bibob','crisisteam','bevolkingszorg','brandweer','ghor','politie','oefenleider','waarnemer'`;

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`alter table role_grant drop constraint role_grant_role_check`.execute(db);
	await sql.raw(`alter table role_grant add constraint role_grant_role_check check (role in (${NEW_ROLES}))`).execute(db);
	await db.schema
		.alterTable('role_grant')
		.addColumn('granted_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('confirmed_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		// NULL: waiting for the second person; only confirmed grants count.
		.addColumn('confirmed_at', 'timestamptz', (c) => c.defaultTo(sql`now()`))
		.execute();
	await sql`update role_grant set confirmed_at = created_at`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	// The older schema knows neither the new roles nor pending grants: those cannot survive.
	await sql`delete from role_grant where role in ('ghor','politie') or confirmed_at is null`.execute(db);
	await db.schema.alterTable('role_grant').dropColumn('granted_by').dropColumn('confirmed_by').dropColumn('confirmed_at').execute();
	await sql`alter table role_grant drop constraint role_grant_role_check`.execute(db);
	await sql.raw(`alter table role_grant add constraint role_grant_role_check check (role in (${OLD_ROLES}))`).execute(db);
}
