// The indicator chart of the safety-plan reports (issue 18): the value axis, where years and values
// land, the shapes drawn, the chart in words and its SVG form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartAlt, indicatorChart, niceScale, scaleX, scaleY, type ChartData, type Shape } from '../../src/lib/domain/safety-plan/indicator-chart.ts';
import { chartToSvg } from '../../src/lib/domain/safety-plan/chart-svg.ts';

const burglaries: ChartData = {
	title: 'Woninginbraken',
	unit: 'aantal',
	direction: 'omlaag',
	baselineYear: 2020,
	baseline: 90,
	targets: [
		{ year: 2022, value: 80 },
		{ year: 2024, value: 70 }
	],
	measurements: [
		{ year: 2023, value: 79 },
		{ year: 2021, value: 85 },
		{ year: 2022, value: 82 }
	],
	fromYear: 2021,
	toYear: 2024
};

const texts = (shapes: Shape[]) => shapes.filter((s): s is Extract<Shape, { kind: 'text' }> => s.kind === 'text').map((s) => s.text);

describe('niceScale', () => {
	it('starts the axis at 0 when the values lie near it, and steps by 1, 2 or 5 times a power of ten', () => {
		expect(niceScale([10, 40, 25])).toEqual({ min: 0, max: 40, step: 10 });
		expect(niceScale([3, 7])).toEqual({ min: 0, max: 8, step: 2 });
		expect(niceScale([0.31, 0.42])).toEqual({ min: 0.3, max: 0.45, step: 0.05 });
	});
	it('does not start at 0 when the values lie far above it (a sense-of-safety score, a slowly falling count)', () => {
		expect(niceScale([90, 70, 85])).toEqual({ min: 70, max: 90, step: 5 });
		expect(niceScale([7.1, 7.6])).toEqual({ min: 7.1, max: 7.6, step: 0.1 });
	});
	it('gives a flat series and no values at all an axis of some height', () => {
		expect(niceScale([])).toEqual({ min: 0, max: 1, step: 0.2 });
		expect(niceScale([0, 0])).toEqual({ min: 0, max: 1, step: 0.2 });
		const flat = niceScale([50, 50]);
		expect(flat.max).toBeGreaterThan(flat.min);
	});
	it('always holds every value, with a positive step and at most about ten ticks', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -1e8, max: 1e8 }).map((n) => n / 100), { minLength: 1, maxLength: 12 }), (values) => {
				const s = niceScale(values);
				expect(s.step).toBeGreaterThan(0);
				expect(s.min).toBeLessThanOrEqual(Math.min(...values) + 1e-9);
				expect(s.max).toBeGreaterThanOrEqual(Math.max(...values) - 1e-9);
				expect((s.max - s.min) / s.step).toBeLessThanOrEqual(11);
			}),
			{ seed: 18, numRuns: 300 }
		);
	});
});

describe('scaleX and scaleY', () => {
	it('put the axis minimum at the bottom, the maximum at the top and years evenly apart', () => {
		const scale = { min: 0, max: 100, step: 20 };
		expect(scaleY(scale, 0, 10, 110)).toBe(110);
		expect(scaleY(scale, 100, 10, 110)).toBe(10);
		expect(scaleY(scale, 25, 10, 110)).toBe(85);
		expect(scaleX(2020, 2024, 2020, 0, 400)).toBe(0);
		expect(scaleX(2020, 2024, 2022, 0, 400)).toBe(200);
		expect(scaleX(2024, 2024, 2024, 0, 400)).toBe(200);
	});
});

describe('indicatorChart', () => {
	const chart = indicatorChart(burglaries);

	it('labels every year from the baseline to the end of the period and every measurement', () => {
		const labels = texts(chart.shapes);
		for (const year of ['2020', '2021', '2022', '2023', '2024']) expect(labels).toContain(year);
		for (const value of ['90', '85', '82', '79']) expect(labels).toContain(value);
		expect(labels).toEqual(expect.arrayContaining(['Meting', 'Doel', 'Nulmeting (2020)', 'aantal · lager is beter']));
	});

	it('draws the measurements as one line in year order, higher values higher up', () => {
		const lines = chart.shapes.filter((s) => s.kind === 'line' && s.stroke === '#1b5e8c' && s.points.length === 3);
		expect(lines).toHaveLength(1);
		const points = (lines[0] as Extract<Shape, { kind: 'line' }>).points;
		expect(points.map((p) => p[0])).toEqual([...points.map((p) => p[0])].sort((a, b) => a - b));
		// 85 (2021) lies above 79 (2023): a smaller y is higher on the page.
		expect(points[0]![1]).toBeLessThan(points[2]![1]);
	});

	it('draws the target as a dashed step line that holds until a new target', () => {
		const target = chart.shapes.find((s) => s.kind === 'line' && s.dash !== undefined && s.points.length > 2) as Extract<Shape, { kind: 'line' }>;
		// 80 from 2022 on (2023 still 80), a step down at 2024 to 70, which runs to the plot's edge.
		expect(target.points).toHaveLength(4);
		expect(target.points[1]![1]).toBe(target.points[0]![1]);
		expect(target.points[2]![0]).toBe(target.points[1]![0]);
		expect(target.points[2]![1]).toBeGreaterThan(target.points[1]![1]);
		expect(target.points[3]![0]).toBeGreaterThan(target.points[2]![0]);
		expect(target.points[3]![1]).toBe(target.points[2]![1]);
	});

	it('keeps every shape inside its box', () => {
		for (const s of chart.shapes) {
			const xs = s.kind === 'line' ? s.points.map((p) => p[0]) : s.kind === 'circle' ? [s.cx] : [s.x];
			const ys = s.kind === 'line' ? s.points.map((p) => p[1]) : s.kind === 'circle' ? [s.cy] : [s.y];
			for (const x of xs) expect(x >= 0 && x <= chart.width, `x ${x} of ${s.kind}`).toBe(true);
			for (const y of ys) expect(y >= 0 && y <= chart.height, `y ${y} of ${s.kind}`).toBe(true);
		}
	});

	it('draws an indicator without targets or measurements: the baseline alone', () => {
		const bare = indicatorChart({ ...burglaries, targets: [], measurements: [] });
		expect(bare.shapes.filter((s) => s.kind === 'circle')).toHaveLength(0);
		expect(bare.shapes.filter((s) => s.kind === 'rect')).toHaveLength(2); // the baseline and its legend
		expect(bare.alt).toContain('geen doel vastgesteld; nog geen metingen');
	});
});

describe('chartAlt', () => {
	it('states every value the chart shows, in Dutch, in year order', () => {
		expect(chartAlt(burglaries)).toBe(
			'Grafiek Woninginbraken (aantal), lager is beter: nulmeting 90 in 2020; doel 2022: 80, 2024: 70; metingen 2021: 85, 2022: 82, 2023: 79.'
		);
		expect(chartAlt({ ...burglaries, measurements: [{ year: 2023, value: 1234.5 }] })).toContain('2023: 1.234,5');
	});
});

describe('chartToSvg', () => {
	it('is an SVG document with the alt text as its title, escaped text and the font named', () => {
		const svg = chartToSvg(indicatorChart({ ...burglaries, title: 'Overlast <jeugd> & "groepen"' }));
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).toContain('font-family="DejaVu Sans"');
		expect(svg).toContain('<title>Grafiek Overlast &lt;jeugd&gt; &amp; &quot;groepen&quot; (aantal)');
		expect(svg).not.toContain('<jeugd>');
		expect(svg).toContain('stroke-dasharray="4 3"');
		expect(svg.match(/<circle /g)).toHaveLength(3);
	});
	it('scales the pixel size but keeps the drawing in points', () => {
		const svg = chartToSvg(indicatorChart(burglaries, 400, 200), 3);
		expect(svg).toContain('width="1200" height="600" viewBox="0 0 400 200"');
	});
});
