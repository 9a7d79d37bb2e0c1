// The chart of one indicator for the council's reports (issue 18): baseline, the target per year
// and the measurements, drawn once as plain shapes in points so the PDF draws them as vectors and
// the Word document gets the same picture as an image (via SVG). Pure: data in, shapes out.
import { DIRECTION_LABELS, targetFor, type Direction, type YearValue } from './indicators.ts';

export interface ChartData {
	title: string;
	unit: string;
	direction: Direction;
	baselineYear: number;
	baseline: number;
	targets: readonly YearValue[];
	/** The municipality-wide measurements (area ''), one per year. */
	measurements: readonly YearValue[];
	/** The years on the axis: the plan's period (the baseline year is added when earlier). */
	fromYear: number;
	toYear: number;
}

export type Shape =
	| { kind: 'line'; points: [number, number][]; stroke: string; width: number; dash?: [number, number] }
	| { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
	| { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
	| { kind: 'text'; x: number; y: number; text: string; size: number; anchor: 'start' | 'middle' | 'end'; fill: string; bold?: boolean };

export interface Chart {
	width: number;
	height: number;
	shapes: Shape[];
	/** The chart in words: what a screen reader reads and the Word image's description. */
	alt: string;
}

export const CHART_COLOURS = { measurement: '#1b5e8c', target: '#a3400f', baseline: '#4d4d4d', grid: '#d0d0d0', text: '#1a1a1a' } as const;

export interface Scale {
	min: number;
	max: number;
	step: number;
}

/**
 * A readable value axis around `values`: steps of 1, 2 or 5 times a power of ten, about `ticks`
 * of them, starting at 0 when every value is positive and 0 is not far below (a count axis that
 * does not start at 0 exaggerates a change), and never a zero-height axis.
 */
export function niceScale(values: readonly number[], ticks = 5): Scale {
	const finite = values.filter(Number.isFinite);
	let low = finite.length > 0 ? Math.min(...finite) : 0;
	let high = finite.length > 0 ? Math.max(...finite) : 1;
	if (low >= 0 && low <= high * 0.5) low = 0;
	if (high === low) {
		high = high === 0 ? 1 : high + Math.abs(high) * 0.1;
		low = low === 0 ? 0 : low - Math.abs(low) * 0.1;
	}
	const raw = (high - low) / Math.max(1, ticks);
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
	// Floating point: 7.1 / 0.1 is 70.99999…; a tick a hair away from a value is that value.
	const tidy = (x: number) => Number(x.toPrecision(12));
	return { min: tidy(Math.floor(low / step + 1e-9) * step), max: tidy(Math.ceil(high / step - 1e-9) * step), step: tidy(step) };
}

const nl = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });

/** Where a value lands on a vertical axis from `top` (max) to `bottom` (min). */
export function scaleY(scale: Scale, value: number, top: number, bottom: number): number {
	return bottom - ((value - scale.min) / (scale.max - scale.min)) * (bottom - top);
}

/** Where a year lands between `left` and `right`, the years evenly spaced. */
export function scaleX(fromYear: number, toYear: number, year: number, left: number, right: number): number {
	if (toYear === fromYear) return (left + right) / 2;
	return left + ((year - fromYear) / (toYear - fromYear)) * (right - left);
}

/** The sentence a screen reader reads instead of the picture: every value the chart shows. */
export function chartAlt(data: ChartData): string {
	const targets = data.targets.length > 0 ? `doel ${data.targets.map((t) => `${t.year}: ${nl(t.value)}`).join(', ')}` : 'geen doel vastgesteld';
	const measured = data.measurements.length > 0 ? `metingen ${[...data.measurements].sort((a, b) => a.year - b.year).map((m) => `${m.year}: ${nl(m.value)}`).join(', ')}` : 'nog geen metingen';
	return `Grafiek ${data.title} (${data.unit}), ${DIRECTION_LABELS[data.direction].toLowerCase()}: nulmeting ${nl(data.baseline)} in ${data.baselineYear}; ${targets}; ${measured}.`;
}

/** The chart as shapes in a `width` × `height` box (points). */
export function indicatorChart(data: ChartData, width = 480, height = 220): Chart {
	const from = Math.min(data.fromYear, data.baselineYear);
	const to = Math.max(data.toYear, from);
	const years: number[] = [];
	for (let y = from; y <= to; y++) years.push(y);
	const targetLine = years.map((year) => ({ year, value: targetFor(data.targets, year) })).filter((t): t is YearValue => t.value !== undefined);
	const measured = [...data.measurements].filter((m) => m.year >= from && m.year <= to).sort((a, b) => a.year - b.year);
	const scale = niceScale([data.baseline, ...targetLine.map((t) => t.value), ...measured.map((m) => m.value)]);

	const left = 48;
	const right = width - 16;
	const top = 14;
	const bottom = height - 52;
	const x = (year: number) => scaleX(from, to, year, left + 12, right - 12);
	const y = (value: number) => scaleY(scale, value, top, bottom);
	const shapes: Shape[] = [];

	for (let v = scale.min; v <= scale.max + scale.step / 2; v += scale.step) {
		const value = Number(v.toPrecision(12));
		shapes.push({ kind: 'line', points: [[left, y(value)], [right, y(value)]], stroke: CHART_COLOURS.grid, width: 0.5 });
		shapes.push({ kind: 'text', x: left - 4, y: y(value) + 3, text: nl(value), size: 7, anchor: 'end', fill: CHART_COLOURS.text });
	}
	for (const year of years) shapes.push({ kind: 'text', x: x(year), y: bottom + 12, text: String(year), size: 7, anchor: 'middle', fill: CHART_COLOURS.text });
	shapes.push({ kind: 'line', points: [[left, bottom], [right, bottom]], stroke: CHART_COLOURS.text, width: 0.75 });

	if (targetLine.length > 0) {
		// A target holds until a new one is set: a step line, each level running on to the next
		// year with a target (the last to the edge of the plot).
		const runs: YearValue[] = [];
		for (const t of targetLine) if (runs.at(-1)?.value !== t.value) runs.push(t);
		const points: [number, number][] = runs.flatMap((run, i): [number, number][] => [
			[x(run.year), y(run.value)],
			[i < runs.length - 1 ? x(runs[i + 1]!.year) : right, y(run.value)]
		]);
		shapes.push({ kind: 'line', points, stroke: CHART_COLOURS.target, width: 1.5, dash: [4, 3] });
	}
	shapes.push({ kind: 'rect', x: x(data.baselineYear) - 3.5, y: y(data.baseline) - 3.5, w: 7, h: 7, fill: CHART_COLOURS.baseline });
	shapes.push({ kind: 'text', x: x(data.baselineYear) + 6, y: y(data.baseline) - 5, text: nl(data.baseline), size: 7, anchor: 'start', fill: CHART_COLOURS.baseline, bold: true });
	if (measured.length > 1) shapes.push({ kind: 'line', points: measured.map((m) => [x(m.year), y(m.value)]), stroke: CHART_COLOURS.measurement, width: 1.75 });
	for (const m of measured) {
		shapes.push({ kind: 'circle', cx: x(m.year), cy: y(m.value), r: 3, fill: CHART_COLOURS.measurement });
		shapes.push({ kind: 'text', x: x(m.year), y: y(m.value) - 6, text: nl(m.value), size: 7, anchor: 'middle', fill: CHART_COLOURS.measurement, bold: true });
	}

	const legendY = height - 14;
	shapes.push({ kind: 'line', points: [[left, legendY - 3], [left + 18, legendY - 3]], stroke: CHART_COLOURS.measurement, width: 1.75 });
	shapes.push({ kind: 'text', x: left + 22, y: legendY, text: 'Meting', size: 8, anchor: 'start', fill: CHART_COLOURS.text });
	shapes.push({ kind: 'line', points: [[left + 80, legendY - 3], [left + 98, legendY - 3]], stroke: CHART_COLOURS.target, width: 1.5, dash: [4, 3] });
	shapes.push({ kind: 'text', x: left + 102, y: legendY, text: 'Doel', size: 8, anchor: 'start', fill: CHART_COLOURS.text });
	shapes.push({ kind: 'rect', x: left + 150, y: legendY - 6.5, w: 7, h: 7, fill: CHART_COLOURS.baseline });
	shapes.push({ kind: 'text', x: left + 161, y: legendY, text: `Nulmeting (${data.baselineYear})`, size: 8, anchor: 'start', fill: CHART_COLOURS.text });
	shapes.push({ kind: 'text', x: right, y: legendY, text: `${data.unit} · ${DIRECTION_LABELS[data.direction].toLowerCase()}`, size: 8, anchor: 'end', fill: CHART_COLOURS.text });

	return { width, height, shapes, alt: chartAlt(data) };
}
