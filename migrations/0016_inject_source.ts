import { type Kysely, sql } from 'kysely';

// An inject reaches the players as an ordinary message of its stated source (a meldkamer, a
// citizen calling 112, a journalist): the source the oefenleider gives it.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('inject')
		.addColumn('source', 'text', (c) => c.notNull().defaultTo('Meldkamer').check(sql`length(source) between 1 and 100`))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('inject').dropColumn('source').execute();
}
