import { type Kysely, sql } from 'kysely';

// Urgent regional notices stand as a banner on every page until the user marks them read or the
// poster withdraws them: who read what and when, and the withdrawal on the notice itself.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('notice')
		.addColumn('withdrawn_at', 'timestamptz')
		.addColumn('withdrawn_by', 'uuid', (c) => c.references('app_user.id'))
		.execute();
	await db.schema
		.createTable('notice_read')
		.addColumn('notice_id', 'uuid', (c) => c.notNull().references('notice.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('read_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('notice_read_pkey', ['notice_id', 'user_id'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('notice_read').execute();
	await db.schema.alterTable('notice').dropColumn('withdrawn_by').dropColumn('withdrawn_at').execute();
}
