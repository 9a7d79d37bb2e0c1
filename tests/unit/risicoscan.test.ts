// The default risicoscan of DOMAIN.md §2, criterion by criterion, boundary by boundary.
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_RISICOSCAN_MODEL,
	adviceForCategory,
	categoryForPoints,
	scoreRisicoscan,
	visitorDensity,
	type Activity,
	type Category,
	type RisicoscanInput,
	type RisicoscanResult
} from '../../src/lib/domain/risicoscan/index.ts';

/** An application that scores nothing: 100 visitors in a park on a Saturday afternoon. */
function application(overrides: Partial<RisicoscanInput> = {}): RisicoscanInput {
	return {
		peakVisitors: 100,
		startsAt: '2026-06-13T14:00:00+02:00',
		endsAt: '2026-06-13T18:00:00+02:00',
		audience: [],
		alcohol: 'none',
		drugsExpected: false,
		rivalGroups: false,
		activities: [],
		site: 'park',
		indoor: false,
		enclosed: false,
		roadClosures: false,
		poorAccess: false,
		nearHazard: false,
		...overrides
	};
}

function reason(result: RisicoscanResult, code: string) {
	return result.reasons.find((r) => r.code === code);
}

function floorCodes(result: RisicoscanResult): string[] {
	return result.floors.map((f) => f.code);
}

const NO_ADVICE = { brandweer: false, ghor: false, politie: false, joint: false };
const JOINT_ADVICE = { brandweer: true, ghor: true, politie: true, joint: true };

describe('an application without risks', () => {
	it('scores 0 points, class A, no reasons, no floors and no advice', () => {
		expect(scoreRisicoscan(application())).toEqual({
			points: 0,
			category: 'A',
			reasons: [],
			floors: [],
			advice: NO_ADVICE
		});
	});

	it('answers exactly the fields of the public API', () => {
		const result = scoreRisicoscan(application({ peakVisitors: 20_000, activities: ['fireworks'] }));
		expect(Object.keys(result).sort()).toEqual(['advice', 'category', 'floors', 'points', 'reasons']);
		for (const r of result.reasons) expect(Object.keys(r).sort()).toEqual(['code', 'label', 'points', 'profile']);
		for (const f of result.floors) expect(Object.keys(f).sort()).toEqual(['category', 'code', 'label']);
		expect(Object.keys(result.advice).sort()).toEqual(['brandweer', 'ghor', 'joint', 'politie']);
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
	});
});

describe('peak visitors', () => {
	it.each([
		[0, 0],
		[1, 0],
		[249, 0],
		[250, 1],
		[999, 1],
		[1_000, 3],
		[4_999, 3],
		[5_000, 5],
		[14_999, 5],
		[15_000, 8],
		[49_999, 8],
		[50_000, 12],
		[105_000, 12]
	])('%i visitors at peak score %i points', (peakVisitors, points) => {
		const result = scoreRisicoscan(application({ peakVisitors }));
		expect(reason(result, 'peak_visitors')?.points ?? 0).toBe(points);
		expect(result.points).toBe(points);
	});

	it.each([
		[250, 'Piekbezetting 250 bezoekers (250–999)'],
		[1_000, 'Piekbezetting 1.000 bezoekers (1.000–4.999)'],
		[12_000, 'Piekbezetting 12.000 bezoekers (5.000–14.999)'],
		[20_000, 'Piekbezetting 20.000 bezoekers (15.000–49.999)'],
		[60_000, 'Piekbezetting 60.000 bezoekers (≥ 50.000)']
	])('labels %i visitors with the value and its band', (peakVisitors, label) => {
		expect(reason(scoreRisicoscan(application({ peakVisitors })), 'peak_visitors')).toEqual({
			code: 'peak_visitors',
			profile: 'publiek',
			points: expect.any(Number),
			label
		});
	});

	it('is based on the peak, not on the total over the event', () => {
		const result = scoreRisicoscan(application({ peakVisitors: 200, totalVisitors: 90_000 }));
		expect(result.points).toBe(0);
	});
});

describe('density', () => {
	it.each([
		// peak, area, density points
		[99, 100, 0],
		[100, 100, 2],
		[150, 100, 2],
		[240, 100, 2],
		[2_400, 1_000, 2],
		[241, 100, 4],
		[2_401, 1_000, 4],
		[400, 100, 4],
		[401, 100, 4],
		[900, 100, 4]
	])('%i visitors on %i m² score %i density points', (peakVisitors, areaM2, points) => {
		expect(reason(scoreRisicoscan(application({ peakVisitors, areaM2 })), 'density')?.points ?? 0).toBe(points);
	});

	it('counts only when the area is known', () => {
		const result = scoreRisicoscan(application({ peakVisitors: 30_000 }));
		expect(reason(result, 'density')).toBeUndefined();
		expect(floorCodes(result)).not.toContain('density_c');
		expect(visitorDensity({ peakVisitors: 30_000 })).toBeUndefined();
		expect(visitorDensity({ peakVisitors: 300, areaM2: 100 })).toBe(3);
	});

	it.each([
		[310, 100, 'Bezoekersdichtheid 3,1 personen/m² (> 2,4)'],
		[100, 100, 'Bezoekersdichtheid 1 personen/m² (1–2,4)'],
		[240, 100, 'Bezoekersdichtheid 2,4 personen/m² (1–2,4)'],
		[1_000, 300, 'Bezoekersdichtheid 3,33 personen/m² (> 2,4)']
	])('labels %i visitors on %i m² with the density and its band', (peakVisitors, areaM2, label) => {
		expect(reason(scoreRisicoscan(application({ peakVisitors, areaM2 })), 'density')).toMatchObject({
			profile: 'publiek',
			label
		});
	});
});

describe('yes/no criteria', () => {
	const cases: [string, Partial<RisicoscanInput>, string, string, number][] = [
		['children', { audience: ['children'] }, 'risk_groups', 'publiek', 2],
		['elderly', { audience: ['elderly'] }, 'risk_groups', 'publiek', 2],
		['less self-reliant', { audience: ['less_self_reliant'] }, 'risk_groups', 'publiek', 2],
		['youth', { audience: ['youth'] }, 'youth', 'publiek', 1],
		['limited alcohol', { alcohol: 'limited' }, 'alcohol', 'publiek', 1],
		['heavy alcohol', { alcohol: 'heavy' }, 'alcohol', 'publiek', 3],
		['drugs expected', { drugsExpected: true }, 'drugs', 'publiek', 3],
		['rival groups', { rivalGroups: true }, 'rival_groups', 'publiek', 3],
		['amplified music', { activities: ['amplified_music'] }, 'amplified_music', 'activiteit', 1],
		['fireworks', { activities: ['fireworks'] }, 'fireworks', 'activiteit', 3],
		['open fire', { activities: ['open_fire'] }, 'open_fire_gas', 'activiteit', 2],
		['gas', { activities: ['gas'] }, 'open_fire_gas', 'activiteit', 2],
		['temporary structures', { activities: ['temporary_structures'] }, 'temporary_structures', 'activiteit', 2],
		['animals', { activities: ['animals'] }, 'animals', 'activiteit', 1],
		['water activity', { activities: ['water_activity'] }, 'water_activity', 'activiteit', 2],
		['motor vehicles', { activities: ['motor_vehicles'] }, 'motor_vehicles', 'activiteit', 3],
		['funfair rides', { activities: ['funfair_rides'] }, 'funfair_rides', 'activiteit', 2],
		['endurance sport', { activities: ['endurance_sport'] }, 'endurance_sport', 'activiteit', 3],
		['street', { site: 'street' }, 'site', 'ruimte', 1],
		['beach', { site: 'beach' }, 'site', 'ruimte', 1],
		['nature', { site: 'nature' }, 'site', 'ruimte', 2],
		['water', { site: 'water' }, 'site', 'ruimte', 2],
		['enclosed terrain', { enclosed: true }, 'enclosed', 'ruimte', 1],
		['road closures', { roadClosures: true }, 'road_closures', 'ruimte', 1],
		['poor access', { poorAccess: true }, 'poor_access', 'ruimte', 3],
		['near a hazard', { nearHazard: true }, 'near_hazard', 'ruimte', 3],
		['one other event that day', { concurrentEvents: 1 }, 'concurrent_events', 'context', 2],
		['three other events that day', { concurrentEvents: 3 }, 'concurrent_events', 'context', 2]
	];

	it.each(cases)('%s adds exactly one reason', (_name, overrides, code, profile, points) => {
		const result = scoreRisicoscan(application(overrides));
		expect(result.reasons).toHaveLength(1);
		expect(result.reasons[0]).toMatchObject({ code, profile, points });
		expect(result.reasons[0]?.label).toMatch(/\S/);
		expect(result.points).toBe(points);
	});

	it.each([
		['park', { site: 'park' }],
		['terrain', { site: 'terrain' }],
		['building', { site: 'building' }],
		['no alcohol', { alcohol: 'none' }],
		['no other events that day', { concurrentEvents: 0 }],
		['indoors with 999 at peak', { indoor: true, peakVisitors: 999 }],
		['outdoors with 1 000 at peak', { indoor: false, peakVisitors: 1_000 }]
	] as [string, Partial<RisicoscanInput>][])('%s adds no ruimte, alcohol or context reason', (_name, overrides) => {
		const codes = scoreRisicoscan(application(overrides)).reasons.map((r) => r.code);
		expect(codes).not.toContain('site');
		expect(codes).not.toContain('alcohol');
		expect(codes).not.toContain('indoor_large');
		expect(codes).not.toContain('concurrent_events');
	});

	it('counts indoors from 1 000 at peak', () => {
		const result = scoreRisicoscan(application({ indoor: true, site: 'building', peakVisitors: 1_000 }));
		expect(reason(result, 'indoor_large')).toMatchObject({ profile: 'ruimte', points: 2 });
		expect(reason(result, 'indoor_large')?.label).toBe('Binnen met 1.000 of meer bezoekers (piek 1.000)');
		expect(result.points).toBe(3 + 2);
	});

	it('counts children, elderly and less self-reliant visitors once', () => {
		const result = scoreRisicoscan(application({ audience: ['children', 'elderly', 'less_self_reliant'] }));
		expect(result.reasons).toEqual([
			{
				code: 'risk_groups',
				profile: 'publiek',
				points: 2,
				label: 'Risicogroepen onder het publiek: kinderen, ouderen en minder zelfredzamen'
			}
		]);
		expect(result.points).toBe(2);
	});

	it('counts youth beside risk groups', () => {
		const result = scoreRisicoscan(application({ audience: ['children', 'youth'] }));
		expect(result.reasons.map((r) => [r.code, r.points])).toEqual([
			['risk_groups', 2],
			['youth', 1]
		]);
	});

	it('does not count a group listed twice twice', () => {
		expect(scoreRisicoscan(application({ audience: ['elderly', 'elderly'] })).points).toBe(2);
		expect(scoreRisicoscan(application({ activities: ['animals', 'animals'] })).points).toBe(1);
	});

	it('counts open fire and gas once', () => {
		const result = scoreRisicoscan(application({ activities: ['open_fire', 'gas'] }));
		expect(result.reasons).toEqual([
			{ code: 'open_fire_gas', profile: 'activiteit', points: 2, label: 'Open vuur en gas' }
		]);
	});

	it('labels the number of other events', () => {
		expect(reason(scoreRisicoscan(application({ concurrentEvents: 1 })), 'concurrent_events')?.label).toBe(
			'1 ander B- of C-evenement in de regio op dezelfde dag'
		);
		expect(reason(scoreRisicoscan(application({ concurrentEvents: 3 })), 'concurrent_events')?.label).toBe(
			'3 andere B- of C-evenementen in de regio op dezelfde dag'
		);
	});

	it('adds every activity up when all happen at once', () => {
		const all: Activity[] = [
			'amplified_music',
			'fireworks',
			'open_fire',
			'gas',
			'temporary_structures',
			'animals',
			'water_activity',
			'motor_vehicles',
			'funfair_rides',
			'endurance_sport'
		];
		const result = scoreRisicoscan(application({ activities: all }));
		expect(result.points).toBe(1 + 3 + 2 + 2 + 1 + 2 + 3 + 2 + 3);
		expect(result.reasons.every((r) => r.profile === 'activiteit')).toBe(true);
	});

	it('lists reasons in the order of the point table', () => {
		const result = scoreRisicoscan(
			application({
				peakVisitors: 300,
				areaM2: 100,
				audience: ['youth', 'children'],
				alcohol: 'limited',
				drugsExpected: true,
				rivalGroups: true,
				activities: ['endurance_sport', 'amplified_music'],
				endsAt: '2026-06-14T02:00:00+02:00',
				site: 'street',
				concurrentEvents: 2,
				nearHazard: true
			})
		);
		expect(result.reasons.map((r) => r.code)).toEqual([
			'peak_visitors',
			'density',
			'risk_groups',
			'youth',
			'alcohol',
			'drugs',
			'rival_groups',
			'amplified_music',
			'endurance_sport',
			'late_end',
			'site',
			'near_hazard',
			'concurrent_events'
		]);
		expect(result.points).toBe(result.reasons.reduce((sum, r) => sum + r.points, 0));
	});
});

describe('late end and more than one calendar day', () => {
	const saturday = '2026-06-13T14:00:00+02:00';
	it.each([
		['14:00–02:00 is one day, late', saturday, '2026-06-14T02:00:00+02:00', true, false],
		['an end at 00:30 is neither', saturday, '2026-06-14T00:30:00+02:00', false, false],
		['an end at exactly 01:00 is not late', saturday, '2026-06-14T01:00:00+02:00', false, false],
		['an end at 01:00:01 is late', saturday, '2026-06-14T01:00:01+02:00', true, false],
		['an end at 06:59 is late and still one day', saturday, '2026-06-14T06:59:00+02:00', true, false],
		['an end at 07:00 next morning is a second day', saturday, '2026-06-14T07:00:00+02:00', false, true],
		['an end at 23:00 the same day is neither', saturday, '2026-06-13T23:00:00+02:00', false, false],
		['Friday to Sunday is multi-day', '2026-06-12T18:00:00+02:00', '2026-06-14T23:00:00+02:00', false, true],
		['Friday to Sunday 03:00 is both', '2026-06-12T18:00:00+02:00', '2026-06-14T03:00:00+02:00', true, true],
		['an end written in UTC is read in Amsterdam time', saturday, '2026-06-13T23:30:00Z', true, false],
		// Last Sunday of March 2026: 02:00 CET becomes 03:00 CEST.
		['DST start: 03:30 summer time is late', '2026-03-28T20:00:00+01:00', '2026-03-29T03:30:00+02:00', true, false],
		['DST start: 05:00Z is 07:00 summer time', '2026-03-28T20:00:00+01:00', '2026-03-29T05:00:00Z', false, true],
		// Last Sunday of October 2026: 03:00 CEST becomes 02:00 CET.
		['DST end: 02:30 winter time is late', '2026-10-24T20:00:00+02:00', '2026-10-25T02:30:00+01:00', true, false],
		['DST end: 07:30+02:00 is 06:30 CET', '2026-10-24T20:00:00+02:00', '2026-10-25T07:30:00+02:00', true, false],
		['DST end: 06:00Z is 07:00 winter time', '2026-10-24T20:00:00+02:00', '2026-10-25T06:00:00Z', false, true]
	])('%s', (_name, startsAt, endsAt, late, multiDay) => {
		const result = scoreRisicoscan(application({ startsAt, endsAt }));
		expect(reason(result, 'late_end') !== undefined).toBe(late);
		expect(reason(result, 'multi_day') !== undefined).toBe(multiDay);
		expect(result.points).toBe((late ? 2 : 0) + (multiDay ? 2 : 0));
	});

	it('labels the local end time and the days', () => {
		const late = scoreRisicoscan(application({ endsAt: '2026-06-14T00:15:00Z' }));
		expect(reason(late, 'late_end')).toEqual({
			code: 'late_end',
			profile: 'activiteit',
			points: 2,
			label: 'Eindigt na 01:00 (eindtijd 02:15)'
		});
		const weekend = scoreRisicoscan(
			application({ startsAt: '2026-06-12T18:00:00+02:00', endsAt: '2026-06-14T03:00:00+02:00' })
		);
		expect(reason(weekend, 'multi_day')?.label).toBe(
			'Meer dan één kalenderdag (2 dagen, 12-06-2026 t/m 13-06-2026)'
		);
	});

	it('accepts Date objects as well as ISO strings', () => {
		const result = scoreRisicoscan(
			application({ startsAt: new Date('2026-06-13T12:00:00Z'), endsAt: new Date('2026-06-14T00:30:00Z') })
		);
		expect(result.reasons.map((r) => r.code)).toEqual(['late_end']);
	});
});

describe('class by points', () => {
	it.each([
		[0, 'A'],
		[6, 'A'],
		[7, 'B'],
		[13, 'B'],
		[14, 'C'],
		[40, 'C']
	] as [number, Category][])('%i points is class %s', (points, category) => {
		expect(categoryForPoints(points)).toBe(category);
	});

	it.each([
		['6 points', { poorAccess: true, nearHazard: true }, 6, 'A'],
		['7 points', { poorAccess: true, nearHazard: true, enclosed: true }, 7, 'B'],
		[
			'13 points',
			{ rivalGroups: true, poorAccess: true, nearHazard: true, activities: ['endurance_sport'], enclosed: true },
			13,
			'B'
		],
		[
			'14 points',
			{
				rivalGroups: true,
				poorAccess: true,
				nearHazard: true,
				activities: ['endurance_sport'],
				enclosed: true,
				roadClosures: true
			},
			14,
			'C'
		]
	] as [string, Partial<RisicoscanInput>, number, Category][])(
		'an application with %s and no floor is class %s',
		(_name, overrides, points, category) => {
			const result = scoreRisicoscan(application(overrides));
			expect(result.points).toBe(points);
			expect(result.floors).toEqual([]);
			expect(result.category).toBe(category);
		}
	);
});

describe('floors', () => {
	it.each([
		['peak 15 000', { peakVisitors: 15_000 }, 8, ['peak_visitors_c', 'peak_visitors_b'], 'C'],
		['peak 14 999', { peakVisitors: 14_999 }, 5, ['peak_visitors_b'], 'B'],
		['peak 5 000', { peakVisitors: 5_000 }, 5, ['peak_visitors_b'], 'B'],
		['peak 4 999', { peakVisitors: 4_999 }, 3, [], 'A'],
		['density just above 4', { peakVisitors: 401, areaM2: 100 }, 5, ['density_c', 'density_b'], 'C'],
		['density exactly 4', { peakVisitors: 400, areaM2: 100 }, 5, ['density_b'], 'B'],
		['density just above 2.4', { peakVisitors: 241, areaM2: 100 }, 4, ['density_b'], 'B'],
		['density exactly 2.4', { peakVisitors: 240, areaM2: 100 }, 2, [], 'A'],
		['fireworks', { activities: ['fireworks'] }, 3, ['fireworks'], 'B'],
		['motor vehicles', { activities: ['motor_vehicles'] }, 3, ['motor_vehicles'], 'B'],
		['drug use expected', { drugsExpected: true }, 3, ['drugs'], 'B']
	] as [string, Partial<RisicoscanInput>, number, string[], Category][])(
		'%s',
		(_name, overrides, points, floors, category) => {
			const result = scoreRisicoscan(application(overrides));
			expect(result.points).toBe(points);
			expect(floorCodes(result)).toEqual(floors);
			expect(result.category).toBe(category);
			for (const floor of result.floors) expect(floor.label).toMatch(/minimaal klasse [BC]$/);
		}
	);

	it('labels floors in Dutch with the value that triggered them', () => {
		const result = scoreRisicoscan(
			application({
				peakVisitors: 20_000,
				areaM2: 4_000,
				activities: ['fireworks', 'motor_vehicles'],
				drugsExpected: true
			})
		);
		expect(result.floors).toEqual([
			{
				code: 'peak_visitors_c',
				category: 'C',
				label: 'Piekbezetting 20.000 bezoekers (≥ 15.000): minimaal klasse C'
			},
			{
				code: 'density_c',
				category: 'C',
				label: 'Bezoekersdichtheid 5 personen/m² (> 4): minimaal klasse C'
			},
			{
				code: 'peak_visitors_b',
				category: 'B',
				label: 'Piekbezetting 20.000 bezoekers (≥ 5.000): minimaal klasse B'
			},
			{
				code: 'density_b',
				category: 'B',
				label: 'Bezoekersdichtheid 5 personen/m² (> 2,4): minimaal klasse B'
			},
			{ code: 'fireworks', category: 'B', label: 'Vuurwerk of pyrotechniek: minimaal klasse B' },
			{ code: 'motor_vehicles', category: 'B', label: 'Motorvoertuigen (races, shows): minimaal klasse B' },
			{ code: 'drugs', category: 'B', label: 'Drugsgebruik verwacht: minimaal klasse B' }
		]);
	});

	it('never lowers the class the points give', () => {
		const result = scoreRisicoscan(
			application({
				activities: ['fireworks', 'endurance_sport', 'open_fire'],
				poorAccess: true,
				nearHazard: true
			})
		);
		expect(result.points).toBe(14);
		expect(floorCodes(result)).toEqual(['fireworks']);
		expect(result.category).toBe('C');
	});

	it('does not apply a density floor without an area', () => {
		const result = scoreRisicoscan(application({ peakVisitors: 4_000 }));
		expect(result.floors).toEqual([]);
		expect(result.category).toBe('A');
	});
});

describe('advice routing', () => {
	// Class B by points (rival groups 3, enclosed 1, road closures 1, street 1, music 1 = 7) with no
	// brandweer or GHOR trigger: only the police advise.
	const policeOnly: Partial<RisicoscanInput> = {
		rivalGroups: true,
		enclosed: true,
		roadClosures: true,
		site: 'street',
		activities: ['amplified_music']
	};
	const withPoliceOnly = (extra: Partial<RisicoscanInput>) =>
		application({
			...policeOnly,
			...extra,
			activities: [...(policeOnly.activities ?? []), ...(extra.activities ?? [])]
		});

	it('class A needs no advice, even with triggers that would route a B event', () => {
		const result = scoreRisicoscan(application({ site: 'nature', activities: ['gas'], audience: ['children'] }));
		expect(result.category).toBe('A');
		expect(result.advice).toEqual(NO_ADVICE);
	});

	it('class B always gets police advice, and only that without triggers', () => {
		const result = scoreRisicoscan(withPoliceOnly({}));
		expect(result).toMatchObject({ points: 7, category: 'B' });
		expect(result.advice).toEqual({ brandweer: false, ghor: false, politie: true, joint: false });
	});

	it.each([
		['open fire', { activities: ['open_fire'] }],
		['gas', { activities: ['gas'] }],
		['fireworks', { activities: ['fireworks'] }],
		['temporary structures', { activities: ['temporary_structures'] }],
		['funfair rides', { activities: ['funfair_rides'] }],
		['indoors with 1 000 at peak', { indoor: true, peakVisitors: 1_000 }],
		['a nature site', { site: 'nature' }],
		['poor access', { poorAccess: true }],
		['a nearby hazard', { nearHazard: true }]
	] as [string, Partial<RisicoscanInput>][])('class B with %s brings in the brandweer', (_name, extra) => {
		const result = scoreRisicoscan(withPoliceOnly(extra));
		expect(result.category).toBe('B');
		expect(result.advice).toEqual({ brandweer: true, ghor: false, politie: true, joint: false });
	});

	it.each([
		['peak 2 000', { peakVisitors: 2_000 }],
		['heavy alcohol', { alcohol: 'heavy' }],
		['drugs expected', { drugsExpected: true }],
		['children', { audience: ['children'] }],
		['elderly', { audience: ['elderly'] }],
		['less self-reliant visitors', { audience: ['less_self_reliant'] }],
		['endurance sport', { activities: ['endurance_sport'] }],
		['water activity', { activities: ['water_activity'] }],
		['more than one day', { endsAt: '2026-06-14T18:00:00+02:00' }]
	] as [string, Partial<RisicoscanInput>][])('class B with %s brings in the GHOR', (_name, extra) => {
		const result = scoreRisicoscan(withPoliceOnly(extra));
		expect(result.category).toBe('B');
		expect(result.advice).toEqual({ brandweer: false, ghor: true, politie: true, joint: false });
	});

	it.each([
		['peak 1 999', { peakVisitors: 1_999 }],
		['limited alcohol', { alcohol: 'limited' }],
		['youth', { audience: ['youth'] }],
		['animals', { activities: ['animals'] }],
		['a water site', { site: 'water' }],
		['a late end', { endsAt: '2026-06-14T02:00:00+02:00' }],
		['indoors with 999 at peak', { indoor: true, peakVisitors: 999 }],
		['another event that day', { concurrentEvents: 1 }]
	] as [string, Partial<RisicoscanInput>][])('class B with %s brings in neither', (_name, extra) => {
		const result = scoreRisicoscan(withPoliceOnly(extra));
		expect(result.category).toBe('B');
		expect(result.advice).toEqual({ brandweer: false, ghor: false, politie: true, joint: false });
	});

	it('class C gets one joint advice of all three', () => {
		const byPoints = scoreRisicoscan(withPoliceOnly({ poorAccess: true, nearHazard: true }));
		expect(byPoints).toMatchObject({ points: 13, category: 'B' });
		const c = scoreRisicoscan(withPoliceOnly({ poorAccess: true, nearHazard: true, audience: ['youth'] }));
		expect(c).toMatchObject({ points: 14, category: 'C' });
		expect(c.advice).toEqual(JOINT_ADVICE);
		expect(scoreRisicoscan(application({ peakVisitors: 15_000 })).advice).toEqual(JOINT_ADVICE);
	});

	it('routes an officer-overridden class by that class', () => {
		const input = application({ site: 'nature', audience: ['elderly'] });
		expect(adviceForCategory('A', input)).toEqual(NO_ADVICE);
		expect(adviceForCategory('B', input)).toEqual({ brandweer: true, ghor: true, politie: true, joint: false });
		expect(adviceForCategory('C', input)).toEqual(JOINT_ADVICE);
	});
});

describe('realistic applications, worked by hand', () => {
	it('a pop festival in the Haarlemmerhout with 20 000 at peak is class C', () => {
		const result = scoreRisicoscan({
			peakVisitors: 20_000,
			totalVisitors: 45_000,
			areaM2: 40_000,
			startsAt: '2026-05-05T12:00:00+02:00',
			endsAt: '2026-05-05T23:00:00+02:00',
			audience: ['youth'],
			alcohol: 'limited',
			drugsExpected: false,
			rivalGroups: false,
			activities: ['amplified_music', 'temporary_structures'],
			site: 'park',
			indoor: false,
			enclosed: true,
			roadClosures: true,
			poorAccess: false,
			nearHazard: false,
			concurrentEvents: 1
		});
		// 8 peak + 0 density (0,5/m²) + 1 youth + 1 alcohol + 1 music + 2 structures + 0 park + 1 enclosed
		// + 1 road closures + 2 other events = 17.
		expect(result.reasons.map((r) => [r.code, r.points])).toEqual([
			['peak_visitors', 8],
			['youth', 1],
			['alcohol', 1],
			['amplified_music', 1],
			['temporary_structures', 2],
			['enclosed', 1],
			['road_closures', 1],
			['concurrent_events', 2]
		]);
		expect(result.points).toBe(17);
		expect(result.category).toBe('C');
		expect(result.floors[0]).toEqual({
			code: 'peak_visitors_c',
			category: 'C',
			label: 'Piekbezetting 20.000 bezoekers (≥ 15.000): minimaal klasse C'
		});
		expect(result.advice).toEqual(JOINT_ADVICE);
	});

	it('a quiet beach concert in Zandvoort with 15 000 at peak is raised from B to C by its floor', () => {
		const result = scoreRisicoscan(
			application({
				peakVisitors: 15_000,
				site: 'beach',
				startsAt: '2026-08-15T19:00:00+02:00',
				endsAt: '2026-08-15T22:30:00+02:00'
			})
		);
		// 8 peak + 1 beach = 9 points: class B by points, C by the floor.
		expect(result.points).toBe(9);
		expect(categoryForPoints(result.points)).toBe('B');
		expect(result.category).toBe('C');
		expect(floorCodes(result)).toContain('peak_visitors_c');
	});

	it('a neighbourhood party in a Heemskerk street is class A', () => {
		const result = scoreRisicoscan({
			peakVisitors: 150,
			startsAt: '2026-06-20T14:00:00+02:00',
			endsAt: '2026-06-20T22:00:00+02:00',
			audience: ['children', 'elderly'],
			alcohol: 'limited',
			drugsExpected: false,
			rivalGroups: false,
			activities: ['amplified_music'],
			site: 'street',
			indoor: false,
			enclosed: false,
			roadClosures: true,
			poorAccess: false,
			nearHazard: false
		});
		// 2 risk groups + 1 alcohol + 1 music + 1 street + 1 road closure = 6: the top of class A.
		expect(result.points).toBe(6);
		expect(result.category).toBe('A');
		expect(result.floors).toEqual([]);
		expect(result.advice).toEqual(NO_ADVICE);
	});

	it('a kermis in Velsen with rides, gas and a late end is class B with brandweer and police', () => {
		const result = scoreRisicoscan(
			application({
				peakVisitors: 1_500,
				startsAt: '2026-09-04T14:00:00+02:00',
				endsAt: '2026-09-05T01:30:00+02:00',
				alcohol: 'limited',
				activities: ['funfair_rides', 'gas', 'amplified_music'],
				site: 'street',
				roadClosures: true
			})
		);
		// 3 peak + 1 alcohol + 1 music + 2 gas + 2 rides + 2 late end + 1 street + 1 road closures = 13.
		expect(result.points).toBe(13);
		expect(result.category).toBe('B');
		expect(result.advice).toEqual({ brandweer: true, ghor: false, politie: true, joint: false });
	});
});

describe('a municipality model', () => {
	const strictModel = {
		...DEFAULT_RISICOSCAN_MODEL,
		version: 'velsen-2026-1',
		peakVisitorBands: [
			{ min: 0, points: 0 },
			{ min: 500, points: 2 },
			{ min: 3_000, points: 6 }
		],
		densityBands: [
			{ min: 0, minInclusive: true, points: 0 },
			{ min: 0.5, minInclusive: true, points: 3 }
		],
		criterionPoints: { ...DEFAULT_RISICOSCAN_MODEL.criterionPoints, fireworks: 0, animals: 4 },
		sitePoints: { ...DEFAULT_RISICOSCAN_MODEL.sitePoints, beach: 3 },
		classThresholds: { B: 4, C: 9 },
		floors: [
			{ kind: 'criterion', code: 'rival_groups_c', criterion: 'rival_groups', category: 'C' },
			{ kind: 'criterion', code: 'fireworks', criterion: 'fireworks', category: 'B' },
			{ kind: 'peak_visitors', code: 'peak_visitors_c', minPeakVisitors: 8_000, category: 'C' }
		],
		advice: { ...DEFAULT_RISICOSCAN_MODEL.advice, ghor: { minPeakVisitors: 500, criteria: [], alcohol: [] } }
	} satisfies typeof DEFAULT_RISICOSCAN_MODEL;

	it('uses its own visitor bands and thresholds', () => {
		const result = scoreRisicoscan(application({ peakVisitors: 3_000 }), strictModel);
		expect(result.reasons).toEqual([
			{ code: 'peak_visitors', profile: 'publiek', points: 6, label: 'Piekbezetting 3.000 bezoekers (≥ 3.000)' }
		]);
		expect(result.category).toBe('B');
		expect(result.advice).toEqual({ brandweer: false, ghor: true, politie: true, joint: false });
		expect(scoreRisicoscan(application({ peakVisitors: 3_000 })).category).toBe('A');
	});

	it('uses its own density bands', () => {
		const result = scoreRisicoscan(application({ peakVisitors: 50, areaM2: 100 }), strictModel);
		expect(result.reasons.map((r) => [r.code, r.points, r.label])).toEqual([
			['density', 3, 'Bezoekersdichtheid 0,5 personen/m² (≥ 0,5)']
		]);
	});

	it('uses its own points per criterion and class thresholds', () => {
		const input = application({ activities: ['animals'], site: 'beach', enclosed: true, roadClosures: true });
		const result = scoreRisicoscan(input, strictModel);
		expect(result.points).toBe(4 + 3 + 1 + 1);
		expect(result.category).toBe('C');
		expect(scoreRisicoscan(input).points).toBe(1 + 1 + 1 + 1);
	});

	it('keeps a floor when the model weighs its criterion at 0 points', () => {
		const result = scoreRisicoscan(application({ activities: ['fireworks'] }), strictModel);
		expect(result.reasons).toEqual([]);
		expect(result.points).toBe(0);
		expect(result.floors).toEqual([
			{ code: 'fireworks', category: 'B', label: 'Vuurwerk of pyrotechniek: minimaal klasse B' }
		]);
		expect(result.category).toBe('B');
	});

	it('uses its own floors only', () => {
		expect(scoreRisicoscan(application({ rivalGroups: true }), strictModel)).toMatchObject({
			category: 'C',
			floors: [{ code: 'rival_groups_c', category: 'C' }]
		});
		expect(scoreRisicoscan(application({ drugsExpected: true }), strictModel).floors).toEqual([]);
		expect(scoreRisicoscan(application({ peakVisitors: 8_000 }), strictModel).floors).toEqual([
			{
				code: 'peak_visitors_c',
				category: 'C',
				label: 'Piekbezetting 8.000 bezoekers (≥ 8.000): minimaal klasse C'
			}
		]);
	});

	it('carries a version, and the default model is the one of DOMAIN.md', () => {
		expect(strictModel.version).toBe('velsen-2026-1');
		expect(DEFAULT_RISICOSCAN_MODEL.version).toMatch(/^paraat-default-/);
		expect(DEFAULT_RISICOSCAN_MODEL.classThresholds).toEqual({ B: 7, C: 14 });
		expect(categoryForPoints(4, strictModel)).toBe('B');
		expect(categoryForPoints(9, strictModel)).toBe('C');
		expect(JSON.parse(JSON.stringify(DEFAULT_RISICOSCAN_MODEL))).toEqual(DEFAULT_RISICOSCAN_MODEL);
	});
});

describe('invariants over many generated applications', () => {
	const ALL_ACTIVITIES: Activity[] = [
		'amplified_music',
		'fireworks',
		'open_fire',
		'gas',
		'temporary_structures',
		'animals',
		'water_activity',
		'motor_vehicles',
		'funfair_rides',
		'endurance_sport'
	];
	// A fixed-seed generator: the same applications on every run, but far more combinations than by hand.
	function* applications(count: number): Generator<RisicoscanInput> {
		let seed = 20_260_613;
		const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
		const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
		const some = <T>(values: readonly T[]): T[] => values.filter(() => next() < 0.3);
		for (let i = 0; i < count; i++) {
			yield application({
				peakVisitors: pick([0, 120, 249, 250, 999, 1_000, 1_999, 2_000, 4_999, 5_000, 14_999, 15_000, 60_000]),
				areaM2: pick([undefined, 100, 1_000, 5_000, 20_000]),
				audience: some(['children', 'elderly', 'less_self_reliant', 'youth'] as const),
				alcohol: pick(['none', 'limited', 'heavy'] as const),
				drugsExpected: next() < 0.2,
				rivalGroups: next() < 0.2,
				activities: some(ALL_ACTIVITIES),
				site: pick(['street', 'beach', 'park', 'terrain', 'building', 'nature', 'water'] as const),
				indoor: next() < 0.3,
				enclosed: next() < 0.3,
				roadClosures: next() < 0.3,
				poorAccess: next() < 0.2,
				nearHazard: next() < 0.2,
				concurrentEvents: pick([undefined, 0, 1, 4]),
				endsAt: pick(['2026-06-13T18:00:00+02:00', '2026-06-14T02:00:00+02:00', '2026-06-15T12:00:00+02:00'])
			});
		}
	}
	const rank = { A: 0, B: 1, C: 2 };

	it('keeps points, class, floors and advice consistent', () => {
		for (const input of applications(2_000)) {
			const result = scoreRisicoscan(input);
			expect(result.points).toBe(result.reasons.reduce((sum, r) => sum + r.points, 0));
			expect(result.reasons.every((r) => r.points > 0 && r.label.length > 0)).toBe(true);
			expect(new Set(result.reasons.map((r) => r.code)).size).toBe(result.reasons.length);
			const floorRanks = result.floors.map((f) => rank[f.category]);
			const highest = Math.max(rank[categoryForPoints(result.points)], ...floorRanks);
			expect(rank[result.category]).toBe(highest);
			if (result.category === 'A') expect(result.advice).toEqual(NO_ADVICE);
			if (result.category === 'B') expect(result.advice).toMatchObject({ politie: true, joint: false });
			if (result.category === 'C') expect(result.advice).toEqual(JOINT_ADVICE);
		}
	});
});
