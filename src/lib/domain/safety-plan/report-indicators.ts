// An indicator as the council's reports show it (issue 18): the summary row (baseline, the year's
// target, the latest figure, reached, trend), the table per year behind the chart, and the chart's
// data — every number with its source and date beside it. Shared by the half-yearly progress
// report and the yearly execution programme. Pure.
import { latestUpTo, progress, targetFor, targetReached, trend, TREND_LABELS, type Direction } from './indicators.ts';
import type { ChartData } from './indicator-chart.ts';

export interface IndicatorInput {
	priorityId: string;
	title: string;
	definition?: string;
	unit: string;
	direction: Direction;
	baselineYear: number;
	baseline: number;
	source: string;
	targets: { year: number; value: number }[];
	measurements: { areaCode: string; year: number; value: number; source: string; measuredOn: string }[];
}

/** One year of the table beside the chart; `source` and `measuredOn` belong to `value`. */
export interface IndicatorYearRow {
	year: number;
	kind: 'nulmeting' | 'meting' | 'geen meting';
	target: string;
	value: string;
	source: string;
	measuredOn: string;
}

export interface ReportIndicatorRow {
	title: string;
	definition: string;
	unit: string;
	baseline: string;
	target: string;
	latest: string;
	reached: string;
	trend: string;
	/** Source and date of the latest figure (or of the baseline when there is none). */
	source: string;
	years: IndicatorYearRow[];
	chart: ChartData;
}

const nl = (n: number) => n.toLocaleString('nl-NL');

/** The baseline's date: the indicator records only its year, so the note says which year it is. */
export const baselineDate = (year: number) => `nulmeting ${year}`;

/**
 * The indicator up to `year` (the report's year): the latest municipality-wide figure at or before
 * it against that year's target, and per year from the baseline to `year` the target and figure.
 */
export function reportIndicator(i: IndicatorInput, year: number, period: { startYear: number; endYear: number }): ReportIndicatorRow {
	const whole = i.measurements.filter((m) => m.areaCode === '');
	const latestValue = latestUpTo(whole, year);
	const latest = latestValue ? whole.find((m) => m.year === latestValue.year) : undefined;
	const target = targetFor(i.targets, year);
	const years: IndicatorYearRow[] = [];
	for (let y = Math.min(i.baselineYear, period.startYear); y <= year; y++) {
		const measured = whole.find((m) => m.year === y);
		const yearTarget = targetFor(i.targets, y);
		if (measured) {
			years.push({ year: y, kind: 'meting', target: yearTarget === undefined ? '—' : nl(yearTarget), value: nl(measured.value), source: measured.source, measuredOn: measured.measuredOn });
		} else if (y === i.baselineYear) {
			years.push({ year: y, kind: 'nulmeting', target: yearTarget === undefined ? '—' : nl(yearTarget), value: nl(i.baseline), source: i.source, measuredOn: baselineDate(y) });
		} else if (yearTarget !== undefined && y >= period.startYear) {
			years.push({ year: y, kind: 'geen meting', target: nl(yearTarget), value: '—', source: '—', measuredOn: '—' });
		}
	}
	return {
		title: i.title,
		definition: i.definition ?? '',
		unit: i.unit,
		baseline: `${nl(i.baseline)} (${i.baselineYear})`,
		target: target === undefined ? '—' : nl(target),
		latest: latest ? `${nl(latest.value)} (${latest.year})` : '—',
		reached:
			latest && target !== undefined
				? targetReached(i.direction, target, latest.value)
					? 'Ja'
					: `Nee (${Math.round(progress(i.direction, i.baseline, target, latest.value) * 100)}%)`
				: '—',
		trend: TREND_LABELS[trend(i.direction, whole.filter((m) => m.year <= year))],
		source: latest ? `${latest.source}, ${latest.measuredOn}` : `${i.source} (${baselineDate(i.baselineYear)})`,
		years,
		chart: {
			title: i.title,
			unit: i.unit,
			direction: i.direction,
			baselineYear: i.baselineYear,
			baseline: i.baseline,
			targets: i.targets,
			measurements: whole.filter((m) => m.year <= year).map((m) => ({ year: m.year, value: m.value })),
			fromYear: period.startYear,
			// The whole period, so the later years' targets show where the line should go.
			toYear: Math.max(year, period.endYear)
		}
	};
}

/**
 * What in a report would be a number without its source or date: each entry names it (the latest
 * figure of a summary row is one of the years, so checking the years covers it). The reports are
 * built so this is empty; the tests hold them to it.
 */
export function untracedNumbers(indicators: readonly ReportIndicatorRow[], figures: readonly { label: string; source: string }[] = []): string[] {
	const gaps: string[] = [];
	const blank = (s: string) => s.trim() === '' || s === '—';
	for (const i of indicators) {
		for (const y of i.years) {
			if (y.value === '—') continue;
			if (blank(y.source)) gaps.push(`${i.title} ${y.year}: geen bron`);
			if (blank(y.measuredOn)) gaps.push(`${i.title} ${y.year}: geen datum`);
		}
	}
	for (const f of figures) if (!/\d{4}-\d{2}-\d{2}/.test(f.source)) gaps.push(`${f.label}: bron zonder datum`);
	return gaps;
}
