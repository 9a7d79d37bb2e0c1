// What every MapLibre map of Paraat shares: loading the library with its worker, and a style over
// PDOK's BRT-Achtergrondkaart with a plain background underneath, so the data is still drawn when
// the tiles cannot load (offline, or a meldkamer without internet access).
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';

export const PDOK_TILES = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';

/** Loads maplibre-gl in the browser; the bundle cannot find its worker by itself. */
export async function loadMapLibre(): Promise<typeof import('maplibre-gl')> {
	const [maplibre, worker] = await Promise.all([import('maplibre-gl'), import('maplibre-gl/dist/maplibre-gl-worker.mjs?url')]);
	maplibre.setWorkerUrl(worker.default);
	return maplibre;
}

/** The PDOK background with the map's own sources and layers on top. */
export function pdokStyle(sources: Record<string, SourceSpecification>, layers: LayerSpecification[]): StyleSpecification {
	return {
		version: 8,
		sources: {
			brt: { type: 'raster', tiles: [PDOK_TILES], tileSize: 256, attribution: 'Kaartgegevens © Kadaster (PDOK, BRT-Achtergrondkaart)' },
			...sources
		},
		layers: [{ id: 'achtergrond', type: 'background', paint: { 'background-color': '#e3e9ef' } }, { id: 'brt', type: 'raster', source: 'brt' }, ...layers]
	};
}
