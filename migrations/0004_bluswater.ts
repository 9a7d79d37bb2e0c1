import { type Kysely, sql } from 'kysely';

// Bluswater (DOMAIN.md §6): the regional fleet of watertankwagens (WTW) and
// grootwatertransportsystemen (GWT) with their status and its history, refill points for
// secondary water, water requests per incident and the units assigned to them.
// The fleet and refill points are seeded here, once: afterwards a beheerder owns them, so a
// restart must not overwrite their edits (seedReferenceData runs at every start).

// The seed (IVHP §4.2) names eight WTW and two GWT. Stations from the seed and DOMAIN.md §6;
// coordinates are plausible station locations for maps and demo sums, not surveyed. Newer
// units pump 4 000 l/min; for the older ones we assume 2 000. A GWT carries no water of its
// own: it pumps from open water over distance.
const FLEET = [
	{ code: 'WTW 12-1', kind: 'wtw', station: 'Beverwijk', capacity: 17_000, pump: 2_000, crew: 'beroeps', lat: 52.4812, lon: 4.6498 },
	{ code: 'WTW 12-2', kind: 'wtw', station: 'Haarlem-West', capacity: 17_000, pump: 2_000, crew: 'beroeps', lat: 52.3826, lon: 4.615 },
	{ code: 'WTW 12-3', kind: 'wtw', station: 'Rijsenhout', capacity: 17_000, pump: 2_000, crew: 'vrijwillig', lat: 52.2615, lon: 4.703 },
	{ code: 'WTW 12-4', kind: 'wtw', station: 'Zandvoort', capacity: 17_000, pump: 2_000, crew: 'vrijwillig', lat: 52.3735, lon: 4.535 },
	{ code: 'WTW 12-5', kind: 'wtw', station: 'Badhoevedorp', capacity: 17_000, pump: 4_000, crew: 'vrijwillig', lat: 52.3375, lon: 4.782 },
	{ code: 'WTW 12-6', kind: 'wtw', station: 'Velsen', capacity: 17_000, pump: 4_000, crew: 'beroeps', lat: 52.4575, lon: 4.612 },
	{ code: 'WTW 12-7', kind: 'wtw', station: 'Heemskerk', capacity: 17_000, pump: 4_000, crew: 'vrijwillig', lat: 52.5095, lon: 4.669 },
	{ code: 'WTW 12-8', kind: 'wtw', station: 'Hoofddorp', capacity: 17_000, pump: 4_000, crew: 'beroeps', lat: 52.3025, lon: 4.689 },
	{ code: 'GWT 12-1', kind: 'gwt', station: 'Haarlem-Schalkwijk', capacity: 0, pump: 8_000, crew: 'beroeps', lat: 52.3605, lon: 4.656 },
	{ code: 'GWT 12-2', kind: 'gwt', station: 'Hoofddorp', capacity: 0, pump: 8_000, crew: 'beroeps', lat: 52.3032, lon: 4.6905 }
];

// Secondary water (DOMAIN.md §6): open water, wells. Plausible places and fill rates for demo
// sums; a beheerder replaces them with the surveyed list.
const REFILL_POINTS = [
	{ name: 'Noordzeekanaal, Velsen-Zuid', kind: 'open_water', lat: 52.4633, lon: 4.6402, fill: 4_000 },
	{ name: 'Wijkermeer, Beverwijk', kind: 'open_water', lat: 52.4722, lon: 4.6905, fill: 4_000 },
	{ name: 'Spaarne, Haarlem', kind: 'open_water', lat: 52.379, lon: 4.644, fill: 4_000 },
	{ name: 'Mooie Nel, Haarlem-Noord', kind: 'open_water', lat: 52.4025, lon: 4.672, fill: 4_000 },
	{ name: 'Ringvaart bij Cruquius', kind: 'open_water', lat: 52.3378, lon: 4.6369, fill: 4_000 },
	{ name: 'Ringvaart bij Badhoevedorp', kind: 'open_water', lat: 52.3395, lon: 4.7735, fill: 4_000 },
	{ name: 'Hoofdvaart, Hoofddorp', kind: 'open_water', lat: 52.3035, lon: 4.6935, fill: 2_000 },
	{ name: 'Alkmaardermeer, Uitgeest', kind: 'open_water', lat: 52.543, lon: 4.735, fill: 4_000 },
	{ name: 'Bluswaterput Zandvoort-Noord', kind: 'put', lat: 52.38, lon: 4.54, fill: 1_000 },
	{ name: 'Bluswaterput Bloemendaal aan Zee', kind: 'put', lat: 52.4045, lon: 4.5585, fill: 1_000 },
	{ name: 'Secundaire brandkraan Heemstede', kind: 'brandkraan_secundair', lat: 52.3505, lon: 4.6225, fill: 1_500 }
];

const UNIT_STATUSES = `'beschikbaar','gealarmeerd','onderweg','ter_plaatse','pendelen','vullen','retour','buiten_dienst'`;

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('water_unit')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('wtw','gwt')`))
		.addColumn('station', 'text', (c) => c.notNull())
		.addColumn('capacity_litres', 'integer', (c) => c.notNull().check(sql`capacity_litres >= 0 and capacity_litres <= 100000`))
		.addColumn('pump_rate_lpm', 'integer', (c) => c.notNull().check(sql`pump_rate_lpm > 0 and pump_rate_lpm <= 100000`))
		.addColumn('crew', 'text', (c) => c.notNull().check(sql`crew in ('beroeps','vrijwillig')`))
		.addColumn('home_lat', 'double precision', (c) => c.notNull())
		.addColumn('home_lon', 'double precision', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('beschikbaar').check(sql.raw(`status in (${UNIT_STATUSES})`)))
		.addColumn('status_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// The incident the unit works for; set with its open assignment, cleared when it ends.
		.addColumn('incident_id', 'uuid', (c) => c.references('incident.id').onDelete('set null'))
		.addColumn('lat', 'double precision', (c) => c.notNull())
		.addColumn('lon', 'double precision', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// A tanker without water is no tanker.
		.addCheckConstraint('water_unit_wtw_carries_water', sql`kind <> 'wtw' or capacity_litres > 0`)
		.execute();

	await db.schema
		.createTable('water_unit_status_change')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('unit_id', 'uuid', (c) => c.notNull().references('water_unit.id').onDelete('cascade'))
		.addColumn('from_status', 'text')
		.addColumn('to_status', 'text', (c) => c.notNull().check(sql.raw(`to_status in (${UNIT_STATUSES})`)))
		.addColumn('incident_id', 'uuid', (c) => c.references('incident.id').onDelete('set null'))
		.addColumn('changed_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('water_unit_status_change_unit').on('water_unit_status_change').columns(['unit_id', 'changed_at']).execute();

	await db.schema
		.createTable('refill_point')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('open_water','put','brandkraan_secundair')`))
		.addColumn('lat', 'double precision', (c) => c.notNull())
		.addColumn('lon', 'double precision', (c) => c.notNull())
		.addColumn('fill_rate_lpm', 'integer', (c) => c.notNull().check(sql`fill_rate_lpm > 0`))
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.execute();

	await db.schema
		.createTable('water_request')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id').onDelete('cascade'))
		.addColumn('place', 'text', (c) => c.notNull())
		.addColumn('lat', 'double precision')
		.addColumn('lon', 'double precision')
		.addColumn('demand_lpm', 'integer', (c) => c.notNull().defaultTo(500).check(sql`demand_lpm > 0 and demand_lpm <= 100000`))
		.addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('ended_at', 'timestamptz')
		.addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		// Bumped by every change of the request or its assignments: clients keep the newest.
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('water_request_position_complete', sql`(lat is null) = (lon is null)`)
		.addCheckConstraint('water_request_ends_after_start', sql`ended_at is null or ended_at >= started_at`)
		.execute();
	await db.schema.createIndex('water_request_incident').on('water_request').columns(['incident_id', 'started_at']).execute();

	await db.schema
		.createTable('water_assignment')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('request_id', 'uuid', (c) => c.notNull().references('water_request.id').onDelete('cascade'))
		.addColumn('unit_id', 'uuid', (c) => c.notNull().references('water_unit.id'))
		.addColumn('assigned_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// The last arrival on scene with a full load (a shuttling unit arrives again and again).
		.addColumn('arrived_at', 'timestamptz')
		.addColumn('ended_at', 'timestamptz')
		.addColumn('litres_left', 'integer', (c) => c.check(sql`litres_left >= 0`))
		.addColumn('litres_left_at', 'timestamptz')
		.addColumn('litres_delivered', 'integer', (c) => c.notNull().defaultTo(0).check(sql`litres_delivered >= 0`))
		.addCheckConstraint('water_assignment_level_complete', sql`(litres_left is null) = (litres_left_at is null)`)
		.addCheckConstraint('water_assignment_ends_after_start', sql`ended_at is null or ended_at >= assigned_at`)
		.execute();
	await db.schema.createIndex('water_assignment_request').on('water_assignment').column('request_id').execute();
	// A unit works for one fire at a time: the database itself refuses a second open assignment.
	await db.schema
		.createIndex('water_assignment_one_open_per_unit')
		.on('water_assignment')
		.column('unit_id')
		.unique()
		.where(sql.ref('ended_at'), 'is', null)
		.execute();

	await db
		.insertInto('water_unit' as never)
		.values(
			FLEET.map((u) => ({
				code: u.code,
				kind: u.kind,
				station: u.station,
				capacity_litres: u.capacity,
				pump_rate_lpm: u.pump,
				crew: u.crew,
				home_lat: u.lat,
				home_lon: u.lon,
				lat: u.lat,
				lon: u.lon
			})) as never
		)
		.execute();
	await db
		.insertInto('refill_point' as never)
		.values(REFILL_POINTS.map((p) => ({ name: p.name, kind: p.kind, lat: p.lat, lon: p.lon, fill_rate_lpm: p.fill })) as never)
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('water_assignment').execute();
	await db.schema.dropTable('water_request').execute();
	await db.schema.dropTable('refill_point').execute();
	await db.schema.dropTable('water_unit_status_change').execute();
	await db.schema.dropTable('water_unit').execute();
}
