import { type Kysely, sql } from 'kysely';

// Event applications, the part around the application itself (issue #3): its status history,
// its documents (in the database, so a backup holds them), reference numbers per municipality
// and year, each municipality's own event settings (terms, melding conditions, vooraankondiging)
// and its own versions of the risicoscan model. Version 0 of a model is Paraat's default in code.

const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('event_application')
		// Why a melding is not possible (MeldingReason[]), as judged at the last change.
		.addColumn('procedure_reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		// The last local date an application is on time (the municipality's term before the start).
		.addColumn('deadline_date', 'date')
		.execute();

	await db.schema
		.createTable('event_status_change')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('application_id', 'uuid', (c) => c.notNull().references('event_application.id').onDelete('cascade'))
		.addColumn('from_status', 'text')
		.addColumn('to_status', 'text', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('changed_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('event_status_change_application').on('event_status_change').columns(['application_id', 'id']).execute();

	await db.schema
		.createTable('event_document')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('application_id', 'uuid', (c) => c.notNull().references('event_application.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('veiligheidsplan','situatietekening','constructieberekening','overig')`)
		)
		.addColumn('filename', 'text', (c) => c.notNull().check(sql`length(filename) between 1 and 200`))
		.addColumn('mime_type', 'text', (c) => c.notNull())
		.addColumn('size_bytes', 'integer', (c) => c.notNull())
		.addColumn('content', 'bytea', (c) => c.notNull())
		.addColumn('uploaded_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('event_document_size', sql`size_bytes = octet_length(content) and size_bytes between 1 and ${sql.lit(MAX_DOCUMENT_BYTES)}`)
		.execute();
	await db.schema.createIndex('event_document_application').on('event_document').columns(['application_id', 'uploaded_at']).execute();

	await db.schema
		.createTable('event_reference_counter')
		.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipality.code'))
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('last_number', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('event_reference_counter_pk', ['municipality_code', 'year'])
		.execute();

	await db.schema
		.createTable('event_municipality_settings')
		.addColumn('municipality_code', 'text', (c) => c.primaryKey().references('municipality.code'))
		// EventSettings of src/lib/domain/events/settings.ts
		.addColumn('settings', 'jsonb', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// Each save of a municipality's risicoscan model is a new row; the highest version is current.
	await db.schema
		.createTable('risicoscan_model')
		.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipality.code'))
		.addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
		// RisicoscanModel of src/lib/domain/risicoscan/model.ts
		.addColumn('model', 'jsonb', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('risicoscan_model_pk', ['municipality_code', 'version'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('risicoscan_model').execute();
	await db.schema.dropTable('event_municipality_settings').execute();
	await db.schema.dropTable('event_reference_counter').execute();
	await db.schema.dropTable('event_document').execute();
	await db.schema.dropTable('event_status_change').execute();
	await db.schema.alterTable('event_application').dropColumn('deadline_date').dropColumn('procedure_reasons').execute();
}
