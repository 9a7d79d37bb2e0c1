// The incident map in the browser: merging loaded and live features by version, and the API calls.
import { apiRequest, type ApiResult } from './api';
import { mergeByVersion } from './merge';
import type { MapFeatureRecord, NewFeatureInput } from '$lib/contracts/map-feature';
import type { Geometry } from '$lib/domain/map/geometry';
import type { FeatureType } from '$lib/domain/map/feature-types';
import type { AddressPlace, PlaceSearchResult } from '$lib/contracts/place';

type Versioned = MapFeatureRecord & { version: number };
const versioned = (f: MapFeatureRecord): Versioned => ({ ...f, version: f.properties.version });

/** Lays `incoming` over `known` when it is newer; a deletion is a newer version with deletedAt. */
export function mergeFeature(known: Readonly<Record<string, MapFeatureRecord>>, incoming: MapFeatureRecord): Record<string, MapFeatureRecord> {
	const byVersion: Record<string, Versioned> = {};
	for (const [id, f] of Object.entries(known)) byVersion[id] = versioned(f);
	const merged = mergeByVersion(byVersion, versioned(incoming), incoming.id);
	if (merged === byVersion) return known as Record<string, MapFeatureRecord>;
	return { ...known, [incoming.id]: incoming };
}

/** The features still on the map, oldest first (as the server lists them). */
export function liveFeatures(all: Readonly<Record<string, MapFeatureRecord>>): MapFeatureRecord[] {
	return Object.values(all).filter((f) => !f.properties.deletedAt);
}

export const addFeature = (incidentId: string, body: { geometry: Geometry; type: FeatureType; label: string; colour?: string | null }) =>
	apiRequest<MapFeatureRecord>('POST', `/api/v1/incidents/${incidentId}/features`, {
		type: 'Feature',
		geometry: body.geometry,
		properties: { type: body.type, label: body.label, colour: body.colour ?? null }
	} satisfies NewFeatureInput);

export const changeFeature = (id: string, body: { version: number; geometry?: Geometry; type?: FeatureType; label?: string; colour?: string | null }) =>
	apiRequest<MapFeatureRecord>('PATCH', `/api/v1/features/${id}`, body);

export const deleteFeature = (id: string, version: number) => apiRequest<MapFeatureRecord>('DELETE', `/api/v1/features/${id}`, { version });

/** The record the server sent with a 409 (`current`), when there is one. */
export function conflictCurrent(result: ApiResult<MapFeatureRecord>): MapFeatureRecord | null {
	if (result.ok || result.error.status !== 409) return null;
	const current = result.error.body.current as MapFeatureRecord | undefined;
	return current?.type === 'Feature' ? current : null;
}

export const searchPlaces = (q: string) => apiRequest<PlaceSearchResult>('GET', `/api/v1/places?q=${encodeURIComponent(q)}`);
export const lookupPlace = (id: string) => apiRequest<AddressPlace>('GET', `/api/v1/places/${encodeURIComponent(id)}`);
