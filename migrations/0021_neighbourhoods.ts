import { type Kysely, sql } from 'kysely';

// Wijk and buurt boundaries of the nine municipalities (issue 18, step 2), keyed by their CBS code,
// for the choropleth of the safety plan's indicators. The embedded PostgreSQL has no PostGIS, so a
// geometry is stored as a GeoJSON Polygon or MultiPolygon in WGS84 (longitude, latitude) in jsonb:
// Paraat only draws it (MapLibre reads GeoJSON) and never computes with it in SQL. A buurt names
// the wijk it belongs to; the demo set is marked is_demo, an import names its source and date.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('neighbourhood')
		.addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^(WK[0-9]{6}|BU[0-9]{8})$'`))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('wijk','buurt')`))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipality.code'))
		.addColumn('wijk_code', 'text', (c) => c.references('neighbourhood.code'))
		.addColumn('geometry', 'jsonb', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('imported_on', 'date', (c) => c.notNull())
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		// A wijk code starts WK, a buurt code BU; a buurt lies in a wijk whose code is its own first six digits.
		.addCheckConstraint(
			'neighbourhood_kind_code',
			sql`(kind = 'wijk' and code like 'WK%' and wijk_code is null) or (kind = 'buurt' and code like 'BU%' and wijk_code = 'WK' || substr(code, 3, 6))`
		)
		.addCheckConstraint('neighbourhood_geometry_type', sql`geometry->>'type' in ('Polygon','MultiPolygon')`)
		.execute();
	await db.schema.createIndex('neighbourhood_municipality').on('neighbourhood').columns(['municipality_code', 'kind']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('neighbourhood').execute();
}
