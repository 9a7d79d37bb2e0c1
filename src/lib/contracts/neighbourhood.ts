// What crosses the wire for the neighbourhood map of the safety plan (issue 18): wijken and buurten
// with their CBS code and outline, and the answer of
// GET /api/v1/safety-plans/:id/indicators/:indicatorId/areas — a GeoJSON FeatureCollection (RFC 7946,
// WGS84 longitude/latitude) with the indicator's figure per area. Framework-free.

export type NeighbourhoodKind = 'wijk' | 'buurt';

/** A closed ring of [longitude, latitude] positions. */
export type Ring = [number, number][];

export type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

/** A wijk or buurt as an import or the demo set gives it. */
export interface BoundaryArea {
	/** CBS code: WK + six digits for a wijk, BU + eight for a buurt. */
	code: string;
	kind: NeighbourhoodKind;
	name: string;
	/** Paraat's municipality code, e.g. heemskerk. */
	municipality: string;
	/** The wijk a buurt lies in; null for a wijk. */
	wijkCode: string | null;
	geometry: Geometry;
}

export interface AreaProperties {
	code: string;
	name: string;
	kind: NeighbourhoodKind;
	wijkCode: string | null;
	/** The figure for this area and year; null when there is none ("geen cijfer"). */
	value: number | null;
	/** Where the figure comes from and its date, so every number on the map can be traced. */
	source: string | null;
	measuredOn: string | null;
	/** Whether the figure is demo data. */
	valueIsDemo: boolean;
	/** Whether the outline is the shipped simplified demo outline, not CBS's geometry. */
	boundaryIsDemo: boolean;
	boundarySource: string;
}

export interface AreaFeature {
	type: 'Feature';
	id: string;
	properties: AreaProperties;
	geometry: Geometry;
}

/** The map's data: the areas of one level, with the indicator's figure for one year. */
export interface AreaFeatureCollection {
	type: 'FeatureCollection';
	features: AreaFeature[];
	/** Foreign members (RFC 7946 §6.1): what the figures are. */
	planId: string;
	indicatorId: string;
	municipality: string;
	level: NeighbourhoodKind;
	/** The year shown; null when the indicator has no figure per area yet. */
	year: number | null;
	/** Years with at least one figure per area of this level, oldest first. */
	years: number[];
	/** Levels that have boundaries in this municipality. */
	levels: NeighbourhoodKind[];
}
