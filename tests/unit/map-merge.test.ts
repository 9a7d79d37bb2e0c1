// How an open map combines what it loaded with what events and its own saves bring: a feature is
// replaced only by a higher version of itself, and a deletion (a higher version with deletedAt)
// takes it off the map even when an older event arrives after it.
import { describe, expect, it } from 'vitest';
import { liveFeatures, mergeFeature } from '../../src/lib/client/map.ts';
import type { MapFeatureRecord } from '../../src/lib/contracts/map-feature.ts';

const feature = (id: string, version: number, label: string, deletedAt: string | null = null): MapFeatureRecord => ({
	type: 'Feature',
	id,
	geometry: { type: 'Point', coordinates: [4.6, 52.4] },
	properties: { id, incidentId: 'i', type: 'verzamelpunt', label, colour: null, version, updatedAt: '2026-12-07T10:00:00Z', updatedBy: { id: 'u', name: 'U' }, deletedAt, exercise: false }
});

describe('mergeFeature', () => {
	it('keeps the newest version and ignores a replayed older one', () => {
		let all = mergeFeature({}, feature('a', 1, 'Eerst'));
		all = mergeFeature(all, feature('a', 2, 'Later'));
		const same = mergeFeature(all, feature('a', 1, 'Eerst'));
		expect(same).toBe(all);
		expect(liveFeatures(all).map((f) => f.properties.label)).toEqual(['Later']);
	});

	it('takes a deleted feature off the map, also when an older update arrives afterwards', () => {
		let all = mergeFeature({}, feature('a', 1, 'Punt'));
		all = mergeFeature(all, feature('b', 1, 'Ander'));
		all = mergeFeature(all, feature('a', 3, 'Punt', '2026-12-07T10:05:00Z'));
		all = mergeFeature(all, feature('a', 2, 'Punt hernoemd'));
		expect(liveFeatures(all).map((f) => f.id)).toEqual(['b']);
	});
});
