// How each kind of map feature looks and reads: one style per type, the legend's colours, the
// list and timeline sentences.
import { describe, expect, it } from 'vitest';
import { FEATURE_STYLES, FEATURE_TYPES, featureColour, featureTypeLabel } from '../../src/lib/domain/map/feature-types.ts';
import { mapListing, mapListSentence } from '../../src/lib/domain/map/listing.ts';
import { buildTimeline, describeMapChange } from '../../src/lib/domain/evaluation.ts';

describe('feature styles', () => {
	it('has a Dutch label, a hex colour and a usual shape for every type', () => {
		expect(Object.keys(FEATURE_STYLES).sort()).toEqual([...FEATURE_TYPES].sort());
		for (const t of FEATURE_TYPES) {
			expect(FEATURE_STYLES[t].colour).toMatch(/^#[0-9a-f]{6}$/);
			expect(FEATURE_STYLES[t].label).toMatch(/^[A-Z]/);
			expect(['Point', 'LineString', 'Polygon']).toContain(FEATURE_STYLES[t].usual);
		}
	});

	it('follows the discipline colours: brandweer red, bevolkingszorg orange, assembly point green; a cordon is dashed', () => {
		expect(FEATURE_STYLES.brandweer_inzetgebied.colour).toBe('#c00000');
		expect(FEATURE_STYLES.evacuatiegebied.colour).toBe(FEATURE_STYLES.opvanglocatie.colour);
		expect(FEATURE_STYLES.verzamelpunt.colour).toBe('#008a3e');
		expect(FEATURE_STYLES.afzetting.dash).not.toBeNull();
		expect(FEATURE_STYLES.afzetting.usual).toBe('LineString');
		expect(FEATURE_STYLES.brandweer_inzetgebied.dash).toBeNull();
	});

	it('uses a feature’s own colour over its type’s', () => {
		expect(featureColour('afzetting', null)).toBe('#d52b1e');
		expect(featureColour('afzetting', '#123456')).toBe('#123456');
		expect(featureTypeLabel('copi_locatie')).toBe('CoPI-locatie');
		expect(featureTypeLabel('onbekend')).toBe('onbekend');
	});
});

describe('the map as a list', () => {
	const f = (id: string, type: (typeof FEATURE_TYPES)[number], label: string, geometry: never) => ({ id, geometry, properties: { type, label, colour: null, version: 1 } });
	it('lists by the legend’s order, then name, with shape and place', () => {
		const items = mapListing([
			f('1', 'copi_locatie', 'CoPI', { type: 'Point', coordinates: [4.6, 52.4] } as never),
			f('2', 'afzetting', 'Zeeweg', { type: 'LineString', coordinates: [[4.58, 52.41], [4.6, 52.41]] } as never),
			f('3', 'afzetting', 'Boulevard', { type: 'LineString', coordinates: [[4.53, 52.37], [4.54, 52.37]] } as never)
		]);
		expect(items.map((i) => i.label)).toEqual(['Boulevard', 'Zeeweg', 'CoPI']);
		expect(mapListSentence(items[2]!)).toBe('CoPI-locatie «CoPI» (punt) bij 52.40000, 4.60000');
		expect(items[0]).toMatchObject({ shape: 'lijn', colour: '#d52b1e', anchor: { lat: 52.37, lon: 4.535 } });
	});
});

describe('map changes in the evaluation timeline', () => {
	const change = { featureId: 'f', type: 'evacuatiegebied', label: 'Noord', geometryType: 'Polygon', by: 'Anna' };
	it('says what happened in Dutch', () => {
		expect(describeMapChange({ ...change, version: 1, action: 'created', fields: [], at: '' })).toBe('Kaart: Evacuatiegebied «Noord» getekend (vlak)');
		expect(describeMapChange({ ...change, version: 2, action: 'updated', fields: ['naam', 'vorm'], at: '' })).toBe('Kaart: Evacuatiegebied «Noord» gewijzigd: naam, vorm');
		expect(describeMapChange({ ...change, version: 3, action: 'deleted', fields: [], at: '' })).toBe('Kaart: Evacuatiegebied «Noord» verwijderd');
	});
	it('orders them among the other rows', () => {
		const rows = buildTimeline({
			start: '2026-12-07T10:00:00Z',
			entries: [],
			gripChanges: [{ at: '2026-12-07T10:05:00Z', from: null, to: 1, reason: 'Start', by: 'C' }],
			taskChanges: [],
			mapChanges: [{ ...change, version: 1, action: 'created', fields: [], at: '2026-12-07T10:03:00Z' }]
		});
		expect(rows.map((r) => [r.type, r.offsetMinutes])).toEqual([
			['kaart', 3],
			['grip', 5]
		]);
	});
});
