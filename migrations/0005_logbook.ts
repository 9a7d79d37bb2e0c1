import { type Kysely, sql } from 'kysely';

// Netcentric work on an incident: the logbook (entries are never edited; a correction is a new
// entry that refers to the old one), each user's read position, the situation picture (one
// current text per section, versioned), published SITRAPs (numbered snapshots of the picture),
// exercise injects (scripted messages delivered into the logbook at their time), and which
// incident each open socket is viewing (presence per incident).

const DISCIPLINES = sql`('algemeen','brandweer','ghor','politie','bevolkingszorg','communicatie')`;

export async function up(db: Kysely<unknown>): Promise<void> {
	// Created before the log entry, which refers to the inject it came from.
	await db.schema
		.createTable('inject')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id').onDelete('cascade'))
		.addColumn('text', 'text', (c) => c.notNull().check(sql`length(btrim(text)) > 0`))
		.addColumn('discipline', 'text', (c) => c.notNull().check(sql`discipline in ${DISCIPLINES}`))
		.addColumn('due_minutes', 'integer', (c) => c.notNull().check(sql`due_minutes >= 0`))
		.addColumn('due_at', 'timestamptz', (c) => c.notNull())
		.addColumn('delivered_at', 'timestamptz')
		.addColumn('entry_id', 'uuid')
		.addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('inject_delivered_with_entry', sql`(delivered_at is null) = (entry_id is null)`)
		.execute();
	await db.schema.createIndex('inject_incident').on('inject').columns(['incident_id', 'due_at']).execute();
	// What the scheduler scans: only the injects still waiting.
	await sql`create index inject_waiting on inject (due_at) where delivered_at is null`.execute(db);

	await db.schema
		.createTable('log_entry')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id').onDelete('cascade'))
		.addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('melding','beeld','oordeel','besluit','actie')`))
		.addColumn('discipline', 'text', (c) => c.notNull().check(sql`discipline in ${DISCIPLINES}`))
		.addColumn('text', 'text', (c) => c.notNull().check(sql`length(btrim(text)) > 0`))
		.addColumn('happened_at', 'timestamptz', (c) => c.notNull())
		.addColumn('logged_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('author_id', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('corrects_id', 'uuid', (c) => c.references('log_entry.id'))
		.addColumn('verified_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('verified_at', 'timestamptz')
		.addColumn('inject_id', 'uuid', (c) => c.references('inject.id'))
		.addUniqueConstraint('log_entry_incident_number', ['incident_id', 'number'])
		.addCheckConstraint('log_entry_verified_complete', sql`(verified_by is null) = (verified_at is null)`)
		.execute();
	// An entry is corrected at most once (corrections form a chain), and an inject lands once.
	await sql`create unique index log_entry_corrects on log_entry (corrects_id) where corrects_id is not null`.execute(db);
	await sql`create unique index log_entry_inject on log_entry (inject_id) where inject_id is not null`.execute(db);
	await db.schema
		.alterTable('inject')
		.addForeignKeyConstraint('inject_entry_fk', ['entry_id'], 'log_entry', ['id'])
		.execute();

	await db.schema
		.createTable('log_read')
		.addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('last_number', 'integer', (c) => c.notNull().defaultTo(0).check(sql`last_number >= 0`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('log_read_pkey', ['incident_id', 'user_id'])
		.execute();

	await db.schema
		.createTable('situation_section')
		.addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id').onDelete('cascade'))
		.addColumn('section', 'text', (c) =>
			c.notNull().check(sql`section in ('samenvatting','brandweer','ghor','politie','bevolkingszorg','communicatie')`)
		)
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
		.addColumn('updated_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('situation_section_pkey', ['incident_id', 'section'])
		.execute();

	await db.schema
		.createTable('sitrap')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id').onDelete('cascade'))
		.addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
		.addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('published_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('snapshot', 'jsonb', (c) => c.notNull())
		.addUniqueConstraint('sitrap_incident_number', ['incident_id', 'number'])
		.execute();

	// NULL: the socket is not looking at an incident.
	await db.schema
		.alterTable('presence_connection')
		.addColumn('viewing', 'uuid', (c) => c.references('incident.id').onDelete('set null'))
		.execute();
	await sql`create index presence_connection_viewing on presence_connection (viewing) where viewing is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('presence_connection_viewing').execute();
	await db.schema.alterTable('presence_connection').dropColumn('viewing').execute();
	await db.schema.dropTable('sitrap').execute();
	await db.schema.dropTable('situation_section').execute();
	await db.schema.dropTable('log_read').execute();
	await db.schema.alterTable('inject').dropConstraint('inject_entry_fk').execute();
	await db.schema.dropTable('log_entry').execute();
	await db.schema.dropTable('inject').execute();
}
