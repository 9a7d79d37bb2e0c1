// The classes of a choropleth: which colour each wijk or buurt gets for one indicator and year.
// Pure: the map, the table beside it and the tests all take the same classes from here.
//
// Classes are closed at the top: a value belongs to the first class whose upper bound it does not
// exceed, so equal values always share a class (ties never split). Darker always means less
// favourable: for an indicator where lower is better (omlaag) the highest values are darkest, for
// one where higher is better (omhoog) the lowest.
import type { Direction } from './indicators.ts';

export type ClassMethod = 'gelijk' | 'kwantiel';

export const CLASS_METHOD_LABELS: Record<ClassMethod, string> = {
	gelijk: 'Gelijke klassen',
	kwantiel: 'Kwantielen (even veel gebieden per klasse)'
};

/**
 * ColorBrewer's sequential YlOrBr ramps (Cynthia Brewer, colorbrewer2.org), which ColorBrewer marks
 * as safe for colour-blind readers and for print; light to dark, per number of classes.
 */
export const PALETTES: Record<number, readonly string[]> = {
	1: ['#fe9929'],
	2: ['#fec44f', '#d95f0e'],
	3: ['#fff7bc', '#fec44f', '#d95f0e'],
	4: ['#ffffd4', '#fed98e', '#fe9929', '#cc4c02'],
	5: ['#ffffd4', '#fed98e', '#fe9929', '#d95f0e', '#993404']
};
export const MAX_CLASSES = 5;

export interface AreaValue {
	code: string;
	/** undefined or null: no figure for this area and year. */
	value: number | null | undefined;
}

export interface ChoroplethClass {
	/** Lowest value the class can hold (inclusive for the first class, exclusive for the others). */
	from: number;
	/** Highest value the class holds (inclusive). */
	to: number;
	colour: string;
	/** How many areas fall in it. */
	count: number;
}

export interface Classification {
	classes: ChoroplethClass[];
	/** Per area code the index of its class, or null when it has no figure. */
	classOf: Record<string, number | null>;
	/** Areas without a figure. */
	missing: number;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Upper bounds, strictly rising, ending at the maximum; one bound when every value is equal. */
export function classBreaks(values: readonly number[], method: ClassMethod, wanted: number): number[] {
	if (values.length === 0) return [];
	const sorted = [...values].sort((a, b) => a - b);
	const min = sorted[0]!;
	const max = sorted[sorted.length - 1]!;
	const distinct = new Set(sorted).size;
	const n = Math.max(1, Math.min(Math.floor(wanted), MAX_CLASSES, distinct));
	if (min === max) return [max];
	const bounds: number[] = [];
	for (let i = 1; i < n; i++) {
		bounds.push(method === 'gelijk' ? min + ((max - min) * i) / n : sorted[Math.ceil((i * sorted.length) / n) - 1]!);
	}
	bounds.push(max);
	// Quantiles over ties can repeat a bound or fall on the maximum: such a class would stay empty.
	return bounds.filter((b, i) => i === 0 || b > bounds[i - 1]!);
}

/**
 * Puts every area in a class. Areas without a figure are left out of the breaks and get null;
 * the palette runs light to dark toward the unfavourable end of the indicator's direction.
 */
export function classify(areas: readonly AreaValue[], options: { method: ClassMethod; classes: number; direction: Direction }): Classification {
	const values = areas.map((a) => a.value).filter(finite);
	const bounds = classBreaks(values, options.method, options.classes);
	const ramp = PALETTES[bounds.length] ?? [];
	const colours = options.direction === 'omlaag' ? ramp : [...ramp].reverse();
	const min = values.length > 0 ? Math.min(...values) : 0;
	const classes: ChoroplethClass[] = bounds.map((to, i) => ({ from: i === 0 ? min : bounds[i - 1]!, to, colour: colours[i]!, count: 0 }));
	const classOf: Record<string, number | null> = {};
	let missing = 0;
	for (const area of areas) {
		if (!finite(area.value)) {
			classOf[area.code] = null;
			missing++;
			continue;
		}
		const index = bounds.findIndex((b) => area.value! <= b);
		classOf[area.code] = index;
		classes[index]!.count++;
	}
	return { classes, classOf, missing };
}

/** The legend's words for a class: "12 tot en met 18", then "meer dan 18 tot en met 25". */
export function classLabel(cls: ChoroplethClass, index: number, format: (n: number) => string): string {
	if (cls.from === cls.to) return format(cls.to);
	return index === 0 ? `${format(cls.from)} tot en met ${format(cls.to)}` : `meer dan ${format(cls.from)} tot en met ${format(cls.to)}`;
}

/** Which way the colours run, in words for the legend. */
export function directionNote(direction: Direction): string {
	return direction === 'omlaag' ? 'Donkerder is ongunstiger: hier is lager beter.' : 'Donkerder is ongunstiger: hier is hoger beter.';
}
