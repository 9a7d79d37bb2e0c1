// The bluswater sums with numbers checked by hand (worked out in the comments).
import { describe, expect, it } from 'vitest';
import {
	WATER_RULES,
	driveMinutes,
	etaMinutes,
	gaugeState,
	haversineKm,
	proposeUnits,
	sceneLevels,
	shuttlePlan,
	shuttlePlans,
	waterPicture,
	type FleetUnit,
	type SupplyUnit
} from '../../src/lib/domain/bluswater.ts';

const now = new Date('2026-03-14T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const target = { lat: 52, lon: 4 };
// Due north of the target: one degree of latitude is 2π·6371/360 = 111.1949 km.
const north = (deg: number) => ({ lat: 52 + deg, lon: 4 });

function tanker(id: string, over: Partial<SupplyUnit> = {}): SupplyUnit {
	return {
		unitId: id,
		code: `WTW ${id}`,
		kind: 'wtw',
		status: 'ter_plaatse',
		crew: 'beroeps',
		capacityLitres: 17_000,
		pumpRateLpm: 4_000,
		position: target,
		arrivedAt: now,
		litresLeft: null,
		litresLeftAt: null,
		...over
	};
}

describe('distance and driving time', () => {
	it('haversine: 0.09° of latitude is 10.0075 km; 1° of longitude on the equator 111.19 km', () => {
		expect(haversineKm(target, north(0.09))).toBeCloseTo(10.0075, 3);
		expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.1949, 3);
		expect(haversineKm(target, target)).toBe(0);
	});

	it('haversine Haarlem → Zandvoort centres is about 7.18 km', () => {
		// Δlat 0.008° = 0.890 km; Δlon 0.105° × cos 52.377° = 0.0641° = 7.128 km; √(0.890² + 7.128²) = 7.18
		expect(haversineKm({ lat: 52.381, lon: 4.637 }, { lat: 52.373, lon: 4.532 })).toBeCloseTo(7.18, 2);
	});

	it('drives 10 km in 10 × 1.3 / 50 × 60 = 15.6 minutes', () => {
		expect(driveMinutes(10)).toBeCloseTo(15.6, 10);
		expect(driveMinutes(0)).toBe(0);
	});

	it('ETA adds turnout while not yet rolling: 1 min professional, 5 min volunteers', () => {
		const unit = { position: north(0.09), crew: 'vrijwillig' as const };
		// 10.0075 km → 15.6118 min drive
		expect(etaMinutes({ ...unit, status: 'gealarmeerd' }, target)).toBeCloseTo(20.6118, 3);
		expect(etaMinutes({ ...unit, status: 'beschikbaar', crew: 'beroeps' }, target)).toBeCloseTo(16.6118, 3);
		expect(etaMinutes({ ...unit, status: 'onderweg' }, target)).toBeCloseTo(15.6118, 3);
		expect(etaMinutes({ ...unit, status: 'vullen' }, target)).toBeNull();
		expect(etaMinutes({ ...unit, status: 'onderweg' }, null)).toBeNull();
	});
});

describe('water on scene', () => {
	it('one full WTW at 500 l/min lasts 17 000 / 500 = 34 minutes', () => {
		const p = waterPicture({ demandLpm: 500, target, units: [tanker('A')] }, now);
		expect(p).toMatchObject({ litresOnScene: 17_000, litresOnTheWay: 0, minutesLeft: 34, netDemandLpm: 500, continuousLpm: 0, gauge: 'groen', warning: null });
		expect(p.runsOutAt?.toISOString()).toBe('2026-03-14T12:34:00.000Z');
		// The next tanker must be connected 3 minutes before: at 12:31.
		expect(p.nextTankerDueAt?.toISOString()).toBe('2026-03-14T12:31:00.000Z');
	});

	it('after 10 minutes at 500 l/min: 12 000 l, 24 minutes', () => {
		const p = waterPicture({ demandLpm: 500, target, units: [tanker('A', { arrivedAt: ago(10) })] }, now);
		expect(p.litresOnScene).toBe(12_000);
		expect(p.minutesLeft).toBe(24);
	});

	it('tankers empty in order of arrival: A at −40, B at −20 min, 500 l/min', () => {
		// −40..−20: A gives 10 000 → 7 000. −20..0: 10 000 more: A 7 000 → 0, B 3 000 → 14 000.
		const levels = sceneLevels([tanker('B', { arrivedAt: ago(20) }), tanker('A', { arrivedAt: ago(40) })], 500, now);
		expect(levels).toEqual({ A: 0, B: 14_000 });
		const p = waterPicture({ demandLpm: 500, target, units: [tanker('A', { arrivedAt: ago(40) }), tanker('B', { arrivedAt: ago(20) })] }, now);
		expect(p.litresOnScene).toBe(14_000);
		expect(p.minutesLeft).toBe(28);
	});

	it('a reported level replaces the computed one from then on', () => {
		// Arrived 30 min ago; crew reported 9 000 l 4 min ago: 9 000 − 4 × 500 = 7 000 l, 14 min.
		const p = waterPicture({ demandLpm: 500, target, units: [tanker('A', { arrivedAt: ago(30), litresLeft: 9_000, litresLeftAt: ago(4) })] }, now);
		expect(p.levels).toEqual({ A: 7_000 });
		expect(p.minutesLeft).toBe(14);
	});

	it('a report for the second tanker does not move the draw from the first', () => {
		// A and B arrive at −10; A feeds the fire (5 000 l used). B reports 17 000 at −5: unchanged.
		const levels = sceneLevels(
			[tanker('A', { arrivedAt: ago(10) }), tanker('B', { arrivedAt: ago(10), litresLeft: 17_000, litresLeftAt: ago(5) })],
			500,
			now
		);
		expect(levels).toEqual({ A: 12_000, B: 17_000 });
	});

	it('ignores a report from before the last arrival (that load was refilled)', () => {
		const levels = sceneLevels([tanker('A', { arrivedAt: ago(2), litresLeft: 1_000, litresLeftAt: ago(30) })], 500, now);
		expect(levels).toEqual({ A: 16_000 });
	});

	it('an empty scene stays at 0, never negative', () => {
		const p = waterPicture({ demandLpm: 1_000, target, units: [tanker('A', { arrivedAt: ago(60) })] }, now);
		expect(p.litresOnScene).toBe(0);
		expect(p.minutesLeft).toBe(0);
		expect(p.gauge).toBe('rood');
	});

	it('counts litres on the way only for gealarmeerd, onderweg, pendelen and vullen', () => {
		const units = [
			tanker('A'),
			tanker('B', { status: 'onderweg', arrivedAt: null }),
			tanker('C', { status: 'vullen', arrivedAt: null, capacityLitres: 10_000 }),
			tanker('D', { status: 'retour', arrivedAt: null }),
			tanker('E', { status: 'beschikbaar', arrivedAt: null })
		];
		const p = waterPicture({ demandLpm: 500, target, units }, now);
		expect(p.litresOnScene).toBe(17_000);
		expect(p.litresOnTheWay).toBe(27_000);
		// (17 000 + 27 000) / 500 = 88
		expect(p.minutesLeftWithOnTheWay).toBe(88);
	});

	it('a GWT on scene supplies continuously: 2 000 demand − 1 500 GWT leaves 500 l/min from the tanker', () => {
		const gwt = tanker('G', { kind: 'gwt', capacityLitres: 0, pumpRateLpm: 1_500 });
		const p = waterPicture({ demandLpm: 2_000, target, units: [gwt, tanker('A')] }, now);
		expect(p).toMatchObject({ continuousLpm: 1_500, netDemandLpm: 500, litresOnScene: 17_000, minutesLeft: 34 });
	});

	it('a GWT that covers the demand means no end: minutes left null, green, no warning', () => {
		const gwt = tanker('G', { kind: 'gwt', capacityLitres: 0, pumpRateLpm: 8_000 });
		const p = waterPicture({ demandLpm: 2_000, target, units: [gwt] }, now);
		expect(p).toMatchObject({ minutesLeft: null, runsOutAt: null, nextTankerDueAt: null, gauge: 'groen', warning: null });
	});

	it('refuses a demand of 0 or less', () => {
		expect(() => waterPicture({ demandLpm: 0, target, units: [] }, now)).toThrow(/groter zijn dan 0/);
		expect(() => waterPicture({ demandLpm: -500, target, units: [] }, now)).toThrow(RangeError);
	});
});

describe('gauge', () => {
	it.each([
		[null, 'groen'],
		[34, 'groen'],
		[15.01, 'groen'],
		[15, 'amber'],
		[5.01, 'amber'],
		[5, 'rood'],
		[0, 'rood']
	] as const)('%s minutes left is %s', (minutes, state) => {
		expect(gaugeState(minutes)).toBe(state);
	});

	it('takes its thresholds from the rules', () => {
		const rules = { ...WATER_RULES, gauge: { amberAtMinutes: 30, redAtMinutes: 10 } };
		expect(gaugeState(25, rules)).toBe('amber');
		expect(gaugeState(10, rules)).toBe('rood');
	});
});

describe('warning before the water runs out', () => {
	it('no water and nobody coming', () => {
		const p = waterPicture({ demandLpm: 500, target, units: [] }, now);
		expect(p.minutesLeft).toBe(0);
		expect(p.warning).toMatch(/geen water ter plaatse en er is geen eenheid onderweg/);
	});

	it('no water yet, a tanker on its way: says when it comes', () => {
		// onderweg from 10.0075 km: 15.6 min
		const p = waterPicture({ demandLpm: 500, target, units: [tanker('B', { status: 'onderweg', position: north(0.09), arrivedAt: null })] }, now);
		expect(p.warning).toBe('Nog geen water ter plaatse; WTW B is er over 15 min.');
		expect(p.nextArrival).toMatchObject({ unitId: 'B' });
		expect(p.nextArrival?.etaMinutes).toBeCloseTo(15.6118, 3);
	});

	it('14 minutes left and nobody coming: warns (amber threshold is 15)', () => {
		const p = waterPicture({ demandLpm: 500, target, units: [tanker('A', { arrivedAt: ago(20) })] }, now);
		expect(p.minutesLeft).toBe(14);
		expect(p.gauge).toBe('amber');
		expect(p.warning).toBe('Het water is over 14 min op en er is geen eenheid onderweg: alarmeer nu een eenheid.');
	});

	it('16 minutes left and nobody coming: not yet', () => {
		const p = waterPicture({ demandLpm: 500, target, units: [tanker('A', { arrivedAt: ago(18) })] }, now);
		expect(p.minutesLeft).toBe(16);
		expect(p.warning).toBeNull();
	});

	it('the next tanker comes too late: ETA 15.6 + 3 connect > 14 minutes left', () => {
		const units = [tanker('A', { arrivedAt: ago(20) }), tanker('B', { status: 'onderweg', position: north(0.09), arrivedAt: null })];
		const p = waterPicture({ demandLpm: 500, target, units }, now);
		expect(p.warning).toBe('Het water is over 14 min op, maar WTW B is er pas over 15 min: stuur een eenheid die eerder kan zijn.');
	});

	it('the next tanker is in time: ETA 7.8 + 3 ≤ 14 minutes left, no warning', () => {
		// 0.045° = 5.0037 km → 7.806 min
		const units = [tanker('A', { arrivedAt: ago(20) }), tanker('B', { status: 'onderweg', position: north(0.045), arrivedAt: null })];
		const p = waterPicture({ demandLpm: 500, target, units }, now);
		expect(p.nextArrival?.etaMinutes).toBeCloseTo(7.8059, 3);
		expect(p.warning).toBeNull();
	});

	it('a unit is coming but its arrival is unknown (vullen) and 10 minutes are left', () => {
		const units = [tanker('A', { arrivedAt: ago(24) }), tanker('C', { status: 'vullen', arrivedAt: null })];
		const p = waterPicture({ demandLpm: 500, target, units }, now);
		expect(p.warning).toBe('Het water is over 10 min op; de aankomsttijd van de volgende eenheid is onbekend.');
	});
});

describe('proposing the nearest free unit', () => {
	const fleet: FleetUnit[] = [
		{ id: '1', code: 'WTW 12-1', kind: 'wtw', status: 'beschikbaar', crew: 'vrijwillig', station: 'Dichtbij', position: north(0.045) },
		{ id: '2', code: 'WTW 12-2', kind: 'wtw', status: 'beschikbaar', crew: 'beroeps', station: 'Verder', position: north(0.07) },
		{ id: '3', code: 'WTW 12-3', kind: 'wtw', status: 'onderweg', crew: 'beroeps', station: 'Bezet', position: target },
		{ id: '4', code: 'WTW 12-4', kind: 'wtw', status: 'buiten_dienst', crew: 'beroeps', station: 'Kapot', position: target },
		{ id: '5', code: 'GWT 12-1', kind: 'gwt', status: 'beschikbaar', crew: 'beroeps', station: 'Groot', position: target }
	];

	it('only beschikbaar units of the kind, fastest first: turnout counts', () => {
		// 12-1: 5.0037 km → 7.806 drive + 5 volunteer turnout = 12.806
		// 12-2: 0.07° = 7.7836 km → 12.142 drive + 1 = 13.142
		const proposals = proposeUnits(target, fleet);
		expect(proposals.map((p) => p.code)).toEqual(['WTW 12-1', 'WTW 12-2']);
		expect(proposals[0]!.distanceKm).toBeCloseTo(5.0037, 3);
		expect(proposals[0]!.etaMinutes).toBeCloseTo(12.806, 2);
		expect(proposals[1]!.etaMinutes).toBeCloseTo(13.142, 2);
	});

	it('proposes a GWT only when asked for one', () => {
		expect(proposeUnits(target, fleet, 'gwt').map((p) => p.code)).toEqual(['GWT 12-1']);
	});

	it('proposes nothing when no unit is free', () => {
		expect(proposeUnits(target, fleet.map((u) => ({ ...u, status: 'retour' as const })))).toEqual([]);
	});
});

describe('shuttle plan', () => {
	it('500 l/min, WTW 17 000 l / 4 000 l/min, fill 2 000 l/min, 10 min drive, feeding directly: 2 tankers', () => {
		// load 34, fill 8.5, discharge 17 000 / min(4 000, 500) = 34, cycle 10 + 8.5 + 10 + 34 = 62.5; 62.5 / 34 = 1.84 → 2
		const plan = shuttlePlan({ demandLpm: 500, capacityLitres: 17_000, pumpRateLpm: 4_000, fillRateLpm: 2_000, driveMinutes: 10 });
		expect(plan).toEqual({ loadMinutes: 34, fillMinutes: 8.5, dischargeMinutes: 34, cycleMinutes: 62.5, tankersNeeded: 2, pumpLimited: false });
	});

	it('the same into a buffer basin: discharge 4.25, cycle 32.75 < 34 → 1 tanker', () => {
		const plan = shuttlePlan({ demandLpm: 500, capacityLitres: 17_000, pumpRateLpm: 4_000, fillRateLpm: 2_000, driveMinutes: 10, discharge: 'buffer' });
		expect(plan).toMatchObject({ dischargeMinutes: 4.25, cycleMinutes: 32.75, tankersNeeded: 1 });
	});

	it('2 000 l/min, 15 min drive: load 8.5, cycle 15 + 8.5 + 15 + 8.5 = 47; 47 / 8.5 = 5.53 → 6', () => {
		const plan = shuttlePlan({ demandLpm: 2_000, capacityLitres: 17_000, pumpRateLpm: 4_000, fillRateLpm: 2_000, driveMinutes: 15 });
		expect(plan).toMatchObject({ loadMinutes: 8.5, cycleMinutes: 47, tankersNeeded: 6 });
	});

	it('an exact multiple needs no extra tanker: cycle 68 = 2 × load 34 → 2', () => {
		// fill 17 000 / 1 000 = 17, drive 8.5 each way, discharge 34: 8.5 + 17 + 8.5 + 34 = 68
		const plan = shuttlePlan({ demandLpm: 500, capacityLitres: 17_000, pumpRateLpm: 4_000, fillRateLpm: 1_000, driveMinutes: 8.5 });
		expect(plan).toMatchObject({ cycleMinutes: 68, tankersNeeded: 2 });
	});

	it('flags a demand above one pump: 5 000 l/min on a 4 000 l/min tanker', () => {
		// load 3.4, discharge 17 000 / 4 000 = 4.25, fill 4.25, cycle 0 + 4.25 + 0 + 4.25 = 8.5; 8.5 / 3.4 = 2.5 → 3
		const plan = shuttlePlan({ demandLpm: 5_000, capacityLitres: 17_000, pumpRateLpm: 4_000, fillRateLpm: 4_000, driveMinutes: 0 });
		expect(plan).toMatchObject({ pumpLimited: true, tankersNeeded: 3 });
	});

	it('refuses impossible input', () => {
		expect(() => shuttlePlan({ demandLpm: -1, capacityLitres: 17_000, pumpRateLpm: 4_000, fillRateLpm: 2_000, driveMinutes: 10 })).toThrow(RangeError);
		expect(() => shuttlePlan({ demandLpm: 500, capacityLitres: 17_000, pumpRateLpm: 4_000, fillRateLpm: 0, driveMinutes: 10 })).toThrow(RangeError);
	});

	it('ranks refill points: fewest tankers first, then the shortest cycle', () => {
		const sites = [
			{ id: 'ver', name: 'Ver kanaal', kind: 'open_water' as const, position: north(0.09), fillRateLpm: 4_000 },
			{ id: 'put', name: 'Langzame put', kind: 'put' as const, position: north(0.01), fillRateLpm: 500 },
			{ id: 'dicht', name: 'Dichtbij water', kind: 'open_water' as const, position: north(0.045), fillRateLpm: 4_000 }
		];
		// dicht: drive 7.806, fill 4.25, discharge 34 → cycle 53.86 → 2
		// ver: drive 15.612, fill 4.25 → cycle 69.47 → 3
		// put: 1.1119 km → drive 1.735; fill 34 → cycle 71.47 → 3 (longer cycle than ver)
		const plans = shuttlePlans(target, sites, { capacityLitres: 17_000, pumpRateLpm: 4_000 }, 500);
		expect(plans.map((p) => [p.refillPointId, p.tankersNeeded])).toEqual([
			['dicht', 2],
			['ver', 3],
			['put', 3]
		]);
		expect(plans[0]!.cycleMinutes).toBeCloseTo(53.862, 2);
	});
});
