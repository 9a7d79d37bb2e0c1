// Event times as the region lives them: wall-clock time in Europe/Amsterdam, whatever offset the
// application was written in. Intl knows the daylight-saving rules, so no offset is hard-coded.
import type { Instant } from './model.ts';

export const EVENT_TIME_ZONE = 'Europe/Amsterdam';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** An end after this time of day (and before the night ends) is a late end. */
export const LATE_END_AFTER_MS = 1 * HOUR_MS;
/** Before this time of day an end still belongs to the previous evening's event day. */
export const NIGHT_ENDS_AT_MS = 7 * HOUR_MS;

export interface LocalDateTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

// Building a DateTimeFormat is costly; scoring may run for a whole calendar at once.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

export function toEpochMs(instant: Instant): number {
	const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
	if (!Number.isFinite(ms)) throw new RangeError(`Geen geldig tijdstip: ${String(instant)}`);
	return ms;
}

export function toLocalDateTime(instant: Instant, timeZone: string = EVENT_TIME_ZONE): LocalDateTime {
	const epochMs = toEpochMs(instant);
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year ?? 0,
		month: parts.month ?? 0,
		day: parts.day ?? 0,
		hour: parts.hour ?? 0,
		minute: parts.minute ?? 0,
		second: parts.second ?? 0,
		// Zone offsets are whole seconds, so the milliseconds are the same in every zone.
		millisecond: ((epochMs % 1000) + 1000) % 1000
	};
}

function timeOfDayMs(local: LocalDateTime): number {
	return ((local.hour * 60 + local.minute) * 60 + local.second) * 1000 + local.millisecond;
}

/** Days since 1970-01-01 of the local calendar date, so dates compare and subtract as integers. */
function dayNumber(local: LocalDateTime): number {
	return Date.UTC(local.year, local.month - 1, local.day) / DAY_MS;
}

/** The calendar date an end belongs to: an end in the small hours closes the previous day's event. */
function eventDayOfEnd(local: LocalDateTime): number {
	return timeOfDayMs(local) < NIGHT_ENDS_AT_MS ? dayNumber(local) - 1 : dayNumber(local);
}

/** The local end time lies after 01:00 and before 07:00 (exactly 01:00 is not late). */
export function endsAfterOneAm(endsAt: Instant): boolean {
	const time = timeOfDayMs(toLocalDateTime(endsAt));
	return time > LATE_END_AFTER_MS && time < NIGHT_ENDS_AT_MS;
}

/** The local calendar days an event occupies, counting an end before 07:00 for the day before; at least 1. */
export function calendarDaysSpanned(startsAt: Instant, endsAt: Instant): number {
	const startDay = dayNumber(toLocalDateTime(startsAt));
	const endDay = eventDayOfEnd(toLocalDateTime(endsAt));
	return Math.max(1, endDay - startDay + 1);
}

export function spansMoreThanOneCalendarDay(startsAt: Instant, endsAt: Instant): boolean {
	return calendarDaysSpanned(startsAt, endsAt) > 1;
}

function twoDigits(value: number): string {
	return String(value).padStart(2, '0');
}

/** Local wall-clock time as HH:mm. */
export function formatLocalTime(instant: Instant): string {
	const local = toLocalDateTime(instant);
	return `${twoDigits(local.hour)}:${twoDigits(local.minute)}`;
}

/** Local calendar date as dd-mm-jjjj, the way Dutch forms write it. */
export function formatLocalDate(instant: Instant): string {
	const local = toLocalDateTime(instant);
	return `${twoDigits(local.day)}-${twoDigits(local.month)}-${local.year}`;
}

/** The local event days an event runs on, first and last, as dd-mm-jjjj. */
export function eventDateRange(startsAt: Instant, endsAt: Instant): { first: string; last: string } {
	const start = toLocalDateTime(startsAt);
	const lastDay = Math.max(dayNumber(start), eventDayOfEnd(toLocalDateTime(endsAt)));
	const last = new Date(lastDay * DAY_MS);
	return {
		first: formatLocalDate(startsAt),
		last: `${twoDigits(last.getUTCDate())}-${twoDigits(last.getUTCMonth() + 1)}-${last.getUTCFullYear()}`
	};
}
