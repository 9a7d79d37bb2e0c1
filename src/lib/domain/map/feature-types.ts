// What can be drawn on an incident map, and how each kind looks. The colours follow the Dutch
// discipline colours of crisis maps (brandweer red, GHOR yellow, politie blue, gemeente and
// bevolkingszorg orange) and ISO 7010's green for an assembly point; docs/map.md names the sources
// and where Paraat had to choose itself. Pure: used by the server (SITRAP, export) and the map.

export const FEATURE_TYPES = ['afzetting', 'evacuatiegebied', 'opvanglocatie', 'verzamelpunt', 'brandweer_inzetgebied', 'copi_locatie'] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];

export const GEOMETRY_TYPES = ['Point', 'LineString', 'Polygon'] as const;
export type GeometryType = (typeof GEOMETRY_TYPES)[number];

export interface FeatureStyle {
	/** Dutch name, as the legend, the list and the SITRAP show it. */
	label: string;
	/** Default colour (#rrggbb); a feature may carry its own. */
	colour: string;
	/** Line dash in line widths, or null for a solid line. */
	dash: readonly number[] | null;
	/** Fill opacity of an area. */
	fillOpacity: number;
	/** The geometry a new feature of this type usually has (the drawing tool the form suggests). */
	usual: GeometryType;
}

export const FEATURE_STYLES: Record<FeatureType, FeatureStyle> = {
	// Red-and-white barrier tape: a dashed red line.
	afzetting: { label: 'Afzetting', colour: '#d52b1e', dash: [2, 1.5], fillOpacity: 0.1, usual: 'LineString' },
	// An area the gemeente evacuates: bevolkingszorg orange, hatched look by a dashed outline.
	evacuatiegebied: { label: 'Evacuatiegebied', colour: '#e17000', dash: [3, 2], fillOpacity: 0.25, usual: 'Polygon' },
	// Opvang is a bevolkingszorg process: gemeente orange.
	opvanglocatie: { label: 'Opvanglocatie', colour: '#e17000', dash: null, fillOpacity: 0.35, usual: 'Point' },
	// ISO 7010 E007 (assembly point) is white on green.
	verzamelpunt: { label: 'Verzamelpunt', colour: '#008a3e', dash: null, fillOpacity: 0.35, usual: 'Point' },
	// Brandweer red, solid.
	brandweer_inzetgebied: { label: 'Brandweer inzetgebied', colour: '#c00000', dash: null, fillOpacity: 0.2, usual: 'Polygon' },
	// The CoPI is multidisciplinary and has no discipline colour: Paraat's own dark blue.
	copi_locatie: { label: 'CoPI-locatie', colour: '#154273', dash: null, fillOpacity: 0.35, usual: 'Point' }
};

export const GEOMETRY_LABELS: Record<GeometryType, string> = { Point: 'punt', LineString: 'lijn', Polygon: 'vlak' };

export function isFeatureType(value: string): value is FeatureType {
	return (FEATURE_TYPES as readonly string[]).includes(value);
}

export function featureTypeLabel(type: string): string {
	return isFeatureType(type) ? FEATURE_STYLES[type].label : type;
}

/** The colour a feature is drawn in: its own, or its type's. */
export function featureColour(type: FeatureType, own: string | null | undefined): string {
	return own ?? FEATURE_STYLES[type].colour;
}
