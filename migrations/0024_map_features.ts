import { type Kysely, sql } from 'kysely';

// The incident map you work on together (issue 22): features drawn on an incident's map (point,
// line, area) with a type, label, own colour and a version for optimistic edits. A deleted feature
// keeps its row (deleted_at) so its history and the evaluation timeline stay whole; every change is
// one row in map_feature_change.

const TYPES = `'afzetting','evacuatiegebied','opvanglocatie','verzamelpunt','brandweer_inzetgebied','copi_locatie'`;

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('map_feature')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id').onDelete('cascade'))
		.addColumn('type', 'text', (c) => c.notNull().check(sql.raw(`type in (${TYPES})`)))
		.addColumn('label', 'text', (c) => c.notNull().check(sql`length(label) between 1 and 120`))
		.addColumn('colour', 'text', (c) => c.check(sql`colour ~ '^#[0-9a-f]{6}$'`))
		.addColumn('geometry', 'jsonb', (c) => c.notNull().check(sql`geometry->>'type' in ('Point','LineString','Polygon')`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('deleted_at', 'timestamptz')
		.execute();
	await db.schema.createIndex('map_feature_incident').on('map_feature').columns(['incident_id', 'created_at']).execute();

	await db.schema
		.createTable('map_feature_change')
		.addColumn('feature_id', 'uuid', (c) => c.notNull().references('map_feature.id').onDelete('cascade'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id').onDelete('cascade'))
		.addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('created','updated','deleted')`))
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('geometry_type', 'text', (c) => c.notNull())
		/** Which fields changed: geometry, type, label, colour. */
		.addColumn('fields', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('changed_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('map_feature_change_pkey', ['feature_id', 'version'])
		.execute();
	await db.schema.createIndex('map_feature_change_incident').on('map_feature_change').columns(['incident_id', 'changed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('map_feature_change').execute();
	await db.schema.dropTable('map_feature').execute();
}
