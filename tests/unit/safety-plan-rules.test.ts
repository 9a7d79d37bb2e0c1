// The safety plan's domain rules (issue 18): progress, target reached, trend, targets per year,
// actions behind schedule and the plan period — by example and by property.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { latestUpTo, progress, targetFor, targetReached, trend, type Direction } from '../../src/lib/domain/safety-plan/indicators.ts';
import { ACTION_STATUSES, isActionStatus, isBehind, isFinished, quarterOf, statusCounts } from '../../src/lib/domain/safety-plan/actions.ts';
import { covers, currentPlan, defaultProgrammeYear, planYears } from '../../src/lib/domain/safety-plan/plan-period.ts';

describe('targetReached', () => {
	it.each([
		['omlaag', 100, 90, true],
		['omlaag', 100, 100, true],
		['omlaag', 100, 101, false],
		['omhoog', 7.5, 7.6, true],
		['omhoog', 7.5, 7.5, true],
		['omhoog', 7.5, 7.4, false]
	] as const)('%s, target %d, value %d → %s', (direction, target, value, reached) => {
		expect(targetReached(direction, target, value)).toBe(reached);
	});
});

describe('progress', () => {
	it('is the share of the way from baseline to target, for lower-is-better', () => {
		expect(progress('omlaag', 200, 100, 200)).toBe(0);
		expect(progress('omlaag', 200, 100, 150)).toBe(0.5);
		expect(progress('omlaag', 200, 100, 100)).toBe(1);
		expect(progress('omlaag', 200, 100, 80)).toBe(1);
		expect(progress('omlaag', 200, 100, 250)).toBe(0);
	});
	it('is the share of the way for higher-is-better', () => {
		expect(progress('omhoog', 6, 8, 7)).toBe(0.5);
		expect(progress('omhoog', 6, 8, 5)).toBe(0);
		expect(progress('omhoog', 6, 8, 9)).toBe(1);
	});
	it('is all or nothing when the target holds the line', () => {
		expect(progress('omlaag', 50, 50, 50)).toBe(1);
		expect(progress('omlaag', 50, 50, 51)).toBe(0);
		expect(progress('omhoog', 50, 50, 49)).toBe(0);
	});
	it('counts a target on the wrong side of the baseline as met or not', () => {
		expect(progress('omlaag', 50, 60, 55)).toBe(1);
		expect(progress('omlaag', 50, 60, 65)).toBe(0);
	});
	it('always lies between 0 and 1, and is 1 exactly when the target is reached', () => {
		const direction = fc.constantFrom<Direction>('omlaag', 'omhoog');
		const n = fc.integer({ min: -1000, max: 1000 });
		fc.assert(
			fc.property(direction, n, n, n, (d, baseline, target, value) => {
				const p = progress(d, baseline, target, value);
				expect(p).toBeGreaterThanOrEqual(0);
				expect(p).toBeLessThanOrEqual(1);
				expect(p === 1).toBe(targetReached(d, target, value));
			})
		);
	});
	it('never falls when the value improves', () => {
		const n = fc.integer({ min: -1000, max: 1000 });
		fc.assert(
			fc.property(n, n, n, fc.integer({ min: 0, max: 500 }), (baseline, target, value, step) => {
				expect(progress('omlaag', baseline, target, value - step)).toBeGreaterThanOrEqual(progress('omlaag', baseline, target, value));
				expect(progress('omhoog', baseline, target, value + step)).toBeGreaterThanOrEqual(progress('omhoog', baseline, target, value));
			})
		);
	});
});

describe('trend', () => {
	it('is unknown with fewer than two measurements', () => {
		expect(trend('omlaag', [])).toBe('onbekend');
		expect(trend('omlaag', [{ year: 2022, value: 4 }])).toBe('onbekend');
	});
	it('compares the two latest years, whatever the order given', () => {
		const series = [
			{ year: 2023, value: 80 },
			{ year: 2021, value: 120 },
			{ year: 2022, value: 90 }
		];
		expect(trend('omlaag', series)).toBe('beter');
		expect(trend('omhoog', series)).toBe('slechter');
		expect(trend('omlaag', [...series, { year: 2024, value: 80 }])).toBe('gelijk');
	});
	it('is the mirror image for the two directions', () => {
		const series = fc.array(fc.record({ year: fc.integer({ min: 2000, max: 2030 }), value: fc.integer({ min: 0, max: 100 }) }), { minLength: 2 });
		fc.assert(
			fc.property(series, (s) => {
				const unique = [...new Map(s.map((m) => [m.year, m])).values()];
				const down = trend('omlaag', unique);
				const up = trend('omhoog', unique);
				if (down === 'beter') expect(up).toBe('slechter');
				if (down === 'slechter') expect(up).toBe('beter');
				if (down === 'gelijk' || down === 'onbekend') expect(up).toBe(down);
			})
		);
	});
});

describe('targets per year', () => {
	const targets = [
		{ year: 2022, value: 180 },
		{ year: 2024, value: 150 }
	];
	it('takes the year’s target, or the nearest earlier one', () => {
		expect(targetFor(targets, 2021)).toBeUndefined();
		expect(targetFor(targets, 2022)).toBe(180);
		expect(targetFor(targets, 2023)).toBe(180);
		expect(targetFor(targets, 2024)).toBe(150);
		expect(targetFor(targets, 2030)).toBe(150);
	});
	it('finds the latest measurement up to a year', () => {
		expect(latestUpTo(targets, 2023)).toEqual({ year: 2022, value: 180 });
		expect(latestUpTo([], 2023)).toBeUndefined();
	});
});

describe('actions', () => {
	it('knows its statuses', () => {
		for (const s of ACTION_STATUSES) expect(isActionStatus(s)).toBe(true);
		expect(isActionStatus('klaar')).toBe(false);
		expect(isActionStatus(3)).toBe(false);
	});
	it('puts every month in its quarter', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(quarterOf)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
	});
	it('is behind once its quarter has ended and it is not finished', () => {
		const today = { year: 2024, quarter: 3 as const };
		for (const status of ACTION_STATUSES) {
			const open = !isFinished(status);
			expect(isBehind({ year: 2024, plannedQuarter: 2, status }, today)).toBe(open);
			expect(isBehind({ year: 2023, plannedQuarter: 4, status }, today)).toBe(open);
			expect(isBehind({ year: 2024, plannedQuarter: 3, status }, today)).toBe(false);
			expect(isBehind({ year: 2025, plannedQuarter: 1, status }, today)).toBe(false);
		}
	});
	it('counts every status', () => {
		expect(statusCounts([{ status: 'gereed' }, { status: 'gereed' }, { status: 'uitgesteld' }])).toEqual({
			gepland: 0,
			in_uitvoering: 0,
			gereed: 2,
			uitgesteld: 1,
			vervallen: 0
		});
	});
});

describe('plan period', () => {
	const ivhp = { startYear: 2021, endYear: 2024 };
	it('lists its years and covers them', () => {
		expect(planYears(ivhp)).toEqual([2021, 2022, 2023, 2024]);
		expect(covers(ivhp, 2021)).toBe(true);
		expect(covers(ivhp, 2024)).toBe(true);
		expect(covers(ivhp, 2025)).toBe(false);
		expect(covers(ivhp, 2020)).toBe(false);
	});
	it('opens this year’s programme, or the nearest year of the plan', () => {
		expect(defaultProgrammeYear(ivhp, 2023)).toBe(2023);
		expect(defaultProgrammeYear(ivhp, 2026)).toBe(2024);
		expect(defaultProgrammeYear(ivhp, 2019)).toBe(2021);
	});
	it('chooses the running plan, else the latest earlier, else the first', () => {
		const old = { startYear: 2017, endYear: 2020 };
		const next = { startYear: 2025, endYear: 2028 };
		expect(currentPlan([old, ivhp, next], 2022)).toBe(ivhp);
		expect(currentPlan([old, ivhp], 2026)).toBe(ivhp);
		expect(currentPlan([ivhp, next], 2010)).toBe(ivhp);
		expect(currentPlan([], 2022)).toBeUndefined();
	});
});
