// SQL for incidents. Framework-free (the realtime layer authorises `incident:<id>` with it).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { stampOrNow } from '../clock.ts';
import type { IncidentRecord } from '../../contracts/incident.ts';
export type { IncidentRecord };

type Db = Kysely<DB>;

const base = (db: Db) =>
	db
		.selectFrom('incident')
		.innerJoin('appUser', 'appUser.id', 'incident.createdBy')
		.select([
			'incident.id',
			'incident.title',
			'incident.kind',
			'incident.incidentType',
			'incident.location',
			'incident.lat',
			'incident.lon',
			'incident.status',
			'incident.grip',
			'incident.affectedPeople',
			'incident.startedAt',
			'incident.createdAt',
			'incident.version',
			'incident.bevolkingszorgActivatedAt',
			'incident.archivedAt',
			'appUser.id as creatorId',
			'appUser.name as creatorName',
			sql<string[]>`coalesce((select array_agg(municipality_code order by municipality_code)
				from incident_municipality im where im.incident_id = incident.id), '{}')`.as('municipalities')
		]);

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): IncidentRecord {
	return {
		id: r.id,
		title: r.title,
		kind: r.kind as IncidentRecord['kind'],
		exercise: r.kind === 'oefening',
		type: r.incidentType,
		location: r.location,
		position: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
		status: r.status as IncidentRecord['status'],
		grip: r.grip,
		affectedPeople: r.affectedPeople,
		municipalities: r.municipalities,
		startedAt: r.startedAt.toISOString(),
		createdAt: r.createdAt.toISOString(),
		createdBy: { id: r.creatorId, name: r.creatorName },
		bevolkingszorgActivatedAt: r.bevolkingszorgActivatedAt?.toISOString() ?? null,
		archivedAt: r.archivedAt?.toISOString() ?? null,
		version: r.version
	};
}

export async function findIncident(db: Db, id: string): Promise<IncidentRecord | undefined> {
	const row = await base(db).where('incident.id', '=', id).executeTakeFirst();
	return row ? toRecord(row) : undefined;
}

/** For authorisation: does it exist, and is it an exercise? */
export async function incidentHeader(db: Db, id: string) {
	return db.selectFrom('incident').select(['id', 'kind', 'status', 'startedAt']).where('id', '=', id).executeTakeFirst();
}

export async function listIncidents(db: Db, options: { includeClosed: boolean; archived?: boolean }): Promise<IncidentRecord[]> {
	let query = base(db).orderBy('incident.startedAt', 'desc').limit(200);
	// The archive is a list of its own; the running lists never show archived exercises.
	query = options.archived ? query.where('incident.archivedAt', 'is not', null) : query.where('incident.archivedAt', 'is', null);
	if (!options.includeClosed && !options.archived) query = query.where('incident.status', '!=', 'gesloten');
	return (await query.execute()).map(toRecord);
}

export async function insertIncident(
	db: Db,
	values: {
		title: string;
		kind: string;
		incidentType: string | null;
		location: string | null;
		lat: number | null;
		lon: number | null;
		grip: number;
		affectedPeople: number | null;
		startedAt: Date;
		createdBy: string;
		/** Absent: now (see clock.ts). */
		createdAt?: Date;
	},
	municipalities: string[]
): Promise<string> {
	const { id } = await db.insertInto('incident').values(values).returning('id').executeTakeFirstOrThrow();
	await db
		.insertInto('incidentMunicipality')
		.values(municipalities.map((m) => ({ incidentId: id, municipalityCode: m })))
		.execute();
	return id;
}

export async function insertGripChange(
	db: Db,
	values: { incidentId: string; fromLevel: number | null; toLevel: number; reason: string; changedBy: string; changedAt?: Date }
) {
	await db.insertInto('gripChange').values(values).execute();
}

export async function gripHistory(db: Db, incidentId: string) {
	const rows = await db
		.selectFrom('gripChange')
		.innerJoin('appUser', 'appUser.id', 'gripChange.changedBy')
		.select(['gripChange.id', 'fromLevel', 'toLevel', 'reason', 'changedAt', 'appUser.name as changedByName', 'appUser.id as changedById'])
		.where('incidentId', '=', incidentId)
		.orderBy('changedAt')
		.orderBy('gripChange.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		from: r.fromLevel,
		to: r.toLevel,
		reason: r.reason,
		at: r.changedAt.toISOString(),
		by: { id: r.changedById, name: r.changedByName }
	}));
}

export async function gripLevels(db: Db) {
	return db.selectFrom('gripLevel').select(['level', 'label', 'description']).where('active', '=', true).orderBy('level').execute();
}

export async function updateIncidentState(db: Db, id: string, version: number, set: { grip?: number; status?: string }) {
	return db
		.updateTable('incident')
		.set({ ...set, version: sql`version + 1` })
		.where('id', '=', id)
		.where('version', '=', version)
		.returning('id')
		.executeTakeFirst();
}

export async function existingMunicipalities(db: Db, codes: string[]): Promise<string[]> {
	if (codes.length === 0) return [];
	const rows = await db.selectFrom('municipality').select('code').where('code', 'in', codes).execute();
	return rows.map((r) => r.code);
}

/** Marks bevolkingszorg active once; false when it already was (the row is locked until commit). */
export async function markBevolkingszorgActivated(db: Db, id: string, at?: Date): Promise<boolean> {
	const row = await db
		.updateTable('incident')
		.set({ bevolkingszorgActivatedAt: stampOrNow(at), version: sql`version + 1` })
		.where('id', '=', id)
		.where('bevolkingszorgActivatedAt', 'is', null)
		.returning('id')
		.executeTakeFirst();
	return !!row;
}

export async function markArchived(db: Db, id: string, version: number, at?: Date) {
	return db
		.updateTable('incident')
		.set({ archivedAt: stampOrNow(at), version: sql`version + 1` })
		.where('id', '=', id)
		.where('version', '=', version)
		.where('archivedAt', 'is', null)
		.returning('id')
		.executeTakeFirst();
}
