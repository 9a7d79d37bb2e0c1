// Reading the CBS/PDOK Wijk- en buurtkaart as GeoJSON (issue 18, neighbourhoods): both property
// spellings, RD New reprojected to WGS84 (checked against known points), WGS84 as it is (also with
// latitude first), the nine municipalities only, water left out, parts joined, wrong files refused
// in Dutch — the shipped demo set is well-formed and where the municipalities lie, and the figure
// import holds area codes to the loaded wijken and buurten.
import { describe, expect, it } from 'vitest';
import { guessCrs, readBoundaryFile, toWgs84 } from '../../src/lib/server/safety-plan/neighbourhood-geojson.ts';
import { KENNEMERLAND } from '../../src/lib/domain/region.ts';
import { DEMO_AREAS } from '../../src/lib/server/demo/demo-neighbourhood-data.ts';
import { demoAreaFigures, spreadOverWijken } from '../../src/lib/server/demo/demo-neighbourhoods.ts';
import { checkFigureRows } from '../../src/lib/domain/safety-plan/figure-import.ts';

const square = (x: number, y: number, size: number) => [
	[
		[x, y],
		[x + size, y],
		[x + size, y + size],
		[x, y + size],
		[x, y]
	]
];
const file = (features: unknown[], crs?: string) =>
	JSON.stringify({ type: 'FeatureCollection', ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}), features });
const feature = (properties: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties, geometry: { type, coordinates } });

describe('reprojection', () => {
	it('puts RD New points where they are in WGS84 (within a metre)', () => {
		// Amersfoort, RD's origin, and a known point of the RDNAPTRANS validation set.
		const [lon, lat] = toWgs84([155000, 463000], 'rd');
		expect(lon).toBeCloseTo(5.387206, 5);
		expect(lat).toBeCloseTo(52.155174, 5);
		const heemskerk = toWgs84([104000, 505000], 'rd');
		expect(heemskerk[0]).toBeGreaterThan(4.63);
		expect(heemskerk[0]).toBeLessThan(4.64);
		expect(heemskerk[1]).toBeGreaterThan(52.52);
		expect(heemskerk[1]).toBeLessThan(52.54);
	});
	it('keeps WGS84 as it is, rounded to six decimals, and turns latitude-first around', () => {
		expect(toWgs84([4.6701234567, 52.5109876543], 'wgs84')).toEqual([4.670123, 52.510988]);
		expect(toWgs84([52.51, 4.67], 'wgs84-latlon')).toEqual([4.67, 52.51]);
	});
	it('recognises the coordinate system from the numbers when the file does not say', () => {
		expect(guessCrs(104000, 505000)).toBe('rd');
		expect(guessCrs(4.67, 52.51)).toBe('wgs84');
		expect(guessCrs(52.51, 4.67)).toBe('wgs84-latlon');
		expect(guessCrs(600000, 6800000)).toBeNull();
	});
});

describe('readBoundaryFile', () => {
	it('reads the buurten of a 2022+ file in RD New (lower-case properties), only of the nine municipalities', () => {
		const result = readBoundaryFile(
			file(
				[
					feature({ buurtcode: 'BU03960101', buurtnaam: 'Centrum', wijkcode: 'WK039601', gemeentecode: 'GM0396', water: 'NEE' }, square(104000, 504000, 500)),
					feature({ buurtcode: 'BU03960102', buurtnaam: 'Centrum-water', wijkcode: 'WK039601', gemeentecode: 'GM0396', water: 'JA' }, square(103000, 504000, 500)),
					feature({ buurtcode: 'BU03630000', buurtnaam: 'Amsterdam', wijkcode: 'WK036300', gemeentecode: 'GM0363', water: 'NEE' }, square(121000, 487000, 500))
				],
				'urn:ogc:def:crs:EPSG::28992'
			),
			KENNEMERLAND
		);
		expect(result.errors).toEqual([]);
		expect(result.crs).toBe('rd');
		expect(result.otherMunicipalities).toBe(1);
		expect(result.water).toBe(1);
		expect(result.areas).toHaveLength(1);
		const [area] = result.areas;
		expect(area).toMatchObject({ code: 'BU03960101', kind: 'buurt', name: 'Centrum', municipality: 'heemskerk', wijkCode: 'WK039601' });
		expect(area!.geometry.type).toBe('Polygon');
		const ring = (area!.geometry as { coordinates: [number, number][][] }).coordinates[0]!;
		expect(ring).toHaveLength(5);
		expect(ring[0]![0]).toBeCloseTo(4.6356, 2);
		expect(ring[0]![1]).toBeCloseTo(52.521, 2);
	});

	it('reads the wijken of a 2021-or-older file (WK_CODE, WK_NAAM, GM_CODE) in WGS84 without a crs member', () => {
		const result = readBoundaryFile(
			file([feature({ WK_CODE: 'WK037501', WK_NAAM: 'Wijk 01', GM_CODE: 'GM0375', WATER: 'NEE' }, square(4.65, 52.48, 0.01))]),
			KENNEMERLAND
		);
		expect(result.errors).toEqual([]);
		expect(result.crs).toBe('wgs84');
		expect(result.areas).toEqual([
			{ code: 'WK037501', kind: 'wijk', name: 'Wijk 01', municipality: 'beverwijk', wijkCode: null, geometry: { type: 'Polygon', coordinates: [[[4.65, 52.48], [4.66, 52.48], [4.66, 52.49], [4.65, 52.49], [4.65, 52.48]]] } }
		]);
	});

	it('joins several parts with one code into a MultiPolygon, and keeps a MultiPolygon as it is', () => {
		const result = readBoundaryFile(
			file(
				[
					feature({ wijkcode: 'WK039701', wijknaam: 'Noord' }, square(4.6, 52.35, 0.01)),
					feature({ wijkcode: 'WK039701', wijknaam: 'Noord' }, square(4.62, 52.35, 0.01)),
					feature({ wijkcode: 'WK039702', wijknaam: 'Zuid' }, [square(4.6, 52.34, 0.005), square(4.61, 52.34, 0.005)], 'MultiPolygon')
				],
				'http://www.opengis.net/def/crs/OGC/1.3/CRS84'
			),
			KENNEMERLAND
		);
		expect(result.errors).toEqual([]);
		expect(result.areas.map((a) => [a.code, a.geometry.type, a.geometry.coordinates.length])).toEqual([
			['WK039701', 'MultiPolygon', 2],
			['WK039702', 'MultiPolygon', 2]
		]);
	});

	it('turns a latitude-first EPSG:4326 file around', () => {
		const latFirst = square(52.35, 4.6, 0.01).map((ring) => ring.map(([a, b]) => [a, b]));
		const result = readBoundaryFile(file([feature({ wijkcode: 'WK039701', wijknaam: 'Noord' }, latFirst)], 'urn:ogc:def:crs:EPSG::4326'), KENNEMERLAND);
		expect(result.errors).toEqual([]);
		const ring = (result.areas[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
		expect(ring[0]).toEqual([4.6, 52.35]);
	});

	it.each([
		['not JSON', '{"type": "FeatureCollection", ', /^Het bestand is geen geldige GeoJSON/],
		['a single feature', JSON.stringify(feature({ wijkcode: 'WK039601', wijknaam: 'A' }, square(4.6, 52.5, 0.01))), /geen GeoJSON FeatureCollection/],
		['another coordinate system', file([feature({ wijkcode: 'WK039601', wijknaam: 'A' }, square(500000, 6800000, 10))], 'urn:ogc:def:crs:EPSG::3857'), /Onbekend coördinatenstelsel urn:ogc:def:crs:EPSG::3857/],
		['unrecognisable coordinates', file([feature({ wijkcode: 'WK039601', wijknaam: 'A' }, square(500000, 6800000, 10))]), /niet te herkennen/],
		['the gemeenten layer', file([feature({ gemeentecode: 'GM0396', gemeentenaam: 'Heemskerk' }, square(4.6, 52.5, 0.01))]), /Geen wijken of buurten in dit bestand/],
		['only other municipalities', file([feature({ wijkcode: 'WK036300', wijknaam: 'Burgwallen' }, square(4.89, 52.37, 0.01))]), /Geen wijk of buurt van de negen gemeenten/]
	])('refuses %s in Dutch', (_, content, message) => {
		const result = readBoundaryFile(content, KENNEMERLAND);
		expect(result.areas).toEqual([]);
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatch(message);
	});

	it('lists every wrong feature: a malformed code, a code of another municipality than it says, no name, no polygon', () => {
		const result = readBoundaryFile(
			file([
				feature({ wijkcode: 'WK3961', wijknaam: 'Kort' }, square(4.6, 52.5, 0.01)),
				feature({ wijkcode: 'WK039601', wijknaam: 'Elders', gemeentecode: 'GM0375' }, square(4.6, 52.5, 0.01)),
				feature({ buurtcode: 'BU03960101' }, square(4.6, 52.5, 0.01)),
				{ type: 'Feature', properties: { wijkcode: 'WK039602', wijknaam: 'Punt' }, geometry: { type: 'Point', coordinates: [4.6, 52.5] } },
				feature({ wijkcode: 'WK039603', wijknaam: 'Open' }, [[[4.6, 52.5], [4.61, 52.5]]])
			]),
			KENNEMERLAND
		);
		expect(result.errors).toEqual([
			'Object 1 (WK3961): "WK3961" is geen CBS-wijkcode (WK en zes cijfers).',
			'Object 2 (WK039601): de gemeentecode GM0375 past niet bij de code (GM0396).',
			'Object 3 (BU03960101): geen buurtnaam.',
			'Object 4 (WK039602): geen vlak (Polygon of MultiPolygon) maar Point.',
			'Object 5 (WK039603): geen vlak (Polygon of MultiPolygon) maar Polygon.'
		]);
	});
});

describe('the shipped demo set', () => {
	it('has wijken of Heemskerk, Beverwijk and Heemstede and buurten of Heemskerk, each buurt in a wijk of its own digits', () => {
		const wijken = DEMO_AREAS.filter((a) => a.kind === 'wijk');
		const buurten = DEMO_AREAS.filter((a) => a.kind === 'buurt');
		expect([...new Set(wijken.map((a) => a.municipality))].sort()).toEqual(['beverwijk', 'heemskerk', 'heemstede']);
		expect(new Set(buurten.map((a) => a.municipality))).toEqual(new Set(['heemskerk']));
		expect(new Set(DEMO_AREAS.map((a) => a.code)).size).toBe(DEMO_AREAS.length);
		for (const area of DEMO_AREAS) {
			const cbs = KENNEMERLAND.find((m) => m.code === area.municipality)!.cbsCode.slice(2);
			expect(area.code).toMatch(area.kind === 'wijk' ? new RegExp(`^WK${cbs}\\d{2}$`) : new RegExp(`^BU${cbs}\\d{4}$`));
			if (area.kind === 'buurt') expect(area.wijkCode).toBe(`WK${area.code.slice(2, 8)}`);
			expect(area.name).toMatch(/\(demo\)$/);
		}
	});
	it('lies around each municipality, closed rings in longitude, latitude', () => {
		for (const area of DEMO_AREAS) {
			const m = KENNEMERLAND.find((k) => k.code === area.municipality)!;
			const ring = (area.geometry as { coordinates: [number, number][][] }).coordinates[0]!;
			expect(ring[0]).toEqual(ring.at(-1));
			for (const [lon, lat] of ring) {
				expect(Math.abs(lon - m.lon)).toBeLessThan(0.06);
				expect(Math.abs(lat - m.lat)).toBeLessThan(0.03);
			}
		}
	});
	it('spreads a count so that the wijken add up, and a percentage around the municipality', () => {
		expect(spreadOverWijken(79, 'aantal', 4)).toEqual([24, 15, 22, 18]);
		expect(spreadOverWijken(79, 'aantal', 4).reduce((a, b) => a + b, 0)).toBe(79);
		expect(spreadOverWijken(84, 'procent', 4)).toEqual([81, 86, 85, 83]);
	});
	it('leaves the last wijk\'s buurten without a figure in the latest year, so the map shows "geen cijfer"', () => {
		const figures = demoAreaFigures(
			{ priority: 'x', title: 'Woninginbraken', definition: '', source: 'demo', unit: 'aantal', direction: 'omlaag', baselineYear: 2020, baseline: 96, targets: [], figures: [[2022, 84], [2023, 79]] },
			['WK039601', 'WK039602'],
			(wijk) => [`BU${wijk.slice(2)}01`, `BU${wijk.slice(2)}02`]
		);
		const of2023 = figures.filter((f) => f.year === 2023).map((f) => f.areaCode);
		expect(of2023).toEqual(['WK039601', 'BU03960101', 'BU03960102', 'WK039602']);
		expect(figures.filter((f) => f.year === 2022)).toHaveLength(6);
	});
});

describe('the figure import with known areas', () => {
	const mapping = { indicator: 'Indicator', year: 'Jaar', value: 'Waarde', area: 'Gebied' };
	const indicators = [{ id: 'i1', title: 'Woninginbraken', baselineYear: 2020 }];
	const period = { startYear: 2021, endYear: 2024 };
	const defaults = { source: 'Politie', measuredOn: '2025-01-10' };
	const records = [
		['Indicator', 'Jaar', 'Waarde', 'Gebied'],
		['Woninginbraken', '2024', '12', 'wk039601'],
		['Woninginbraken', '2024', '3', 'BU03960101'],
		['Woninginbraken', '2024', '7', 'WK039699'],
		['Woninginbraken', '2024', '70', '']
	];
	const known = { codes: new Set(['WK039601', 'BU03960101']), municipalityName: 'Heemskerk' };

	it('refuses a well-formed code that is not one of the municipality\'s wijken or buurten, naming the row', () => {
		const check = checkFigureRows(records, mapping, indicators, period, defaults, known);
		expect(check.errors).toEqual(['Rij 4: WK039699 is geen wijk of buurt van Heemskerk.']);
		expect(check.rows.map((r) => r.areaCode)).toEqual(['WK039601', 'BU03960101', '']);
	});
	it('takes any well-formed code when no boundaries are loaded', () => {
		expect(checkFigureRows(records, mapping, indicators, period, defaults, null).errors).toEqual([]);
		expect(checkFigureRows(records, mapping, indicators, period, defaults).errors).toEqual([]);
	});
	it('still names a malformed code as malformed, not as unknown', () => {
		const check = checkFigureRows([records[0]!, ['Woninginbraken', '2024', '1', 'WK39']], mapping, indicators, period, defaults, known);
		expect(check.errors).toEqual(['Rij 2: "WK39" is geen CBS-wijkcode (WK…) of -buurtcode (BU…).']);
	});
});
