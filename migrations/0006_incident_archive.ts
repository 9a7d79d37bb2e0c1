import type { Kysely } from 'kysely';

// An exercise, once closed and evaluated, can be archived: out of the running lists, still readable.
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('incident').addColumn('archived_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('incident').dropColumn('archived_at').execute();
}
