import { type Kysely, sql } from 'kysely';

// The integral safety plan (issue 18, DOMAIN.md §8): a municipality's plan for a period with its
// priorities and strategic themes, the yearly execution programme's actions, and indicators with
// targets per year and measurements per neighbourhood and year. A plan is adjusted during its
// period: every version is kept as a snapshot so earlier versions stay readable. New roles:
// the beleidsadviseur OOV (writes its municipality's plan) and the kabinet of the mayor (reads).

const OLD_ROLES = `'beheerder','vergunningverlener','adviseur','bibob','crisisteam','bevolkingszorg','brandweer','ghor','politie','oefenleider','waarnemer'`;
const NEW_ROLES = `${OLD_ROLES},'beleidsadviseur','kabinet'`;

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`alter table role_grant drop constraint role_grant_role_check`.execute(db);
	await sql.raw(`alter table role_grant add constraint role_grant_role_check check (role in (${NEW_ROLES}))`).execute(db);

	await db.schema
		.createTable('safety_plan')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipality.code'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('start_year', 'integer', (c) => c.notNull())
		.addColumn('end_year', 'integer', (c) => c.notNull())
		.addColumn('ambition', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('safety_plan_period', sql`start_year between 2000 and 2100 and end_year between start_year and start_year + 10`)
		.execute();
	await db.schema.createIndex('safety_plan_municipality').on('safety_plan').column('municipality_code').execute();

	await db.schema
		.createTable('safety_plan_version')
		.addColumn('plan_id', 'uuid', (c) => c.notNull().references('safety_plan.id').onDelete('cascade'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('snapshot', 'jsonb', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('saved_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('saved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('safety_plan_version_pkey', ['plan_id', 'version'])
		.execute();

	await db.schema
		.createTable('safety_plan_priority')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('plan_id', 'uuid', (c) => c.notNull().references('safety_plan.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('prioriteit','thema')`))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('why', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('ambition', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('approach', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('conditions', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('focus_area', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('partners', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('residents_role', 'text', (c) => c.notNull().defaultTo(''))
		.addUniqueConstraint('safety_plan_priority_position', ['plan_id', 'position'])
		.execute();

	await db.schema
		.createTable('safety_plan_action')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('plan_id', 'uuid', (c) => c.notNull().references('safety_plan.id').onDelete('cascade'))
		.addColumn('priority_id', 'uuid', (c) => c.notNull().references('safety_plan_priority.id').onDelete('cascade'))
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('owner', 'text', (c) => c.notNull())
		.addColumn('planned_quarter', 'integer', (c) => c.notNull().check(sql`planned_quarter between 1 and 4`))
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('gepland').check(sql`status in ('gepland','in_uitvoering','gereed','uitgesteld','vervallen')`)
		)
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('updated_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('safety_plan_action_year').on('safety_plan_action').columns(['plan_id', 'year']).execute();

	await db.schema
		.createTable('safety_plan_indicator')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('plan_id', 'uuid', (c) => c.notNull().references('safety_plan.id').onDelete('cascade'))
		.addColumn('priority_id', 'uuid', (c) => c.notNull().references('safety_plan_priority.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('definition', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('unit', 'text', (c) => c.notNull())
		.addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('omlaag','omhoog')`))
		.addColumn('baseline_year', 'integer', (c) => c.notNull())
		.addColumn('baseline', 'numeric', (c) => c.notNull())
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();

	await db.schema
		.createTable('safety_plan_target')
		.addColumn('indicator_id', 'uuid', (c) => c.notNull().references('safety_plan_indicator.id').onDelete('cascade'))
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('target', 'numeric', (c) => c.notNull())
		.addPrimaryKeyConstraint('safety_plan_target_pkey', ['indicator_id', 'year'])
		.execute();

	// area_code '' is the whole municipality, otherwise a CBS wijk (WK…) or buurt (BU…) code.
	await db.schema
		.createTable('safety_plan_measurement')
		.addColumn('indicator_id', 'uuid', (c) => c.notNull().references('safety_plan_indicator.id').onDelete('cascade'))
		.addColumn('area_code', 'text', (c) => c.notNull().defaultTo('').check(sql`area_code = '' or area_code ~ '^(WK|BU)[0-9]{6,8}$'`))
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('value', 'numeric', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('measured_on', 'date', (c) => c.notNull())
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.addPrimaryKeyConstraint('safety_plan_measurement_pkey', ['indicator_id', 'area_code', 'year'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of ['safety_plan_measurement', 'safety_plan_target', 'safety_plan_indicator', 'safety_plan_action', 'safety_plan_priority', 'safety_plan_version', 'safety_plan']) {
		await db.schema.dropTable(table).execute();
	}
	// The older schema does not know the new roles: their grants cannot survive.
	await sql`delete from role_grant where role in ('beleidsadviseur','kabinet')`.execute(db);
	await sql`alter table role_grant drop constraint role_grant_role_check`.execute(db);
	await sql.raw(`alter table role_grant add constraint role_grant_role_check check (role in (${OLD_ROLES}))`).execute(db);
}
