// An incident as every capability reads it (crisis, tasks, logbook, injects, bluswater): the
// record, one by id, the running list, and the header the realtime layer authorises with. Below
// the incidents folder, so the capabilities that work inside an incident need not import it.
// Framework-free (relative `.ts` imports): the realtime layer loads it.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { IncidentRecord } from '../../contracts/incident.ts';

type Db = Kysely<DB>;

export type { IncidentRecord };

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
