// One calendar view from the events of a window, the same on the server (page, API, exports) and
// in the browser (recomputed after every live change). The load is always regional — all
// municipalities, all classes — because that is what the emergency services must staff; the
// filter only narrows which events are listed. Samenlopend groups are found among all events and
// kept when they touch a listed one, so a filter never hides that a listed event has company.
import { datesOf, localDaysOf, type DateWindow, type LocalDate } from './days.ts';
import { dayLoads, isBusy, type CalendarClass, type CalendarItem } from './load.ts';
import { samenlopend } from './samenlopend.ts';

export interface ViewFilter {
	municipality?: string | undefined;
	category?: CalendarClass | undefined;
}

export interface ViewDay {
	date: LocalDate;
	load: number;
	busy: boolean;
}

export interface CalendarView<T extends CalendarItem> {
	/** Listed events (filter applied) that occupy a date of the window, by start. */
	events: T[];
	/** Every date of the window with its regional load. */
	days: ViewDay[];
	/** Groups of samenlopende events (ids; may name events the filter hides). */
	samenlopend: string[][];
}

export function matchesFilter(entry: CalendarItem, filter: ViewFilter): boolean {
	return (!filter.municipality || entry.municipality === filter.municipality) && (!filter.category || entry.category === filter.category);
}

/** Only the events that occupy a date of the window (a night ending at 03:00 on the 1st does not). */
export function withinWindow<T extends CalendarItem>(entries: readonly T[], window: DateWindow): T[] {
	return entries.filter((e) => localDaysOf(e.startsAt, e.endsAt, window).length > 0);
}

export function buildCalendarView<T extends CalendarItem>(entries: readonly T[], window: DateWindow, filter: ViewFilter = {}): CalendarView<T> {
	// Each event's dates once: the local-time arithmetic is the costly part.
	const datesOfEntry = new Map<CalendarItem, LocalDate[]>();
	for (const e of entries) datesOfEntry.set(e, localDaysOf(e.startsAt, e.endsAt, window));
	const inWindow = entries.filter((e) => datesOfEntry.get(e)!.length > 0);
	const loads = new Map(dayLoads(inWindow, window, (e) => datesOfEntry.get(e)!).map((d) => [d.date, d.load]));
	const events = inWindow.filter((e) => matchesFilter(e, filter));
	const listed = new Set(events.map((e) => e.id));
	return {
		events,
		days: datesOf(window).map((date) => {
			const load = loads.get(date) ?? 0;
			return { date, load, busy: isBusy(load) };
		}),
		samenlopend: samenlopend(inWindow).filter((group) => group.some((id) => listed.has(id)))
	};
}

/** The busiest day an event runs on inside the view, for "druk" marks on every event of such a day. */
export function busiestDayOf(entry: CalendarItem, days: readonly ViewDay[]): ViewDay | undefined {
	const byDate = new Map(days.map((d) => [d.date, d]));
	let best: ViewDay | undefined;
	for (const date of localDaysOf(entry.startsAt, entry.endsAt)) {
		const day = byDate.get(date);
		if (day && (!best || day.load > best.load)) best = day;
	}
	return best;
}

/** For every event in a samenlopend group, the other events of its group (looked up in `entries`). */
export function partnersOf<T extends CalendarItem>(groups: readonly string[][], entries: readonly T[]): Map<string, T[]> {
	const byId = new Map(entries.map((e) => [e.id, e]));
	const out = new Map<string, T[]>();
	for (const group of groups) {
		for (const id of group) {
			out.set(
				id,
				group.filter((other) => other !== id).map((other) => byId.get(other)).filter((e): e is T => e !== undefined)
			);
		}
	}
	return out;
}

/** The events on every local date they occupy. */
export function eventsByDay<T extends CalendarItem>(entries: readonly T[]): Map<LocalDate, T[]> {
	const out = new Map<LocalDate, T[]>();
	for (const e of entries) {
		for (const date of localDaysOf(e.startsAt, e.endsAt)) {
			const list = out.get(date) ?? [];
			list.push(e);
			out.set(date, list);
		}
	}
	return out;
}
