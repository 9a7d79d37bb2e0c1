// The incident map you work on together: the crisis team and the disciplines draw points, lines
// and areas; every change is versioned (a stale one gets 409 with the current feature), audited,
// written to the feature's history (the evaluation timeline reads it) and published on
// `incident:<id>` in its own transaction, so every open map follows.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { transact } from '../db/transaction';
import type { SessionUser } from '../auth/roles';
import { writeAudit } from '../audit/audit';
import { publish } from '../realtime/event-log';
import { ServiceError, VersionConflictError, forbidden, notFound } from '../errors';
import { isUuid } from '../ids';
import type { Clocked } from '../clock';
import { canOnIncident, requireReadableIncident } from '../incident-access/incident-access';
import type { IncidentRecord } from '../incident-access/incident-record-queries';
import { FEATURE_STYLES, GEOMETRY_LABELS } from '../../domain/map/feature-types';
import { normaliseGeometry } from '../../domain/map/geometry';
import { overtakenSentence } from '../../domain/wording/changes';
import type { FeatureChangeInput, FeatureDeleteInput, MapFeatureCollection, MapFeatureRecord, NewFeatureInput } from '../../contracts/map-feature';
import { findFeature, insertFeature, insertFeatureChange, listFeatures, lockIncidentForMap, updateFeature } from './map-queries';

interface Ctx extends Clocked {
	ip: string | null;
}

/** Whether this user may draw on this incident's map now. */
export function canDraw(user: SessionUser, incident: IncidentRecord): boolean {
	return incident.status !== 'gesloten' && canOnIncident(user, 'map.draw', incident);
}

const refusal = () => forbidden('Je mag op deze kaart niet tekenen; dat doen het crisisteam en de disciplines die aan het incident werken.');
const closed = () => new ServiceError(409, 'incident_closed', 'Dit incident is gesloten; de kaart verandert niet meer.');

/** The wording of a stale edit's 409: who changed the feature, and that yours was not saved. */
export function featureConflictMessage(current: MapFeatureRecord): string {
	const what = `«${current.properties.label}»`;
	if (current.properties.deletedAt) {
		return `${current.properties.updatedBy.name} heeft ${what} van de kaart verwijderd. Je wijziging is niet opgeslagen.`;
	}
	return `${overtakenSentence(what, current.properties.updatedBy.name, current.properties.updatedAt)} Je wijziging is niet opgeslagen: bekijk de kaart en wijzig opnieuw.`;
}

export async function featuresOf(db: Kysely<DB>, user: SessionUser, incidentId: string): Promise<MapFeatureCollection> {
	await requireReadableIncident(db, user, incidentId);
	return { type: 'FeatureCollection', features: await listFeatures(db, incidentId) };
}

/** The download: a GeoJSON file of the live features, with the incident and the OEFENING mark. */
export async function featuresExport(db: Kysely<DB>, user: SessionUser, incidentId: string, ctx: Ctx) {
	const incident = await requireReadableIncident(db, user, incidentId);
	const features = await listFeatures(db, incidentId);
	await writeAudit(db, { actorId: user.id, action: 'map.exported', entityType: 'incident', entityId: incidentId, ip: ctx.ip, details: { format: 'geojson', exercise: incident.exercise } });
	return {
		incident,
		geojson: {
			type: 'FeatureCollection' as const,
			// Foreign members (RFC 7946 §6.1): what the file is about, readable by people and GIS alike.
			name: `${incident.exercise ? 'OEFENING — ' : ''}${incident.title}`,
			exercise: incident.exercise,
			exportedAt: new Date().toISOString(),
			features: features.map((f) => ({
				...f,
				properties: { ...f.properties, typeLabel: FEATURE_STYLES[f.properties.type].label, colour: f.properties.colour ?? FEATURE_STYLES[f.properties.type].colour }
			}))
		}
	};
}

async function audit(trx: Kysely<DB>, user: SessionUser, action: string, feature: MapFeatureRecord, fields: string[], ctx: Ctx) {
	await writeAudit(trx, {
		actorId: user.id,
		action,
		entityType: 'incident',
		entityId: feature.properties.incidentId,
		ip: ctx.ip,
		at: ctx.now,
		details: {
			featureId: feature.id,
			soort: FEATURE_STYLES[feature.properties.type].label,
			naam: feature.properties.label,
			vorm: GEOMETRY_LABELS[feature.geometry.type],
			version: feature.properties.version,
			...(fields.length ? { fields } : {}),
			exercise: feature.properties.exercise
		}
	});
}

async function record(trx: Transaction<DB>, user: SessionUser, feature: MapFeatureRecord, action: 'created' | 'updated' | 'deleted', fields: string[], ctx: Ctx) {
	await insertFeatureChange(trx, {
		featureId: feature.id,
		version: feature.properties.version,
		incidentId: feature.properties.incidentId,
		action,
		type: feature.properties.type,
		label: feature.properties.label,
		geometryType: feature.geometry.type,
		fields,
		userId: user.id,
		at: ctx.now
	});
	await audit(trx, user, `map.feature.${action}`, feature, fields, ctx);
	await publish(trx, {
		topic: `incident:${feature.properties.incidentId}`,
		type: `map.feature.${action}`,
		data: feature,
		actor: { id: user.id, name: user.name },
		exercise: feature.properties.exercise,
		at: ctx.now
	});
}

export async function addFeature(db: Kysely<DB>, user: SessionUser, incidentId: string, input: NewFeatureInput, ctx: Ctx): Promise<MapFeatureRecord> {
	const incident = await requireReadableIncident(db, user, incidentId);
	if (!canOnIncident(user, 'map.draw', incident)) throw refusal();
	return transact(db, async (trx) => {
		const locked = await lockIncidentForMap(trx, incidentId);
		if (!locked) throw notFound('Dit incident bestaat niet meer.');
		if (locked.status === 'gesloten') throw closed();
		const id = await insertFeature(trx, {
			incidentId,
			type: input.properties.type,
			label: input.properties.label,
			colour: input.properties.colour ?? null,
			geometry: normaliseGeometry(input.geometry),
			userId: user.id,
			at: ctx.now
		});
		const feature = (await findFeature(trx, id))!;
		await record(trx, user, feature, 'created', [], ctx);
		return feature;
	});
}

/** Reads the feature and its incident, and asks the policy; inside the change's transaction. */
async function lockedFeatureForChange(trx: Transaction<DB>, user: SessionUser, id: string): Promise<MapFeatureRecord> {
	const feature = isUuid(id) ? await findFeature(trx, id) : undefined;
	if (!feature) throw notFound('Dit kaartobject bestaat niet.');
	const incident = await requireReadableIncident(trx, user, feature.properties.incidentId);
	if (!canOnIncident(user, 'map.draw', incident)) throw refusal();
	const locked = await lockIncidentForMap(trx, incident.id);
	if (locked?.status === 'gesloten') throw closed();
	return feature;
}

const FIELD_WORDS = { geometry: 'vorm', type: 'soort', label: 'naam', colour: 'kleur' } as const;

export async function changeFeature(db: Kysely<DB>, user: SessionUser, id: string, input: FeatureChangeInput, ctx: Ctx): Promise<MapFeatureRecord> {
	return transact(db, async (trx) => {
		const before = await lockedFeatureForChange(trx, user, id);
		const values = {
			type: input.type,
			label: input.label,
			colour: input.colour,
			geometry: input.geometry ? normaliseGeometry(input.geometry) : undefined
		};
		const written = await updateFeature(trx, id, input.version, { ...values, userId: user.id, at: ctx.now });
		const current = (await findFeature(trx, id))!;
		if (!written) throw new VersionConflictError(current, featureConflictMessage(current));
		const fields = (Object.keys(FIELD_WORDS) as (keyof typeof FIELD_WORDS)[])
			.filter((k) => values[k] !== undefined && JSON.stringify(values[k]) !== JSON.stringify(k === 'geometry' ? before.geometry : before.properties[k]))
			.map((k) => FIELD_WORDS[k]);
		await record(trx, user, current, 'updated', fields, ctx);
		return current;
	});
}

export async function deleteFeature(db: Kysely<DB>, user: SessionUser, id: string, input: FeatureDeleteInput, ctx: Ctx): Promise<MapFeatureRecord> {
	return transact(db, async (trx) => {
		await lockedFeatureForChange(trx, user, id);
		const written = await updateFeature(trx, id, input.version, { deleted: true, userId: user.id, at: ctx.now });
		const current = (await findFeature(trx, id))!;
		if (!written) throw new VersionConflictError(current, featureConflictMessage(current));
		await record(trx, user, current, 'deleted', [], ctx);
		return current;
	});
}
