// The rules of an indicator of the safety plan (DOMAIN.md §8): how far a measurement has come from
// the baseline toward the year's target, whether the target is reached, and where the figures go.
// Pure: the page, the API and the report all compute them the same way.

/** Whether a lower figure is better (crime, nuisance) or a higher one (sense of safety). */
export type Direction = 'omlaag' | 'omhoog';
export const DIRECTIONS: readonly Direction[] = ['omlaag', 'omhoog'];

export interface YearValue {
	year: number;
	value: number;
}

/** A lower value is better for `omlaag`, a higher one for `omhoog`. */
function better(direction: Direction, a: number, b: number): boolean {
	return direction === 'omlaag' ? a < b : a > b;
}

/** Whether `value` meets `target`: at or below it for `omlaag`, at or above it for `omhoog`. */
export function targetReached(direction: Direction, target: number, value: number): boolean {
	return value === target || better(direction, value, target);
}

/**
 * The share of the way from baseline to target that `value` has come, between 0 and 1: 0 at (or
 * worse than) the baseline, 1 at (or beyond) the target. A target equal to the baseline (hold the
 * line) is all or nothing; a target on the wrong side of the baseline is reached when it is met.
 */
export function progress(direction: Direction, baseline: number, target: number, value: number): number {
	if (targetReached(direction, target, value)) return 1;
	if (target === baseline || !better(direction, target, baseline)) return 0;
	const share = (value - baseline) / (target - baseline);
	return Math.min(1, Math.max(0, share));
}

export type Trend = 'beter' | 'slechter' | 'gelijk' | 'onbekend';

/** The direction of the two latest measurements (by year): `onbekend` with fewer than two. */
export function trend(direction: Direction, series: readonly YearValue[]): Trend {
	if (series.length < 2) return 'onbekend';
	const [previous, latest] = [...series].sort((a, b) => a.year - b.year).slice(-2) as [YearValue, YearValue];
	if (latest.value === previous.value) return 'gelijk';
	return better(direction, latest.value, previous.value) ? 'beter' : 'slechter';
}

/** The latest measurement at or before `year`, or undefined. */
export function latestUpTo(series: readonly YearValue[], year: number): YearValue | undefined {
	return [...series].filter((m) => m.year <= year).sort((a, b) => b.year - a.year)[0];
}

/** The target for `year`: that year's, else the nearest earlier year's (a target holds until changed). */
export function targetFor(targets: readonly YearValue[], year: number): number | undefined {
	return latestUpTo(targets, year)?.value;
}

export const TREND_LABELS: Record<Trend, string> = {
	beter: 'Verbetert',
	slechter: 'Verslechtert',
	gelijk: 'Gelijk gebleven',
	onbekend: 'Nog geen trend'
};

export const DIRECTION_LABELS: Record<Direction, string> = {
	omlaag: 'Lager is beter',
	omhoog: 'Hoger is beter'
};
