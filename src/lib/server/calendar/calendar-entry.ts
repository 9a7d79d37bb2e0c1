// The public face of an event application: what every logged-in user may see on the regional
// calendar (never the organiser's personal data), and the `calendar` topic's news of it.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { publish } from '../realtime/event-log.ts';
import { calendarRow, type CalendarRow } from './calendar-queries.ts';
import type { CalendarEntry, CalendarCategory } from '../../contracts/calendar.ts';
export type { CalendarEntry, CalendarCategory };

/**
 * An application is on the calendar from submission on, until it is withdrawn or refused.
 * Concepts are the officer's own work in progress.
 */
export function isOnCalendar(row: { status: string; decision: string | null }): boolean {
	if (row.status === 'concept' || row.status === 'ingetrokken') return false;
	return !(row.status === 'besluit' && row.decision === 'geweigerd');
}

export function toCalendarEntry(row: CalendarRow): CalendarEntry {
	return {
		id: row.id,
		reference: row.reference,
		name: row.name,
		municipality: row.municipalityCode,
		category: (row.category as CalendarCategory | null) ?? null,
		procedure: (row.procedure as CalendarEntry['procedure']) ?? null,
		status: row.status,
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		peakVisitors: row.peakVisitors,
		totalVisitors: row.totalVisitors,
		bibob: row.bibobStatus as CalendarEntry['bibob']
	};
}

/**
 * Announces on `calendar` what an application now looks like to the region, in the transaction of
 * the change: `event.changed` with the entry while it is on the calendar, `event.removed` with
 * `{ id }` once it leaves (withdrawn, refused) or when it was never on it (a concept: nothing).
 * Call after every change to an application; `wasOnCalendar` is its state before the change.
 */
export async function publishCalendarChange(
	trx: Transaction<DB>,
	id: string,
	actor: { id: string; name: string } | null,
	wasOnCalendar: boolean
): Promise<void> {
	const row = await calendarRow(trx, id);
	const onCalendar = !!row && isOnCalendar(row);
	if (onCalendar) {
		await publish(trx, { topic: 'calendar', type: 'event.changed', data: toCalendarEntry(row), actor, exercise: false });
	} else if (wasOnCalendar) {
		await publish(trx, { topic: 'calendar', type: 'event.removed', data: { id }, actor, exercise: false });
	}
}
