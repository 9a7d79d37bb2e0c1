import { type Kysely, sql } from 'kysely';

// Advice on event applications (DOMAIN.md §2): requests to brandweer, GHOR and politie, or one
// joint request of all three for a class C event, with their answers; and the advice terms per
// municipality.
//
// A joint request is one row with discipline 'joint': it shows in the inbox of all three
// disciplines and any one of them submits the one joint advice on behalf of all (in practice the
// brandweer coordinates after the multidisciplinary meeting); `answered_discipline` records who.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('advice_settings')
		.addColumn('municipality_code', 'text', (c) => c.primaryKey().references('municipality.code').onDelete('cascade'))
		// Whole calendar days after the request; a term ending on a non-working day runs on (Atw).
		.addColumn('term_days_b', 'integer', (c) => c.notNull().defaultTo(21).check(sql`term_days_b between 1 and 180`))
		.addColumn('term_days_c', 'integer', (c) => c.notNull().defaultTo(28).check(sql`term_days_c between 1 and 180`))
		.addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	// The municipalities known now; the reference seed adds rows for any that come later.
	await sql`insert into advice_settings (municipality_code) select code from municipality on conflict do nothing`.execute(db);

	await db.schema
		.createTable('advice_request')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('application_id', 'uuid', (c) => c.notNull().references('event_application.id').onDelete('cascade'))
		.addColumn('discipline', 'text', (c) => c.notNull().check(sql`discipline in ('brandweer','ghor','politie','joint')`))
		// Why this service was asked ("waarom gevraagd"), as Dutch labels, fixed at request time.
		.addColumn('reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		// Asked by the officer of their own accord, beyond what the class requires.
		.addColumn('voluntary', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('gevraagd').check(sql`status in ('gevraagd','uitgebracht','ingetrokken')`))
		.addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('requested_by', 'uuid', (c) => c.references('app_user.id'))
		// A whole local day (Europe/Amsterdam): the advice may come in until that day ends.
		.addColumn('due_date', 'date', (c) => c.notNull())
		.addColumn('advice', 'text')
		// Voorschriften: one condition per item.
		.addColumn('conditions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('conclusion', 'text', (c) => c.check(sql`conclusion in ('positief','positief_met_voorwaarden','negatief')`))
		.addColumn('answered_at', 'timestamptz')
		.addColumn('answered_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('answered_discipline', 'text', (c) => c.check(sql`answered_discipline in ('brandweer','ghor','politie')`))
		.addColumn('withdrawn_at', 'timestamptz')
		.addColumn('withdrawn_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('withdrawn_reason', 'text')
		// Optimistic concurrency: every change raises it; a stale version gets a 409.
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint(
			'advice_request_answer_complete',
			sql`status <> 'uitgebracht' or (advice is not null and conclusion is not null and answered_at is not null and answered_discipline is not null)`
		)
		.addCheckConstraint('advice_request_withdrawn_at', sql`status <> 'ingetrokken' or withdrawn_at is not null`)
		.addCheckConstraint('advice_request_conditions_list', sql`jsonb_typeof(conditions) = 'array'`)
		.execute();

	// One live request per service (or joint) per application: a double click asks once.
	await db.schema
		.createIndex('advice_request_one_live_per_kind')
		.on('advice_request')
		.columns(['application_id', 'discipline'])
		.unique()
		.where(sql.ref('status'), '<>', 'ingetrokken')
		.execute();
	// Inboxes and "bijna verlopen" read open requests by due date.
	await db.schema.createIndex('advice_request_status_due').on('advice_request').columns(['status', 'due_date']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('advice_request').execute();
	await db.schema.dropTable('advice_settings').execute();
}
