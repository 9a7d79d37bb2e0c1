// The regional load of a day (DOMAIN.md §2, our rule): 3 per class C event plus 1 per class B
// event across the region; above 6 the day is "druk" and every event on it shows that. Class A
// events and events without a class yet weigh nothing.
import type { Instant } from '../risicoscan/model.ts';
import { localDaysOf, type DateWindow, type LocalDate } from './days.ts';

export type CalendarClass = 'A' | 'B' | 'C';

/** What the calendar rules need of an event; CalendarEntry fits. */
export interface CalendarItem {
	id: string;
	municipality: string;
	category: CalendarClass | null;
	startsAt: Instant;
	endsAt: Instant;
}

export const LOAD_WEIGHTS: Readonly<Record<CalendarClass, number>> = { A: 0, B: 1, C: 3 };

/** A day whose load is above this is druk. */
export const BUSY_ABOVE = 6;

export function eventWeight(category: CalendarClass | null): number {
	return category ? LOAD_WEIGHTS[category] : 0;
}

export function isBusy(load: number): boolean {
	return load > BUSY_ABOVE;
}

export interface DayLoad {
	date: LocalDate;
	load: number;
	busy: boolean;
	/** Every event on the day (also class A), in the order given. */
	events: string[];
}

/**
 * The load of every date that has an event, in date order; with a window only its dates.
 * Pass every event of the region: the load is regional whatever a view filters. `daysOf` lets a
 * caller that already knows each event's dates (clipped to the window) pass them in.
 */
export function dayLoads(entries: readonly CalendarItem[], window?: DateWindow, daysOf: (entry: CalendarItem) => readonly LocalDate[] = (e) => localDaysOf(e.startsAt, e.endsAt, window)): DayLoad[] {
	const days = new Map<LocalDate, DayLoad>();
	for (const entry of entries) {
		const weight = eventWeight(entry.category);
		for (const date of daysOf(entry)) {
			let day = days.get(date);
			if (!day) {
				day = { date, load: 0, busy: false, events: [] };
				days.set(date, day);
			}
			day.load += weight;
			day.events.push(entry.id);
		}
	}
	const out = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
	for (const day of out) day.busy = isBusy(day.load);
	return out;
}

/** A heat-map step for the year view; each has a Dutch word and a symbol, never colour alone. */
export type LoadLevel = 'geen' | 'laag' | 'hoog' | 'druk';

export function loadLevel(load: number): LoadLevel {
	if (load <= 0) return 'geen';
	if (isBusy(load)) return 'druk';
	return load <= BUSY_ABOVE / 2 ? 'laag' : 'hoog';
}

export const LOAD_LEVEL_LABELS: Readonly<Record<LoadLevel, { label: string; symbol: string; range: string }>> = {
	geen: { label: 'geen B- of C-evenementen', symbol: '', range: 'belasting 0' },
	laag: { label: 'rustig', symbol: '·', range: `belasting 1–${BUSY_ABOVE / 2}` },
	hoog: { label: 'bijna druk', symbol: '◆', range: `belasting ${BUSY_ABOVE / 2 + 1}–${BUSY_ABOVE}` },
	druk: { label: 'druk', symbol: '▲', range: `belasting boven ${BUSY_ABOVE}` }
};
