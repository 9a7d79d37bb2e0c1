import { type Kysely, sql } from 'kysely';

// A personal, revocable key per user for subscribing to the calendar's ICS feed from an agenda
// app that cannot log in (Outlook, Google, Apple). Only the SHA-256 of the key is stored; the
// feed it opens shows the public calendar fields only.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('calendar_feed_key')
		.addColumn('key_hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().unique().references('app_user.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_used_at', 'timestamptz')
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('calendar_feed_key').execute();
}
