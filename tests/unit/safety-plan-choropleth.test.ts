// The choropleth's classes (issue 18, neighbourhood map): equal classes and quantiles, ties, all
// values equal, missing figures, the direction of the colours and the legend's words — by example
// and by property.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_CLASSES, PALETTES, classBreaks, classLabel, classify, directionNote, type ClassMethod } from '../../src/lib/domain/safety-plan/choropleth.ts';

const areas = (values: (number | null | undefined)[]) => values.map((value, i) => ({ code: `WK0396${String(i).padStart(2, '0')}`, value }));
const nl = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });

describe('classBreaks', () => {
	it('cuts the range in equal parts with equal classes', () => {
		expect(classBreaks([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 'gelijk', 5)).toEqual([20, 40, 60, 80, 100]);
		expect(classBreaks([10, 40], 'gelijk', 3)).toEqual([25, 40]);
		expect(classBreaks([10, 25, 40], 'gelijk', 3)).toEqual([20, 30, 40]);
	});
	it('puts about as many areas in each class with quantiles', () => {
		expect(classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'kwantiel', 5)).toEqual([2, 4, 6, 8, 10]);
		expect(classBreaks([5, 1, 4, 2, 3], 'kwantiel', 5)).toEqual([1, 2, 3, 4, 5]);
		expect(classBreaks([1, 2, 3, 4, 100], 'kwantiel', 2)).toEqual([3, 100]);
	});
	it('never makes more classes than distinct values, nor more than five', () => {
		expect(classBreaks([3, 3, 7], 'gelijk', 5)).toHaveLength(2);
		expect(classBreaks([3, 3, 7], 'kwantiel', 5)).toEqual([3, 7]);
		expect(classBreaks(Array.from({ length: 50 }, (_, i) => i), 'gelijk', 9)).toHaveLength(MAX_CLASSES);
		expect(classBreaks([1, 2, 3], 'gelijk', 0)).toEqual([3]);
	});
	it('drops a quantile bound that ties repeat', () => {
		// Six of eight values are 2: the bounds 2, 2, 2 collapse into one class.
		expect(classBreaks([1, 2, 2, 2, 2, 2, 2, 9], 'kwantiel', 4)).toEqual([2, 9]);
	});
	it('gives one class when every value is equal, and none without values', () => {
		expect(classBreaks([4, 4, 4], 'gelijk', 5)).toEqual([4]);
		expect(classBreaks([4, 4, 4], 'kwantiel', 5)).toEqual([4]);
		expect(classBreaks([], 'gelijk', 5)).toEqual([]);
	});
});

describe('classify', () => {
	it('puts each area in the first class whose upper bound it does not pass', () => {
		const c = classify(areas([0, 20, 21, 100, 60]), { method: 'gelijk', classes: 5, direction: 'omlaag' });
		expect(c.classes.map((k) => [k.from, k.to])).toEqual([[0, 20], [20, 40], [40, 60], [60, 80], [80, 100]]);
		expect(Object.values(c.classOf)).toEqual([0, 0, 1, 4, 2]);
		expect(c.classes.map((k) => k.count)).toEqual([2, 1, 1, 0, 1]);
	});
	it('keeps ties in one class', () => {
		const c = classify(areas([5, 5, 5, 5, 1, 9]), { method: 'kwantiel', classes: 3, direction: 'omlaag' });
		const tied = ['WK039600', 'WK039601', 'WK039602', 'WK039603'].map((code) => c.classOf[code]);
		expect(new Set(tied).size).toBe(1);
	});
	it('leaves areas without a figure out of the classes and counts them', () => {
		const c = classify(areas([10, null, undefined, Number.NaN, 30]), { method: 'gelijk', classes: 2, direction: 'omlaag' });
		expect(c.missing).toBe(3);
		expect(c.classOf).toEqual({ WK039600: 0, WK039601: null, WK039602: null, WK039603: null, WK039604: 1 });
		expect(c.classes.map((k) => [k.from, k.to, k.count])).toEqual([[10, 20, 1], [20, 30, 1]]);
	});
	it('has no classes when no area has a figure', () => {
		const c = classify(areas([null, null]), { method: 'kwantiel', classes: 5, direction: 'omhoog' });
		expect(c).toEqual({ classes: [], classOf: { WK039600: null, WK039601: null }, missing: 2 });
	});
	it('gives one class in the middle colour when all values are equal', () => {
		const c = classify(areas([7, 7, null]), { method: 'gelijk', classes: 5, direction: 'omlaag' });
		expect(c.classes).toEqual([{ from: 7, to: 7, colour: PALETTES[1]![0], count: 2 }]);
	});
	it('runs light to dark toward the unfavourable end: high values when lower is better, low ones when higher is better', () => {
		const values = areas([1, 2, 3, 4, 5]);
		const down = classify(values, { method: 'kwantiel', classes: 5, direction: 'omlaag' });
		const up = classify(values, { method: 'kwantiel', classes: 5, direction: 'omhoog' });
		expect(down.classes.map((k) => k.colour)).toEqual(PALETTES[5]);
		expect(up.classes.map((k) => k.colour)).toEqual([...PALETTES[5]!].reverse());
		// The same area (the highest value) is darkest in one direction and lightest in the other.
		expect(down.classes[down.classOf.WK039604!]!.colour).toBe('#993404');
		expect(up.classes[up.classOf.WK039604!]!.colour).toBe('#ffffd4');
	});
	it('uses a ColorBrewer ramp of exactly as many colours as classes', () => {
		for (const n of [1, 2, 3, 4, 5]) expect(PALETTES[n]).toHaveLength(n);
	});

	const value = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constant(null), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
	const options = fc.record({ method: fc.constantFrom<ClassMethod>('gelijk', 'kwantiel'), classes: fc.integer({ min: 1, max: 8 }), direction: fc.constantFrom('omlaag' as const, 'omhoog' as const) });
	it('for any figures: every area with a figure lies within its class, classes rise, and the counts add up', () => {
		fc.assert(
			fc.property(fc.array(value, { maxLength: 40 }), options, (values, opts) => {
				const c = classify(areas(values), opts);
				const present = values.filter((v): v is number => v !== null);
				expect(c.missing).toBe(values.length - present.length);
				expect(c.classes.reduce((s, k) => s + k.count, 0)).toBe(present.length);
				expect(c.classes.length).toBeLessThanOrEqual(Math.min(MAX_CLASSES, opts.classes));
				c.classes.forEach((k, i) => {
					expect(k.to).toBeGreaterThanOrEqual(k.from);
					if (i > 0) expect(k.from).toBe(c.classes[i - 1]!.to);
				});
				areas(values).forEach((a) => {
					const index = c.classOf[a.code];
					if (a.value === null) return expect(index).toBeNull();
					const k = c.classes[index!]!;
					expect(a.value).toBeLessThanOrEqual(k.to);
					if (index! > 0) expect(a.value).toBeGreaterThan(k.from);
					else expect(a.value).toBeGreaterThanOrEqual(k.from);
				});
			})
		);
	});
	it('for any figures: a higher value never lands in a lower class', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 30 }), options, (values, opts) => {
				const list = areas(values);
				const c = classify(list, opts);
				for (const a of list) for (const b of list) if (a.value! < b.value!) expect(c.classOf[a.code]!).toBeLessThanOrEqual(c.classOf[b.code]!);
			})
		);
	});
});

describe('the legend', () => {
	it('says where each class begins and ends', () => {
		const c = classify(areas([12, 18, 25]), { method: 'kwantiel', classes: 3, direction: 'omlaag' });
		expect(c.classes.map((k, i) => classLabel(k, i, nl))).toEqual(['12', 'meer dan 12 tot en met 18', 'meer dan 18 tot en met 25']);
		const e = classify(areas([1.5, 2.25, 3]), { method: 'gelijk', classes: 2, direction: 'omlaag' });
		expect(e.classes.map((k, i) => classLabel(k, i, nl))).toEqual(['1,5 tot en met 2,25', 'meer dan 2,25 tot en met 3']);
	});
	it('says which way the colours run', () => {
		expect(directionNote('omlaag')).toBe('Donkerder is ongunstiger: hier is lager beter.');
		expect(directionNote('omhoog')).toBe('Donkerder is ongunstiger: hier is hoger beter.');
	});
});
