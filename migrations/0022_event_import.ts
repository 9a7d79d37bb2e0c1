import { type Kysely, sql } from 'kysely';

// Import of existing events lists (issue 22): each application made from a row keeps the row's key
// (municipality, normalised name, start, normalised location), unique per municipality, so the
// same list imported twice creates nothing twice — even when two nodes import it at once. Forms
// leave the key empty. The column mapping an officer chose is remembered per municipality.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('event_application').addColumn('import_key', 'text').execute();
	await sql`
		create unique index event_application_import_key on event_application (municipality_code, import_key)
		where import_key is not null`.execute(db);
	await db.schema
		.createTable('event_import_mapping')
		.addColumn('municipality_code', 'text', (c) => c.primaryKey().references('municipality.code'))
		.addColumn('mapping', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(mapping) = 'object'`))
		.addColumn('updated_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('event_import_mapping').execute();
	await sql`drop index event_application_import_key`.execute(db);
	await db.schema.alterTable('event_application').dropColumn('import_key').execute();
}
