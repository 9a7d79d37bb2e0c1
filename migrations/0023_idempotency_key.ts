import { type Kysely, sql } from 'kysely';

// Writes a browser queued while offline are sent again until an answer arrives; when the answer
// is lost on the way back, the retry must not write twice. Each such request carries an
// `Idempotency-Key`: the first one to arrive claims the key (status_code null while it is being
// answered), its answer is stored beside the key, and a retry with the same key gets that stored
// answer instead of a second write. Keys are per user (another user's key never matches) and are
// remembered for a day (src/lib/server/http/idempotency-store.ts prunes older ones).

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('idempotency_key')
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('key', 'text', (c) => c.notNull().check(sql`length(key) between 8 and 200`))
		// SHA-256 of method, path and body: the same key with another request is refused.
		.addColumn('fingerprint', 'text', (c) => c.notNull())
		.addColumn('status_code', 'smallint', (c) => c.check(sql`status_code between 200 and 499`))
		.addColumn('content_type', 'text')
		.addColumn('response_body', 'text')
		.addColumn('claimed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('completed_at', 'timestamptz')
		.addPrimaryKeyConstraint('idempotency_key_pkey', ['user_id', 'key'])
		.addCheckConstraint('idempotency_key_answer_complete', sql`(status_code is null) = (completed_at is null)`)
		.execute();
	await db.schema.createIndex('idempotency_key_claimed_at').on('idempotency_key').column('claimed_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('idempotency_key').execute();
}
