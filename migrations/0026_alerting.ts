import { type Kysely, sql } from 'kysely';

// On-call rosters and alerting (issue 23, DOMAIN.md §7). The crisis functions of bevolkingszorg
// are data (a region names and cuts them differently), so are the functions each GRIP level
// alerts. A duty period is two instants (timestamptz) computed from Europe/Amsterdam wall-clock
// times, with a backup; every change of person is kept as a swap row. An alert goes to the
// people on duty for the chosen functions; each recipient has a one-tap link, stored only as the
// SHA-256 of its random token, that answers once and expires.

const FUNCTIONS: { code: string; name: string; description: string }[] = [
	{ code: 'ovd_bz', name: 'OvD Bevolkingszorg', description: 'Officier van Dienst Bevolkingszorg: 24/7 beschikbaar, in het CoPI, leidt bevolkingszorg in bron- en effectgebied.' },
	{ code: 'ac_bz', name: 'Algemeen Commandant Bevolkingszorg', description: 'Leidt bevolkingszorg vanuit het ROT.' },
	{ code: 'informatiemanager', name: 'Informatiemanager', description: 'Houdt het beeld en het logboek van bevolkingszorg bij.' },
	{ code: 'communicatieadviseur', name: 'Communicatieadviseur', description: 'Adviseert over publieksvoorlichting en woordvoering.' },
	{ code: 'tl_crisiscommunicatie', name: 'Teamleider Crisiscommunicatie', description: 'Leidt het proces crisiscommunicatie.' },
	{ code: 'tl_publieke_zorg', name: 'Teamleider Publieke zorg', description: 'Leidt opvang, verzorging en vervoer van wie zichzelf niet kan helpen.' },
	{ code: 'tl_informeren_verwanten', name: 'Teamleider Informeren verwanten', description: 'Leidt het informeren van verwanten.' },
	{ code: 'tl_omgevingszorg', name: 'Teamleider Omgevingszorg', description: 'Leidt de zorg voor milieu, openbare ruimte en gebouwen.' },
	{ code: 'tl_nafase', name: 'Teamleider Nafase', description: 'Leidt herstel, nazorg en evaluatie.' },
	{ code: 'adviseur_bz_gbt', name: 'Adviseur Bevolkingszorg GBT', description: 'Adviseert de burgemeester in het Gemeentelijk Beleidsteam.' }
];

/** DOMAIN.md §7, our rule: each level adds these functions to the ones below it. */
const GRIP_ALERTS: { level: number; functions: string[] }[] = [
	{ level: 1, functions: ['ovd_bz'] },
	{ level: 2, functions: ['ac_bz', 'informatiemanager'] },
	{ level: 3, functions: ['tl_crisiscommunicatie', 'tl_publieke_zorg', 'tl_informeren_verwanten', 'tl_omgevingszorg', 'tl_nafase', 'adviseur_bz_gbt'] }
];

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('crisis_function')
		.addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[a-z][a-z0-9_]{1,39}$'`))
		.addColumn('name', 'text', (c) => c.notNull().unique().check(sql`length(btrim(name)) between 2 and 80`))
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		// false: added by the region on /beheer/piket; the standard ones come with this migration.
		.addColumn('standard', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(100))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db
		.insertInto('crisis_function' as never)
		.values(FUNCTIONS.map((f, i) => ({ code: f.code, name: f.name, description: f.description, standard: true, sort_order: (i + 1) * 10 })) as never)
		.execute();

	await db.schema
		.createTable('grip_alert_function')
		.addColumn('level', 'integer', (c) => c.notNull().references('grip_level.level').onDelete('cascade'))
		.addColumn('function_code', 'text', (c) => c.notNull().references('crisis_function.code').onDelete('cascade'))
		.addPrimaryKeyConstraint('grip_alert_function_pkey', ['level', 'function_code'])
		.execute();
	await db
		.insertInto('grip_alert_function' as never)
		.values(GRIP_ALERTS.flatMap((g) => g.functions.map((f) => ({ level: g.level, function_code: f }))) as never)
		.execute();

	await db.schema
		.createTable('duty_period')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('function_code', 'text', (c) => c.notNull().references('crisis_function.code').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('backup_user_id', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('starts_at', 'timestamptz', (c) => c.notNull())
		.addColumn('ends_at', 'timestamptz', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('duty_period_order', sql`ends_at > starts_at`)
		.addCheckConstraint('duty_period_backup_other', sql`backup_user_id is null or backup_user_id <> user_id`)
		.execute();
	await db.schema.createIndex('duty_period_function_time').on('duty_period').columns(['function_code', 'starts_at', 'ends_at']).execute();

	await db.schema
		.createTable('duty_swap')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('period_id', 'uuid', (c) => c.notNull().references('duty_period.id').onDelete('cascade'))
		.addColumn('slot', 'text', (c) => c.notNull().check(sql`slot in ('dienst','backup')`))
		.addColumn('from_user_id', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('to_user_id', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('changed_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('duty_swap_period').on('duty_swap').columns(['period_id', 'changed_at']).execute();

	await db.schema
		.createTable('alert')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id').onDelete('cascade'))
		.addColumn('message', 'text', (c) => c.notNull().check(sql`length(btrim(message)) between 1 and 1000`))
		.addColumn('functions', sql`text[]`, (c) => c.notNull())
		// Set when raising GRIP sent it; null for an "Alarmeren" of the crisis team.
		.addColumn('grip_level', 'integer', (c) => c.references('grip_level.level'))
		.addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('alert_incident').on('alert').columns(['incident_id', 'created_at']).execute();

	await db.schema
		.createTable('alert_recipient')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('alert_id', 'uuid', (c) => c.notNull().references('alert.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('function_code', 'text', (c) => c.notNull().references('crisis_function.code'))
		// The backup who gets this recipient's alert when it escalates (from the duty period).
		.addColumn('backup_user_id', 'uuid', (c) => c.references('app_user.id'))
		// Set on the backup's row: whose unanswered alert it took over.
		.addColumn('escalated_from', 'uuid', (c) => c.references('alert_recipient.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('verzonden').check(sql`status in ('verzonden','ontvangen','komt','komt_niet','geescaleerd')`))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('link_expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('link_used_at', 'timestamptz')
		.addColumn('sent_at', 'timestamptz', (c) => c.notNull())
		.addColumn('received_at', 'timestamptz')
		.addColumn('answered_at', 'timestamptz')
		.addColumn('eta', 'timestamptz')
		// When the scheduler hands the alert to the backup if no answer came; null: never.
		.addColumn('escalate_at', 'timestamptz')
		.addColumn('escalated_at', 'timestamptz')
		.execute();
	await db.schema.createIndex('alert_recipient_alert').on('alert_recipient').column('alert_id').execute();
	await sql`create index alert_recipient_due on alert_recipient (escalate_at) where escalated_at is null and answered_at is null and escalate_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('alert_recipient').execute();
	await db.schema.dropTable('alert').execute();
	await db.schema.dropTable('duty_swap').execute();
	await db.schema.dropTable('duty_period').execute();
	await db.schema.dropTable('grip_alert_function').execute();
	await db.schema.dropTable('crisis_function').execute();
}
