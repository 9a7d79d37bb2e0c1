// SQL for incidents: creating one, GRIP and status changes, archiving. Reading an incident is in
// incident-access/incident-record-queries.ts (re-exported here), which every capability shares.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { stampOrNow } from '../db/now.ts';
export { findIncident, incidentHeader, listIncidents, type IncidentRecord } from '../incident-access/incident-record-queries.ts';

type Db = Kysely<DB>;

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
