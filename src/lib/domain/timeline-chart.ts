// Layout of the evaluation timeline chart: one lane per kind of row, time from the incident's
// start on the horizontal axis. Pure, so the chart component only draws.
import { offsetLabel, type TimelineRow, type TimelineRowType } from './evaluation.ts';

export const CHART_LANES: { type: TimelineRowType; label: string }[] = [
	{ type: 'inject', label: 'Inject' },
	{ type: 'logregel', label: 'Logregel' },
	{ type: 'grip', label: 'GRIP' },
	{ type: 'taak', label: 'Taak' },
	{ type: 'kaart', label: 'Kaart' }
];

export interface ChartPoint {
	x: number;
	lane: number;
	label: string;
}

export interface ChartLayout {
	points: ChartPoint[];
	ticks: { x: number; label: string }[];
	fromMinutes: number;
	toMinutes: number;
}

/** A tick step of 5, 10, 15, 30, 60, 120 … minutes that gives at most about eight ticks. */
export function tickStep(spanMinutes: number): number {
	const steps = [5, 10, 15, 30, 60, 120, 240, 480, 720, 1440];
	return steps.find((s) => spanMinutes / s <= 8) ?? 2880;
}

export function chartLayout(rows: TimelineRow[], width: number): ChartLayout {
	const offsets = rows.map((r) => r.offsetMinutes);
	const fromMinutes = Math.min(0, ...offsets);
	const toMinutes = Math.max(fromMinutes + 10, ...offsets);
	const step = tickStep(toMinutes - fromMinutes);
	const x = (minutes: number) => ((minutes - fromMinutes) / (toMinutes - fromMinutes)) * width;
	const ticks: ChartLayout['ticks'] = [];
	for (let m = Math.ceil(fromMinutes / step) * step; m <= toMinutes; m += step) ticks.push({ x: x(m), label: offsetLabel(m) });
	const points = rows.map((r) => ({
		x: x(r.offsetMinutes),
		lane: CHART_LANES.findIndex((l) => l.type === r.type),
		label: `${offsetLabel(r.offsetMinutes)} min · ${r.description}`
	}));
	return { points, ticks, fromMinutes, toMinutes };
}
