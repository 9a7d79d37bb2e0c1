// Reading the CBS "Wijk- en buurtkaart" as GeoJSON (from PDOK's OGC API or WFS, or exported from the
// CBS GeoPackage): the wijken or buurten of Kennemerland's nine municipalities, their names and
// their outlines in WGS84. Files come in RD New (EPSG:28992) or in WGS84; RD is reprojected with
// proj4. Pure: the import (neighbourhood-import.ts) writes what this yields; the tests feed it files.
import proj4 from 'proj4';
import type { BoundaryArea, Geometry, Ring } from '../../contracts/neighbourhood.ts';

/**
 * RD New with the seven-parameter datum shift to WGS84 (EPSG's own definition, as epsg.io gives it
 * for proj4): within about a metre, plenty for drawing neighbourhoods. RDNAPTRANS would be exact.
 */
const RD_NEW = '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
const fromRd = proj4(RD_NEW, 'WGS84');

export type Crs = 'rd' | 'wgs84' | 'wgs84-latlon';

/** Six decimals of a degree is about ten centimetres: more would only make the rows bigger. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

export interface BoundaryMunicipality {
	/** Paraat's code, e.g. heemskerk */
	code: string;
	/** CBS's code, e.g. GM0396 */
	cbsCode: string;
}

export interface BoundaryFile {
	areas: BoundaryArea[];
	crs: Crs | null;
	/** Features of other municipalities, left out. */
	otherMunicipalities: number;
	/** Water parts (`water` = JA), left out: the map shows land. */
	water: number;
	errors: string[];
}

/** The property names of the 2022 and later files (lower case) and of the 2021 and older ones. */
const NAMES = {
	buurtCode: ['buurtcode', 'bu_code'],
	buurtName: ['buurtnaam', 'bu_naam'],
	wijkCode: ['wijkcode', 'wk_code'],
	wijkName: ['wijknaam', 'wk_naam'],
	gemeenteCode: ['gemeentecode', 'gm_code'],
	water: ['water']
} as const;

const MAX_LISTED = 20;

function crsOf(collection: Record<string, unknown>): Crs | 'onbekend' | null {
	const crs = collection.crs as { properties?: { name?: unknown } } | undefined;
	const name = typeof crs?.properties?.name === 'string' ? crs.properties.name : null;
	if (name === null) return null;
	if (/28992/.test(name)) return 'rd';
	// OGC's urn for EPSG:4326 puts latitude first; CRS84 and plain EPSG:4326 in GeoJSON longitude first.
	if (/^urn:ogc:def:crs:EPSG::?4326$/i.test(name)) return 'wgs84-latlon';
	if (/CRS84|4326/i.test(name)) return 'wgs84';
	return 'onbekend';
}

/** Without a `crs` member: what the numbers must be (RD metres, or degrees around the Netherlands). */
export function guessCrs(x: number, y: number): Crs | null {
	if (x >= -10_000 && x <= 300_000 && y >= 280_000 && y <= 640_000) return 'rd';
	if (x >= 2 && x <= 8 && y >= 50 && y <= 54) return 'wgs84';
	if (x >= 50 && x <= 54 && y >= 2 && y <= 8) return 'wgs84-latlon';
	return null;
}

/** A position in WGS84 longitude, latitude. */
export function toWgs84(position: readonly number[], crs: Crs): [number, number] {
	const [a, b] = [Number(position[0]), Number(position[1])];
	if (crs === 'rd') {
		const [lon, lat] = fromRd.forward([a, b]);
		return [round(lon!), round(lat!)];
	}
	return crs === 'wgs84' ? [round(a), round(b)] : [round(b), round(a)];
}

function firstPosition(geometry: unknown): number[] | null {
	let at: unknown = (geometry as { coordinates?: unknown } | null)?.coordinates;
	while (Array.isArray(at) && Array.isArray(at[0])) at = at[0];
	return Array.isArray(at) && typeof at[0] === 'number' && typeof at[1] === 'number' ? (at as number[]) : null;
}

const isPosition = (p: unknown): p is number[] => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
const isRing = (r: unknown): r is number[][] => Array.isArray(r) && r.length >= 4 && r.every(isPosition);
const isPolygon = (p: unknown): p is number[][][] => Array.isArray(p) && p.length >= 1 && p.every(isRing);

function polygonsOf(geometry: unknown): number[][][][] | null {
	const g = geometry as { type?: unknown; coordinates?: unknown } | null;
	if (g?.type === 'Polygon' && isPolygon(g.coordinates)) return [g.coordinates];
	if (g?.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygon)) return g.coordinates as number[][][][];
	return null;
}

function text(props: Record<string, unknown>, names: readonly string[]): string {
	for (const name of names) {
		const v = props[name];
		if (typeof v === 'string' && v.trim() !== '') return v.trim();
		if (typeof v === 'number') return String(v);
	}
	return '';
}

/**
 * Reads a wijken or buurten file. Whatever is wrong is listed (up to twenty reasons, in Dutch); a
 * file with any error must not be imported. Features of other municipalities and water parts are
 * left out and counted; several features with one code (land split in parts) become one MultiPolygon.
 */
export function readBoundaryFile(content: string, municipalities: readonly BoundaryMunicipality[]): BoundaryFile {
	const none = (message: string): BoundaryFile => ({ areas: [], crs: null, otherMunicipalities: 0, water: 0, errors: [message] });
	let parsed: unknown;
	try {
		parsed = JSON.parse(content.replace(/^\uFEFF/, ''));
	} catch (err) {
		return none(`Het bestand is geen geldige GeoJSON: ${err instanceof Error ? err.message : String(err)}.`);
	}
	const collection = parsed as Record<string, unknown> | null;
	if (!collection || typeof collection !== 'object' || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
		return none('Het bestand is geen GeoJSON FeatureCollection. Download de laag wijken of buurten van de CBS Wijk- en buurtkaart als GeoJSON.');
	}
	const declared = crsOf(collection);
	if (declared === 'onbekend') {
		const name = (collection.crs as { properties: { name: string } }).properties.name;
		return none(`Onbekend coördinatenstelsel ${name}: gebruik RD New (EPSG:28992) of WGS84 (EPSG:4326).`);
	}
	const features = collection.features as { properties?: unknown; geometry?: unknown }[];
	const first = features.map((f) => firstPosition(f?.geometry)).find((p) => p !== null);
	const crs = declared ?? (first ? guessCrs(first[0]!, first[1]!) : null);
	if (features.length > 0 && crs === null) {
		return none('Het coördinatenstelsel is niet te herkennen: de coördinaten zijn geen RD New (EPSG:28992) en geen WGS84 rond Nederland.');
	}

	const byCbs = new Map(municipalities.map((m) => [m.cbsCode, m.code]));
	const errors: string[] = [];
	const areas = new Map<string, BoundaryArea>();
	let otherMunicipalities = 0;
	let water = 0;
	let withCode = 0;
	features.forEach((feature, i) => {
		const props: Record<string, unknown> = {};
		for (const [k, v] of Object.entries((feature?.properties as Record<string, unknown> | null) ?? {})) props[k.toLowerCase()] = v;
		const buurt = text(props, NAMES.buurtCode).toUpperCase();
		const code = buurt || text(props, NAMES.wijkCode).toUpperCase();
		if (code === '') return;
		withCode++;
		const kind = buurt ? 'buurt' : 'wijk';
		const label = `Object ${i + 1} (${code})`;
		const pattern = kind === 'buurt' ? /^BU(\d{4})\d{4}$/ : /^WK(\d{4})\d{2}$/;
		const match = pattern.exec(code);
		if (!match) {
			if (errors.length < MAX_LISTED) errors.push(`${label}: "${code}" is geen CBS-${kind}code (${kind === 'buurt' ? 'BU en acht cijfers' : 'WK en zes cijfers'}).`);
			return;
		}
		const gm = `GM${match[1]}`;
		const declaredGm = text(props, NAMES.gemeenteCode).toUpperCase();
		if (declaredGm !== '' && declaredGm !== gm) {
			if (errors.length < MAX_LISTED) errors.push(`${label}: de gemeentecode ${declaredGm} past niet bij de code (${gm}).`);
			return;
		}
		const municipality = byCbs.get(gm);
		if (!municipality) {
			otherMunicipalities++;
			return;
		}
		if (text(props, NAMES.water).toUpperCase() === 'JA') {
			water++;
			return;
		}
		const name = text(props, kind === 'buurt' ? NAMES.buurtName : NAMES.wijkName);
		const polygons = polygonsOf(feature?.geometry);
		const problems: string[] = [];
		if (name === '') problems.push(`geen ${kind}naam`);
		if (!polygons) problems.push(`geen vlak (Polygon of MultiPolygon) maar ${String((feature?.geometry as { type?: unknown } | null)?.type ?? 'geen geometrie')}`);
		if (problems.length > 0) {
			if (errors.length < MAX_LISTED) errors.push(`${label}: ${problems.join('; ')}.`);
			return;
		}
		const projected: Ring[][] = polygons!.map((polygon) => polygon.map((ring) => ring.map((p) => toWgs84(p, crs!))));
		const known = areas.get(code);
		if (known) {
			known.geometry = { type: 'MultiPolygon', coordinates: [...coordinatesOf(known.geometry), ...projected] };
			return;
		}
		const geometry: Geometry = projected.length === 1 ? { type: 'Polygon', coordinates: projected[0]! } : { type: 'MultiPolygon', coordinates: projected };
		areas.set(code, { code, kind, name, municipality, wijkCode: kind === 'buurt' ? `WK${code.slice(2, 8)}` : null, geometry });
	});
	if (errors.length === 0 && withCode === 0) {
		errors.push('Geen wijken of buurten in dit bestand: verwacht de eigenschappen wijkcode/wijknaam of buurtcode/buurtnaam (of WK_CODE/BU_CODE) van de CBS Wijk- en buurtkaart.');
	} else if (errors.length === 0 && areas.size === 0 && otherMunicipalities > 0) {
		errors.push('Geen wijk of buurt van de negen gemeenten van Kennemerland in dit bestand.');
	}
	return { areas: [...areas.values()], crs, otherMunicipalities, water, errors };
}

function coordinatesOf(geometry: Geometry): Ring[][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
