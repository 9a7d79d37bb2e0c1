import { type Kysely, sql } from 'kysely';

// Event applications (evenementen, DOMAIN.md §2): the application itself with its risicoscan
// answers and result. Advice, documents, status history, settings and own scan models per
// municipality follow in their own migrations.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('event_application')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		// Human reference shown to users, e.g. HLM-2027-0012 (unique per municipality and year).
		.addColumn('reference', 'text', (c) => c.notNull().unique())
		.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipality.code'))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('concept')
				.check(sql`status in ('concept','ingediend','in_behandeling','advies_gevraagd','besluit','ingetrokken')`)
		)
		.addColumn('procedure', 'text', (c) => c.check(sql`procedure in ('melding','vergunning')`))
		// Organiser: personal data, never on the public calendar.
		.addColumn('organiser_name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('organiser_organisation', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('organiser_kvk', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('organiser_email', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('organiser_phone', 'text', (c) => c.notNull().defaultTo(''))
		// The event: public fields (calendar) are name, municipality, category, dates and visitors.
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('event_type', 'text', (c) => c.notNull().defaultTo('overig'))
		.addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('lat', 'double precision')
		.addColumn('lon', 'double precision')
		.addColumn('starts_at', 'timestamptz', (c) => c.notNull())
		.addColumn('ends_at', 'timestamptz', (c) => c.notNull())
		.addColumn('total_visitors', 'integer')
		.addColumn('peak_visitors', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('area_m2', 'double precision')
		.addColumn('is_new_event', 'boolean', (c) => c.notNull().defaultTo(false))
		// The risicoscan answers beyond the fields above, in the shape of RisicoscanInput.
		.addColumn('scan_answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		// The risicoscan result (RisicoscanResult) and the model version it was scored with.
		.addColumn('scan_result', 'jsonb')
		.addColumn('scan_model_version', 'integer')
		.addColumn('computed_category', 'text', (c) => c.check(sql`computed_category in ('A','B','C')`))
		.addColumn('override_category', 'text', (c) => c.check(sql`override_category in ('A','B','C')`))
		.addColumn('override_reason', 'text')
		.addColumn('override_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('override_at', 'timestamptz')
		// The class that counts: the officer's override where given, else the computed one.
		.addColumn('category', 'text', (c) => c.generatedAlwaysAs(sql`coalesce(override_category, computed_category)`).stored())
		.addColumn('submitted_at', 'timestamptz')
		.addColumn('late', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('decision', 'text', (c) => c.check(sql`decision in ('verleend','verleend_met_voorschriften','geweigerd')`))
		.addColumn('decision_conditions', 'text')
		.addColumn('decision_reason', 'text')
		.addColumn('decided_at', 'timestamptz')
		.addColumn('decided_by', 'uuid', (c) => c.references('app_user.id'))
		// Kept by the Bibob capability; others see only whether a screening runs or is done.
		.addColumn('bibob_status', 'text', (c) => c.notNull().defaultTo('geen').check(sql`bibob_status in ('geen','loopt','afgerond')`))
		.addColumn('copied_from', 'uuid', (c) => c.references('event_application.id').onDelete('set null'))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// Optimistic concurrency: every change raises it; a stale version gets a 409.
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('event_application_ends_after_start', sql`ends_at > starts_at`)
		.addCheckConstraint('event_application_visitors', sql`peak_visitors >= 0 and (total_visitors is null or total_visitors >= peak_visitors)`)
		.addCheckConstraint('event_application_area', sql`area_m2 is null or area_m2 > 0`)
		.addCheckConstraint('event_application_override_reason', sql`override_category is null or length(trim(override_reason)) > 0`)
		.execute();

	// The calendar reads by time window, regionally and per municipality.
	await db.schema.createIndex('event_application_starts_at').on('event_application').columns(['starts_at', 'ends_at']).execute();
	await db.schema
		.createIndex('event_application_municipality_starts_at')
		.on('event_application')
		.columns(['municipality_code', 'starts_at'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('event_application').execute();
}
