// The browser's side of the live calendar: news on `calendar` applied to what the page loaded.
import type { CalendarEntry } from '$lib/contracts/calendar';
import type { RealtimeEvent } from '$lib/contracts/events';
import { localDaysOf, type DateWindow } from '$lib/domain/calendar';

/** Changes since the load: an entry as it is now, or null once it left the calendar (or the window). */
export type LiveEntries = Record<string, CalendarEntry | null>;

export function applyCalendarEvent(live: LiveEntries, event: RealtimeEvent, window: DateWindow): LiveEntries {
	switch (event.type) {
		case 'event.changed': {
			const entry = event.data;
			const shown = localDaysOf(entry.startsAt, entry.endsAt, window).length > 0;
			return { ...live, [entry.id]: shown ? entry : null };
		}
		case 'event.removed':
			return { ...live, [event.data.id]: null };
		default:
			return live;
	}
}

/** The loaded entries with the live changes over them, by start. */
export function mergeEntries(loaded: readonly CalendarEntry[], live: LiveEntries): CalendarEntry[] {
	const byId = new Map(loaded.map((e) => [e.id, e]));
	for (const [id, entry] of Object.entries(live)) {
		if (entry) byId.set(id, entry);
		else byId.delete(id);
	}
	return [...byId.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.reference.localeCompare(b.reference));
}
