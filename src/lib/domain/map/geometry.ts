// Whether a drawn geometry is one Paraat stores: valid GeoJSON (RFC 7946) of a point, line or
// area, in WGS84 within reach of Kennemerland (so swapped latitude and longitude are caught), rings
// closed, and small enough to send to every open map. Pure; the zod contract reports its messages.
import type { GeometryType } from './feature-types.ts';

/** Longitude and latitude the Netherlands and its coastal waters fit in (WGS84). */
export const MAP_BOUNDS = { west: 2.0, south: 50.5, east: 7.5, north: 55.9 } as const;
/** Points per geometry: a hand-drawn area has tens; a thousand is a traced coastline. */
export const MAX_POSITIONS = 2000;
export const MAX_RINGS = 20;

export type Position = [number, number];
export type Geometry =
	| { type: 'Point'; coordinates: Position }
	| { type: 'LineString'; coordinates: Position[] }
	| { type: 'Polygon'; coordinates: Position[][] };

export interface GeometryProblem {
	/** Path below `geometry`, e.g. `coordinates.0.3`. */
	path: (string | number)[];
	message: string;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function positionProblem(value: unknown, path: (string | number)[]): GeometryProblem | null {
	if (!Array.isArray(value) || value.length < 2 || value.length > 3 || !value.every(isNumber)) {
		return { path, message: 'Een coördinaat is een paar getallen [lengtegraad, breedtegraad].' };
	}
	const [lon, lat] = value as number[];
	if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90) {
		return { path, message: 'Een coördinaat ligt buiten de wereld: lengtegraad −180 tot 180, breedtegraad −90 tot 90.' };
	}
	if (lon! < MAP_BOUNDS.west || lon! > MAP_BOUNDS.east || lat! < MAP_BOUNDS.south || lat! > MAP_BOUNDS.north) {
		const swapped = lat! >= MAP_BOUNDS.west && lat! <= MAP_BOUNDS.east && lon! >= MAP_BOUNDS.south && lon! <= MAP_BOUNDS.north;
		return {
			path,
			message: swapped
				? 'Deze coördinaat ligt buiten Nederland; zijn lengte- en breedtegraad omgewisseld? GeoJSON noemt de lengtegraad eerst.'
				: 'Deze coördinaat ligt buiten Nederland en de kustwateren; teken alleen in het werkgebied.'
		};
	}
	return null;
}

function positionsProblem(list: unknown, path: (string | number)[], min: number, what: string): GeometryProblem | null {
	if (!Array.isArray(list)) return { path, message: `De coördinaten van ${what} moeten een lijst van punten zijn.` };
	if (list.length < min) return { path, message: `${what[0]!.toUpperCase()}${what.slice(1)} heeft minstens ${min} punten nodig.` };
	for (let i = 0; i < list.length; i++) {
		const problem = positionProblem(list[i], [...path, i]);
		if (problem) return problem;
	}
	return null;
}

const samePosition = (a: number[], b: number[]) => a[0] === b[0] && a[1] === b[1];

/** The first thing wrong with a geometry, or null when Paraat can store it. */
export function geometryProblem(geometry: { type: string; coordinates: unknown }): GeometryProblem | null {
	const c = geometry.coordinates;
	switch (geometry.type as GeometryType) {
		case 'Point':
			return positionProblem(c, ['coordinates']);
		case 'LineString': {
			const problem = positionsProblem(c, ['coordinates'], 2, 'een lijn');
			if (problem) return problem;
			if ((c as unknown[]).length > MAX_POSITIONS) return { path: ['coordinates'], message: `Een lijn mag hoogstens ${MAX_POSITIONS} punten hebben.` };
			return null;
		}
		case 'Polygon': {
			if (!Array.isArray(c) || c.length === 0) return { path: ['coordinates'], message: 'Een vlak heeft minstens één rand (een gesloten lijst van punten).' };
			if (c.length > MAX_RINGS) return { path: ['coordinates'], message: `Een vlak mag hoogstens ${MAX_RINGS} randen (gaten meegeteld) hebben.` };
			let total = 0;
			for (let r = 0; r < c.length; r++) {
				const problem = positionsProblem(c[r], ['coordinates', r], 4, 'de rand van een vlak');
				if (problem) return problem;
				const ring = c[r] as number[][];
				if (!samePosition(ring[0]!, ring[ring.length - 1]!)) {
					return { path: ['coordinates', r], message: 'De rand van een vlak moet gesloten zijn: het laatste punt is gelijk aan het eerste.' };
				}
				total += ring.length;
			}
			if (total > MAX_POSITIONS) return { path: ['coordinates'], message: `Een vlak mag hoogstens ${MAX_POSITIONS} punten hebben.` };
			return null;
		}
		default:
			return { path: ['type'], message: 'Teken een punt (Point), een lijn (LineString) of een vlak (Polygon).' };
	}
}

/** The geometry with every position cut to [lon, lat] at 7 decimals (about 1 cm): what is stored. */
export function normaliseGeometry(geometry: Geometry): Geometry {
	const p = (pos: number[]): Position => [Math.round(pos[0]! * 1e7) / 1e7, Math.round(pos[1]! * 1e7) / 1e7];
	switch (geometry.type) {
		case 'Point':
			return { type: 'Point', coordinates: p(geometry.coordinates) };
		case 'LineString':
			return { type: 'LineString', coordinates: geometry.coordinates.map(p) };
		case 'Polygon':
			return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(p)) };
	}
}

/** A point to show a feature by in a list: the point itself, or the mean of a line's or area's positions. */
export function geometryAnchor(geometry: Geometry): Position {
	const positions = geometry.type === 'Point' ? [geometry.coordinates] : geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates[0]!.slice(0, -1);
	const sum = positions.reduce((acc, [lon, lat]) => [acc[0] + lon, acc[1] + lat], [0, 0]);
	return [Math.round((sum[0] / positions.length) * 1e5) / 1e5, Math.round((sum[1] / positions.length) * 1e5) / 1e5];
}

/** The polygon ring of a rectangle or a square around a point, e.g. a quick area from the keyboard. */
export function squareAround([lon, lat]: Position, metres: number): Position[][] {
	const dLat = metres / 2 / 111_320;
	const dLon = metres / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
	const r = (n: number) => Math.round(n * 1e7) / 1e7;
	const ring: Position[] = [
		[r(lon - dLon), r(lat - dLat)],
		[r(lon + dLon), r(lat - dLat)],
		[r(lon + dLon), r(lat + dLat)],
		[r(lon - dLon), r(lat + dLat)]
	];
	return [[...ring, ring[0]!]];
}
