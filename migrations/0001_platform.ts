import { type Kysely, sql } from 'kysely';

// Platform foundation: municipalities, accounts, role grants, sessions, login rate limits,
// the append-only audit log and the realtime event log.
// Columns are snake_case in SQL; Kysely's CamelCasePlugin maps them for the code.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('municipality')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('cbs_code', 'text', (c) => c.notNull().unique())
		.addColumn('population', 'integer', (c) => c.notNull())
		.addColumn('lat', 'double precision', (c) => c.notNull())
		.addColumn('lon', 'double precision', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('app_user')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('app_user_email_lowercase', sql`email = lower(email)`)
		.execute();
	await db.schema.createIndex('app_user_email_key').on('app_user').column('email').unique().execute();

	await db.schema
		.createTable('role_grant')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`role in ('beheerder','vergunningverlener','adviseur','bibob','crisisteam','bevolkingszorg','brandweer','oefenleider','waarnemer')`
				)
		)
		// NULL: the grant is for the whole region.
		.addColumn('municipality_code', 'text', (c) => c.references('municipality.code'))
		.addColumn('discipline', 'text', (c) => c.check(sql`discipline in ('brandweer','ghor','politie')`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'role_grant_discipline_only_for_adviseur',
			sql`(role = 'adviseur') = (discipline is not null)`
		)
		.execute();
	await sql`create unique index role_grant_unique on role_grant
		(user_id, role, coalesce(municipality_code, ''), coalesce(discipline, ''))`.execute(db);

	await db.schema
		.createTable('user_session')
		.addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the token, hex
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('ip', 'text')
		.addColumn('user_agent', 'text')
		.execute();
	await db.schema.createIndex('user_session_user_id').on('user_session').column('user_id').execute();

	await db.schema
		.createTable('rate_limit')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('count', 'integer', (c) => c.notNull())
		.addColumn('reset_at', 'timestamptz', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('actor_id', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity_type', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text')
		.addColumn('municipality_code', 'text')
		.addColumn('ip', 'text')
		.addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.execute();
	await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();
	// Append-only: the database itself refuses to change or remove audit records.
	await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
		begin
			raise exception 'audit_log is append-only' using errcode = 'P0001';
		end $$`.execute(db);
	await sql`create trigger audit_log_no_update_delete before update or delete on audit_log
		for each row execute function audit_log_append_only()`.execute(db);
	await sql`create trigger audit_log_no_truncate before truncate on audit_log
		for each statement execute function audit_log_append_only()`.execute(db);

	// Realtime: one counter row per topic; incrementing it takes the row lock until commit, so
	// per topic the commit order equals the sequence order and there are no gaps.
	await db.schema
		.createTable('realtime_topic')
		.addColumn('topic', 'text', (c) => c.primaryKey())
		.addColumn('last_seq', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('realtime_event')
		.addColumn('topic', 'text', (c) => c.notNull())
		.addColumn('seq', 'bigint', (c) => c.notNull())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('actor', 'jsonb')
		.addColumn('exercise', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('data', 'jsonb', (c) => c.notNull())
		.addPrimaryKeyConstraint('realtime_event_pkey', ['topic', 'seq'])
		.execute();

	// Presence: one row per open socket, refreshed by a heartbeat so rows of a crashed node expire.
	await db.schema
		.createTable('presence_connection')
		.addColumn('socket_id', 'text', (c) => c.primaryKey())
		.addColumn('node_id', 'text', (c) => c.notNull())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('connected_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('notice')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('severity', 'text', (c) =>
			c.notNull().defaultTo('info').check(sql`severity in ('info','waarschuwing','urgent')`)
		)
		.addColumn('exercise', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('author_id', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('notice_created_at').on('notice').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('notice').execute();
	await db.schema.dropTable('presence_connection').execute();
	await db.schema.dropTable('realtime_event').execute();
	await db.schema.dropTable('realtime_topic').execute();
	await db.schema.dropTable('audit_log').execute();
	await sql`drop function audit_log_append_only()`.execute(db);
	await db.schema.dropTable('rate_limit').execute();
	await db.schema.dropTable('user_session').execute();
	await db.schema.dropTable('role_grant').execute();
	await db.schema.dropTable('app_user').execute();
	await db.schema.dropTable('municipality').execute();
}
