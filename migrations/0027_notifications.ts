import { type Kysely, sql } from 'kysely';

// Notifications by e-mail and web push (issue 23). Messages wait in an outbox, one row per message
// and channel, written in the transaction of the change that caused them: a rolled-back change
// sends nothing, and a restart loses nothing (a worker on any node claims due rows with FOR UPDATE
// SKIP LOCKED). Beside it: each user's choices per category, their browsers' push subscriptions,
// the VAPID key pair made once when none is configured, and which reminders went out already.

const CATEGORIES = `'alert','advice_requested','advice_answered','deadline_near','task_assigned'`;

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('notification_outbox')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		// The same message on both channels shares this id.
		.addColumn('message_id', 'uuid', (c) => c.notNull())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('category', 'text', (c) => c.notNull().check(sql.raw(`category in (${CATEGORIES})`)))
		.addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'push')`))
		.addColumn('subject', 'text', (c) => c.notNull().check(sql`length(subject) between 1 and 300`))
		.addColumn('body_text', 'text', (c) => c.notNull())
		.addColumn('body_html', 'text', (c) => c.notNull())
		.addColumn('url', 'text', (c) => c.notNull())
		.addColumn('actions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('wachtend').check(sql`status in ('wachtend', 'verzonden', 'mislukt', 'overgeslagen')`))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_error', 'text')
		// 'smtp' or 'postvak' (the demo's in-app mailbox) for e-mail, 'webpush' for push.
		.addColumn('transport', 'text')
		// Push: the subscriptions that took it already, so a retry does not show it twice.
		.addColumn('delivered_to', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('sent_at', 'timestamptz')
		.execute();
	// The worker's claim: due waiting rows, oldest first.
	await sql`create index notification_outbox_due on notification_outbox (next_attempt_at) where status = 'wachtend'`.execute(db);
	await db.schema.createIndex('notification_outbox_user').on('notification_outbox').columns(['user_id', 'created_at']).execute();

	await db.schema
		.createTable('notification_preference')
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		// Alerts always go out on both channels; they have no preference row.
		.addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('advice_requested', 'advice_answered', 'deadline_near', 'task_assigned')`))
		.addColumn('email', 'boolean', (c) => c.notNull())
		.addColumn('push', 'boolean', (c) => c.notNull())
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('notification_preference_pkey', ['user_id', 'category'])
		.execute();

	await db.schema
		.createTable('push_subscription')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('endpoint', 'text', (c) => c.notNull().unique().check(sql`length(endpoint) <= 2000`))
		.addColumn('p256dh', 'text', (c) => c.notNull())
		.addColumn('auth', 'text', (c) => c.notNull())
		.addColumn('user_agent', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('push_subscription_user').on('push_subscription').column('user_id').execute();

	// One row at most: the pair made when no keys are configured (demo, development).
	await db.schema
		.createTable('vapid_key')
		.addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
		.addColumn('public_key', 'text', (c) => c.notNull())
		.addColumn('private_key', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// Reminders sent once: a deadline nearing is told once per request and person, on any node.
	await db.schema
		.createTable('notification_reminder')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'uuid', (c) => c.notNull())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('notification_reminder_pkey', ['kind', 'subject_id', 'user_id'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('notification_reminder').execute();
	await db.schema.dropTable('vapid_key').execute();
	await db.schema.dropTable('push_subscription').execute();
	await db.schema.dropTable('notification_preference').execute();
	await db.schema.dropTable('notification_outbox').execute();
}
