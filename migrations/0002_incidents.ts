import { type Kysely, sql } from 'kysely';

// Crisis and exercises: incidents with their affected municipalities, GRIP levels as data
// (the national system is being reformed), the GRIP history, and bevolkingszorg tasks.

const GRIP_LEVELS = [
	{ level: 0, label: 'GRIP 0', description: 'Routine: dagelijkse afstemming, geen opgeschaalde crisisorganisatie.' },
	{ level: 1, label: 'GRIP 1', description: 'Bronbestrijding op de incidentlocatie: CoPI, met de OvD-Bevolkingszorg (binnen 30 minuten actief).' },
	{ level: 2, label: 'GRIP 2', description: 'Ook effecten buiten het incidentterrein: Regionaal Operationeel Team (ROT).' },
	{ level: 3, label: 'GRIP 3', description: 'Bedreiging van de bevolking van één gemeente: Gemeentelijk Beleidsteam (GBT) onder de burgemeester.' },
	{ level: 4, label: 'GRIP 4', description: 'Over gemeentegrenzen heen: Regionaal Beleidsteam (RBT) onder de voorzitter veiligheidsregio.' },
	{ level: 5, label: 'GRIP 5', description: 'Meerdere veiligheidsregio’s betrokken: interregionale coördinatie.' }
];

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('grip_level')
		.addColumn('level', 'integer', (c) => c.primaryKey())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.execute();
	await db.insertInto('grip_level' as never).values(GRIP_LEVELS as never).execute();

	await db.schema
		.createTable('incident')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('crisis','oefening')`))
		.addColumn('incident_type', 'text')
		.addColumn('location', 'text')
		.addColumn('lat', 'double precision')
		.addColumn('lon', 'double precision')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('actief').check(sql`status in ('actief','afgeschaald','gesloten')`))
		.addColumn('grip', 'integer', (c) => c.notNull().references('grip_level.level'))
		.addColumn('affected_people', 'integer', (c) => c.check(sql`affected_people >= 0`))
		.addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('incident_position_complete', sql`(lat is null) = (lon is null)`)
		.execute();
	await db.schema.createIndex('incident_status').on('incident').columns(['status', 'started_at']).execute();

	await db.schema
		.createTable('incident_municipality')
		.addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id').onDelete('cascade'))
		.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipality.code'))
		.addPrimaryKeyConstraint('incident_municipality_pkey', ['incident_id', 'municipality_code'])
		.execute();

	await db.schema
		.createTable('grip_change')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id').onDelete('cascade'))
		.addColumn('from_level', 'integer', (c) => c.references('grip_level.level'))
		.addColumn('to_level', 'integer', (c) => c.notNull().references('grip_level.level'))
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('changed_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('grip_change_incident').on('grip_change').columns(['incident_id', 'changed_at']).execute();

	await db.schema
		.createTable('task')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id').onDelete('cascade'))
		.addColumn('process', 'text', (c) =>
			c.notNull().check(sql`process in ('crisiscommunicatie','publieke_zorg','informeren_verwanten','omgevingszorg','nafase')`)
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('municipality_code', 'text', (c) => c.references('municipality.code'))
		.addColumn('assignee_id', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('priority', 'text', (c) => c.notNull().defaultTo('normaal').check(sql`priority in ('laag','normaal','hoog','urgent')`))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open','in_uitvoering','gereed')`))
		.addColumn('blocked_reason', 'text')
		.addColumn('due_at', 'timestamptz')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('task_incident').on('task').columns(['incident_id', 'process']).execute();
	await db.schema.createIndex('task_assignee').on('task').column('assignee_id').execute();

	await db.schema
		.createTable('task_change')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('task_id', 'uuid', (c) => c.notNull().references('task.id').onDelete('cascade'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('changed_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('changes', 'jsonb', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('task_change_task').on('task_change').columns(['task_id', 'version']).execute();

	await db.schema
		.createTable('task_note')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('task_id', 'uuid', (c) => c.notNull().references('task.id').onDelete('cascade'))
		.addColumn('author_id', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('task_note_task').on('task_note').columns(['task_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('task_note').execute();
	await db.schema.dropTable('task_change').execute();
	await db.schema.dropTable('task').execute();
	await db.schema.dropTable('grip_change').execute();
	await db.schema.dropTable('incident_municipality').execute();
	await db.schema.dropTable('incident').execute();
	await db.schema.dropTable('grip_level').execute();
}
