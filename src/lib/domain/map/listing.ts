// The incident map as a list: what a SITRAP freezes, what the keyboard list and the print show.
// Each item says its type, name, shape and where it is, so the list stands on its own without the map.
import { FEATURE_STYLES, GEOMETRY_LABELS, featureColour, type FeatureType } from './feature-types.ts';
import { geometryAnchor, type Geometry } from './geometry.ts';

export interface MapListItem {
	id: string;
	type: FeatureType;
	typeLabel: string;
	label: string;
	/** punt, lijn or vlak. */
	shape: string;
	colour: string;
	/** The point itself, or the middle of a line's or area's points. */
	anchor: { lat: number; lon: number };
	version: number;
}

export function mapListItem(feature: { id: string; geometry: Geometry; properties: { type: FeatureType; label: string; colour: string | null; version: number } }): MapListItem {
	const [lon, lat] = geometryAnchor(feature.geometry);
	return {
		id: feature.id,
		type: feature.properties.type,
		typeLabel: FEATURE_STYLES[feature.properties.type].label,
		label: feature.properties.label,
		shape: GEOMETRY_LABELS[feature.geometry.type],
		colour: featureColour(feature.properties.type, feature.properties.colour),
		anchor: { lat, lon },
		version: feature.properties.version
	};
}

/** Sorted as a reader scans it: by type in the legend's order, then by name. */
export function mapListing<F extends Parameters<typeof mapListItem>[0]>(features: F[]): MapListItem[] {
	const order = Object.keys(FEATURE_STYLES);
	return features
		.map(mapListItem)
		.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || a.label.localeCompare(b.label, 'nl'));
}

/** "Evacuatiegebied «Noord» (vlak) bij 52.38012, 4.63521". */
export function mapListSentence(item: MapListItem): string {
	return `${item.typeLabel} «${item.label}» (${item.shape}) bij ${item.anchor.lat.toFixed(5)}, ${item.anchor.lon.toFixed(5)}`;
}
