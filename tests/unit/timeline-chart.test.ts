import { describe, expect, it } from 'vitest';
import { chartLayout, tickStep } from '../../src/lib/domain/timeline-chart.ts';
import type { TimelineRow } from '../../src/lib/domain/evaluation.ts';

const row = (offsetMinutes: number, type: TimelineRow['type']): TimelineRow => ({
	at: new Date(Date.UTC(2026, 10, 22, 10, offsetMinutes)).toISOString(),
	offsetMinutes,
	type,
	discipline: '',
	description: `${type} ${offsetMinutes}`,
	actor: 'X',
	responseMinutes: null,
	loggingDelayMinutes: null,
	verificationMinutes: null
});

describe('tickStep', () => {
	it.each([
		[10, 5],
		[40, 5],
		[41, 10],
		[80, 10],
		[90, 15],
		[240, 30],
		[480, 60],
		[3 * 24 * 60, 720]
	])('a span of %i minutes ticks every %i', (span, step) => {
		expect(tickStep(span)).toBe(step);
	});
});

describe('chartLayout', () => {
	it('places rows in their lane and on a time axis from T+0', () => {
		const layout = chartLayout([row(0, 'grip'), row(30, 'logregel'), row(60, 'taak'), row(45, 'inject')], 600);
		expect(layout.fromMinutes).toBe(0);
		expect(layout.toMinutes).toBe(60);
		expect(layout.points.map((p) => [Math.round(p.x), p.lane])).toEqual([
			[0, 2],
			[300, 1],
			[600, 3],
			[450, 0]
		]);
		expect(layout.ticks.map((t) => t.label)).toEqual(['T+0', 'T+10', 'T+20', 'T+30', 'T+40', 'T+50', 'T+60']);
	});

	it('keeps rows from before the start (a log entry about what happened earlier)', () => {
		const layout = chartLayout([row(-20, 'logregel'), row(10, 'grip')], 300);
		expect(layout.fromMinutes).toBe(-20);
		expect(layout.points[0]!.x).toBe(0);
		expect(layout.ticks[0]!.label).toBe('T-20');
	});

	it('draws an empty exercise over ten minutes', () => {
		expect(chartLayout([], 100)).toMatchObject({ fromMinutes: 0, toMinutes: 10, points: [] });
	});
});
