// SQL of the incident map's drawn features and their history.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { stampOrNow } from '../db/now.ts';
import type { FeatureType } from '../../domain/map/feature-types.ts';
import type { Geometry } from '../../domain/map/geometry.ts';
import type { MapFeatureRecord } from '../../contracts/map-feature.ts';

type Db = Kysely<DB>;

const base = (db: Db) =>
	db
		.selectFrom('mapFeature')
		.innerJoin('appUser', 'appUser.id', 'mapFeature.updatedBy')
		.innerJoin('incident', 'incident.id', 'mapFeature.incidentId')
		.select([
			'mapFeature.id',
			'mapFeature.incidentId',
			'mapFeature.type',
			'mapFeature.label',
			'mapFeature.colour',
			'mapFeature.geometry',
			'mapFeature.version',
			'mapFeature.updatedAt',
			'mapFeature.updatedBy',
			'mapFeature.deletedAt',
			'appUser.name as updatedByName',
			'incident.kind'
		]);

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): MapFeatureRecord {
	return {
		type: 'Feature',
		id: r.id,
		geometry: r.geometry as unknown as Geometry,
		properties: {
			id: r.id,
			incidentId: r.incidentId,
			type: r.type as FeatureType,
			label: r.label,
			colour: r.colour,
			version: r.version,
			updatedAt: r.updatedAt.toISOString(),
			updatedBy: { id: r.updatedBy, name: r.updatedByName },
			deletedAt: r.deletedAt?.toISOString() ?? null,
			exercise: r.kind === 'oefening'
		}
	};
}

/** The live (not deleted) features of an incident, oldest first (drawn later lies on top). */
export async function listFeatures(db: Db, incidentId: string): Promise<MapFeatureRecord[]> {
	const rows = await base(db).where('mapFeature.incidentId', '=', incidentId).where('mapFeature.deletedAt', 'is', null).orderBy('mapFeature.createdAt').orderBy('mapFeature.id').execute();
	return rows.map(toRecord);
}

/** One feature, deleted or not. */
export async function findFeature(db: Db, id: string): Promise<MapFeatureRecord | undefined> {
	const row = await base(db).where('mapFeature.id', '=', id).executeTakeFirst();
	return row ? toRecord(row) : undefined;
}

export async function insertFeature(
	db: Db,
	values: { incidentId: string; type: FeatureType; label: string; colour: string | null; geometry: Geometry; userId: string; at?: Date }
): Promise<string> {
	const row = await db
		.insertInto('mapFeature')
		.values({
			incidentId: values.incidentId,
			type: values.type,
			label: values.label,
			colour: values.colour,
			geometry: JSON.stringify(values.geometry),
			createdBy: values.userId,
			updatedBy: values.userId,
			createdAt: stampOrNow(values.at),
			updatedAt: stampOrNow(values.at)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Changes a live feature still at `version`; false when it is stale or deleted. */
export async function updateFeature(
	db: Db,
	id: string,
	version: number,
	values: { type?: FeatureType; label?: string; colour?: string | null; geometry?: Geometry; deleted?: boolean; userId: string; at?: Date }
): Promise<boolean> {
	const row = await db
		.updateTable('mapFeature')
		.set({
			...(values.type !== undefined ? { type: values.type } : {}),
			...(values.label !== undefined ? { label: values.label } : {}),
			...(values.colour !== undefined ? { colour: values.colour } : {}),
			...(values.geometry !== undefined ? { geometry: JSON.stringify(values.geometry) } : {}),
			...(values.deleted ? { deletedAt: stampOrNow(values.at) } : {}),
			updatedBy: values.userId,
			updatedAt: stampOrNow(values.at),
			version: sql`version + 1`
		})
		.where('id', '=', id)
		.where('version', '=', version)
		.where('deletedAt', 'is', null)
		.returning('id')
		.executeTakeFirst();
	return !!row;
}

export async function insertFeatureChange(
	db: Db,
	values: { featureId: string; version: number; incidentId: string; action: 'created' | 'updated' | 'deleted'; type: string; label: string; geometryType: string; fields: string[]; userId: string; at?: Date }
): Promise<void> {
	await db
		.insertInto('mapFeatureChange')
		.values({
			featureId: values.featureId,
			version: values.version,
			incidentId: values.incidentId,
			action: values.action,
			type: values.type,
			label: values.label,
			geometryType: values.geometryType,
			fields: values.fields,
			changedBy: values.userId,
			changedAt: stampOrNow(values.at)
		})
		.execute();
}

/** Every change of every feature of an incident, in time order, with who made it. */
export async function featureChangesOfIncident(db: Db, incidentId: string) {
	return db
		.selectFrom('mapFeatureChange')
		.innerJoin('appUser', 'appUser.id', 'mapFeatureChange.changedBy')
		.select(['featureId', 'version', 'action', 'type', 'label', 'geometryType', 'fields', 'changedAt', 'appUser.name'])
		.where('incidentId', '=', incidentId)
		.orderBy('changedAt')
		.orderBy('version')
		.execute();
}

/** Locks the incident row for a map change (one writer at a time per incident) and reads its state. */
export async function lockIncidentForMap(db: Db, incidentId: string) {
	return db.selectFrom('incident').select(['id', 'kind', 'status']).where('id', '=', incidentId).forNoKeyUpdate().executeTakeFirst();
}
