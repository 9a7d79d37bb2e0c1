// The shipped demo set of wijken (and, for Heemskerk, buurten) of the three demo plans' municipalities.
// SIMPLIFIED DEMO BOUNDARIES, NOT CBS'S GEOMETRY: Paraat is built without internet access, so each
// municipality is cut into four rectangles placed roughly where the municipality lies, named after
// their compass direction. The codes follow CBS's scheme (WK + the municipality's CBS code + a wijk
// number, BU + the wijk's digits + a buurt number) but the division is not CBS's; the import of the
// real Wijk- en buurtkaart (`npm run import:wijken`) replaces it. Stored with is_demo.
import type { BoundaryArea, Ring } from '../../contracts/neighbourhood.ts';

export const DEMO_BOUNDARY_SOURCE = 'Vereenvoudigde demogrenzen, niet de CBS-geometrie';

/** A rectangle from west, south, east, north (longitude, latitude), closed, counter-clockwise. */
function box(west: number, south: number, east: number, north: number): { type: 'Polygon'; coordinates: Ring[] } {
	return {
		type: 'Polygon',
		coordinates: [
			[
				[west, south],
				[east, south],
				[east, north],
				[west, north],
				[west, south]
			]
		]
	};
}

interface DemoExtent {
	municipality: string;
	/** CBS's four digits of the municipality (GM0396 → 0396). */
	gm: string;
	west: number;
	south: number;
	east: number;
	north: number;
}

const EXTENTS: DemoExtent[] = [
	{ municipality: 'heemskerk', gm: '0396', west: 4.636, south: 52.497, east: 4.704, north: 52.531 },
	{ municipality: 'beverwijk', gm: '0375', west: 4.598, south: 52.466, east: 4.69, north: 52.497 },
	{ municipality: 'heemstede', gm: '0397', west: 4.585, south: 52.335, east: 4.655, north: 52.368 }
];

const QUARTERS = [
	{ number: '01', name: 'Noordwest', col: 0, row: 1 },
	{ number: '02', name: 'Noordoost', col: 1, row: 1 },
	{ number: '03', name: 'Zuidwest', col: 0, row: 0 },
	{ number: '04', name: 'Zuidoost', col: 1, row: 0 }
] as const;

/** Heemskerk's buurten: each demo wijk cut in a western and an eastern half. */
const BUURT_MUNICIPALITY = 'heemskerk';

function demoAreas(): BoundaryArea[] {
	const areas: BoundaryArea[] = [];
	for (const e of EXTENTS) {
		const midLon = Math.round(((e.west + e.east) / 2) * 1e4) / 1e4;
		const midLat = Math.round(((e.south + e.north) / 2) * 1e4) / 1e4;
		for (const q of QUARTERS) {
			const west = q.col === 0 ? e.west : midLon;
			const east = q.col === 0 ? midLon : e.east;
			const south = q.row === 0 ? e.south : midLat;
			const north = q.row === 0 ? midLat : e.north;
			const wijk = `WK${e.gm}${q.number}`;
			areas.push({ code: wijk, kind: 'wijk', name: `${q.name} (demo)`, municipality: e.municipality, wijkCode: null, geometry: box(west, south, east, north) });
			if (e.municipality !== BUURT_MUNICIPALITY) continue;
			const half = Math.round(((west + east) / 2) * 1e4) / 1e4;
			areas.push({ code: `BU${e.gm}${q.number}01`, kind: 'buurt', name: `${q.name}-West (demo)`, municipality: e.municipality, wijkCode: wijk, geometry: box(west, south, half, north) });
			areas.push({ code: `BU${e.gm}${q.number}02`, kind: 'buurt', name: `${q.name}-Oost (demo)`, municipality: e.municipality, wijkCode: wijk, geometry: box(half, south, east, north) });
		}
	}
	return areas;
}

export const DEMO_AREAS: readonly BoundaryArea[] = demoAreas();

/**
 * How a demo plan's municipality-wide figure is spread over its demo wijken (demo data, invented):
 * a count is shared out by these weights (the last wijk takes the rest, so the parts add up), a
 * percentage varies around the municipality's figure by these offsets.
 */
export const DEMO_WIJK_WEIGHTS = [0.31, 0.19, 0.28, 0.22] as const;
export const DEMO_WIJK_OFFSETS = [-3, 2, 1, -1] as const;
