// The incident map's geometry rules and the GeoJSON contract: what is stored, and the Dutch reason
// for what is not (a swapped coordinate pair, an open ring, a line of one point, too many points).
import { describe, expect, it } from 'vitest';
import { geometryProblem, geometryAnchor, MAX_POSITIONS, normaliseGeometry, squareAround, type Geometry } from '../../src/lib/domain/map/geometry.ts';
import { featureChangeInput, featureDeleteInput, newFeatureInput } from '../../src/lib/contracts/map-feature.ts';
import { pointFromWkt } from '../../src/lib/server/map/locatieserver.ts';

const haarlem: [number, number] = [4.6365, 52.3812];
const ring = (...points: [number, number][]) => [...points, points[0]!];
const area = ring([4.63, 52.38], [4.64, 52.38], [4.64, 52.39], [4.63, 52.39]);

function issues(input: unknown) {
	const parsed = newFeatureInput.safeParse(input);
	return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}
const feature = (geometry: unknown, properties: object = { type: 'evacuatiegebied', label: 'Noord' }) => ({ type: 'Feature', geometry, properties });

describe('geometryProblem', () => {
	it('accepts a point, a line and an area in Kennemerland', () => {
		expect(geometryProblem({ type: 'Point', coordinates: haarlem })).toBeNull();
		expect(geometryProblem({ type: 'LineString', coordinates: [haarlem, [4.64, 52.39]] })).toBeNull();
		expect(geometryProblem({ type: 'Polygon', coordinates: [area] })).toBeNull();
		// An area with a hole, and a position with an altitude (GeoJSON allows a third number).
		expect(geometryProblem({ type: 'Polygon', coordinates: [area, ring([4.634, 52.384], [4.636, 52.384], [4.636, 52.386])] })).toBeNull();
		expect(geometryProblem({ type: 'Point', coordinates: [4.6, 52.4, 3] })).toBeNull();
	});

	it('names swapped latitude and longitude', () => {
		expect(geometryProblem({ type: 'Point', coordinates: [52.3812, 4.6365] })?.message).toMatch(/omgewisseld/);
	});

	it('refuses coordinates outside the world, outside the Netherlands, and non-numbers', () => {
		expect(geometryProblem({ type: 'Point', coordinates: [200, 52] })?.message).toMatch(/buiten de wereld/);
		expect(geometryProblem({ type: 'Point', coordinates: [13.4, 52.5] })?.message).toMatch(/buiten Nederland/);
		expect(geometryProblem({ type: 'Point', coordinates: [Number.NaN, 52] })?.message).toMatch(/paar getallen/);
		expect(geometryProblem({ type: 'Point', coordinates: [4.6] })?.message).toMatch(/paar getallen/);
	});

	it('refuses an open ring, a ring of three points and a line of one point, at the right place', () => {
		const open = geometryProblem({ type: 'Polygon', coordinates: [[[4.63, 52.38], [4.64, 52.38], [4.64, 52.39], [4.63, 52.39]]] });
		expect(open).toEqual({ path: ['coordinates', 0], message: expect.stringMatching(/gesloten/) });
		expect(geometryProblem({ type: 'Polygon', coordinates: [[[4.63, 52.38], [4.64, 52.38], [4.63, 52.38]]] })?.message).toMatch(/minstens 4 punten/);
		expect(geometryProblem({ type: 'LineString', coordinates: [haarlem] })?.message).toMatch(/minstens 2 punten/);
		expect(geometryProblem({ type: 'Polygon', coordinates: [] })?.message).toMatch(/minstens één rand/);
		expect(geometryProblem({ type: 'LineString', coordinates: [haarlem, [4.64, 99]] })?.path).toEqual(['coordinates', 1]);
	});

	it('limits the size', () => {
		const long = Array.from({ length: MAX_POSITIONS + 1 }, (_, i) => [4.6 + i / 1e5, 52.38] as [number, number]);
		expect(geometryProblem({ type: 'LineString', coordinates: long })?.message).toMatch(/hoogstens 2000 punten/);
		expect(geometryProblem({ type: 'LineString', coordinates: long.slice(0, MAX_POSITIONS) })).toBeNull();
	});

	it('refuses other geometry types', () => {
		expect(geometryProblem({ type: 'MultiPoint', coordinates: [haarlem] })?.message).toMatch(/punt \(Point\)/);
	});
});

describe('normalise, anchor and square', () => {
	it('cuts to [lon, lat] at 7 decimals', () => {
		expect(normaliseGeometry({ type: 'Point', coordinates: [4.636512345678, 52.38120000009, 12] as never })).toEqual({ type: 'Point', coordinates: [4.6365123, 52.3812] });
	});
	it('anchors an area in the middle of its corners', () => {
		expect(geometryAnchor({ type: 'Polygon', coordinates: [area] } as Geometry)).toEqual([4.635, 52.385]);
	});
	it('makes a closed, valid square of the given size', () => {
		const square = squareAround(haarlem, 200);
		expect(geometryProblem({ type: 'Polygon', coordinates: square })).toBeNull();
		const [west, south] = square[0]![0]!;
		const [east, north] = square[0]![2]!;
		expect((north - south) * 111_320).toBeCloseTo(200, 0);
		expect((east - west) * 111_320 * Math.cos((haarlem[1] * Math.PI) / 180)).toBeCloseTo(200, 0);
	});
});

describe('the GeoJSON contract', () => {
	it('takes a Feature with type and label, trims the label, lowercases the colour', () => {
		const parsed = newFeatureInput.parse(feature({ type: 'Polygon', coordinates: [area] }, { type: 'evacuatiegebied', label: '  Noord ', colour: '#E17000' }));
		expect(parsed.properties).toEqual({ type: 'evacuatiegebied', label: 'Noord', colour: '#e17000' });
	});

	it('reports a geometry problem under geometry.coordinates in Dutch', () => {
		expect(issues(feature({ type: 'Point', coordinates: [52.38, 4.63] }))).toEqual([{ path: 'geometry.coordinates', message: expect.stringMatching(/omgewisseld/) }]);
		expect(issues(feature({ type: 'Polygon', coordinates: [[[4.63, 52.38], [4.64, 52.38], [4.64, 52.39], [4.63, 52.39]]] }))).toEqual([
			{ path: 'geometry.coordinates.0', message: expect.stringMatching(/gesloten/) }
		]);
	});

	it('refuses what is no Feature, an unknown type, an empty label, a bad colour', () => {
		expect(issues({ type: 'FeatureCollection', features: [] }).map((i) => i.path)).toContain('type');
		expect(issues(feature({ type: 'Point', coordinates: haarlem }, { type: 'brand', label: 'x' }))).toEqual([{ path: 'properties.type', message: expect.stringMatching(/Onbekend soort kaartobject/) }]);
		expect(issues(feature({ type: 'Point', coordinates: haarlem }, { type: 'verzamelpunt', label: '   ' }))[0]?.path).toBe('properties.label');
		expect(issues(feature({ type: 'Point', coordinates: haarlem }, { type: 'verzamelpunt', label: 'A', colour: 'red' }))[0]?.message).toMatch(/hexadecimale kleur/);
		expect(issues(feature(null))[0]?.path).toBe('geometry');
		expect(issues(feature({ type: 'Point', coordinates: 'hier' }))[0]?.path).toBe('geometry.coordinates');
	});

	it('wants a version and something to change', () => {
		expect(featureChangeInput.safeParse({ label: 'x' }).error?.issues[0]?.message).toMatch(/versie/);
		expect(featureChangeInput.safeParse({ version: 1 }).error?.issues[0]?.message).toMatch(/niets te wijzigen/);
		expect(featureChangeInput.parse({ version: 2, colour: null })).toEqual({ version: 2, colour: null });
		expect(featureDeleteInput.parse({ version: '3' })).toEqual({ version: 3 });
		expect(featureDeleteInput.safeParse({ version: 'x' }).success).toBe(false);
	});
});

describe('pointFromWkt', () => {
	it('reads the Locatieserver centroide_ll', () => {
		expect(pointFromWkt('POINT(4.6365 52.3812)')).toEqual({ lon: 4.6365, lat: 52.3812 });
		expect(pointFromWkt('POLYGON((0 0,1 1))')).toBeNull();
	});
});
