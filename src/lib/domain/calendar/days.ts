// The local days of the regional calendar (Europe/Amsterdam). An event occupies every local date
// from its start to its end, where an end before 07:00 belongs to the day before: the risicoscan's
// multi-day rule of DOMAIN.md §2, so 14:00–02:00 is one (late) day and Friday–Sunday is three.
// Dates are 'YYYY-MM-DD' strings (LocalDate of working-days.ts): they compare as text and
// daylight saving cannot move them.
import { TZDate } from '@date-fns/tz';
import { addDays, weekday, type LocalDate } from '../working-days.ts';
import { EVENT_TIME_ZONE, NIGHT_ENDS_AT_MS, toEpochMs, toLocalDateTime } from '../risicoscan/local-time.ts';
import type { Instant } from '../risicoscan/model.ts';

export type { LocalDate };
export { addDays };

/** An inclusive range of local dates. */
export interface DateWindow {
	from: LocalDate;
	to: LocalDate;
}

/** No event is counted on more days than this (a pathological end date must not stall a page). */
export const MAX_EVENT_DAYS = 400;

const LOCAL_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** A real date written as YYYY-MM-DD (so 2027-02-30 is not one). */
export function isLocalDate(value: string): boolean {
	if (!LOCAL_DATE.test(value)) return false;
	const [y, m, d] = value.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A month written as YYYY-MM. */
export function isMonth(value: string): boolean {
	return MONTH.test(value);
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

// Asking Intl for every instant costs about 10 µs, and a month view asks thousands of times. The
// Amsterdam offset only changes on whole UTC hours (01:00 UTC in March and October), so it is
// asked once per UTC hour and remembered. The offset itself always comes from Intl.
const offsetByHour = new Map<number, number>();

function amsterdamOffsetMs(epochMs: number): number {
	const hour = Math.floor(epochMs / HOUR_MS);
	let offset = offsetByHour.get(hour);
	if (offset === undefined) {
		const local = toLocalDateTime(new Date(hour * HOUR_MS));
		offset = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - hour * HOUR_MS;
		if (offsetByHour.size >= 100_000) offsetByHour.clear();
		offsetByHour.set(hour, offset);
	}
	return offset;
}

/** Wall-clock time in Amsterdam as milliseconds since 1970-01-01 00:00 local (for date arithmetic only). */
function wallClockMs(instant: Instant): number {
	const epochMs = toEpochMs(instant);
	return epochMs + amsterdamOffsetMs(epochMs);
}

function dateOfWallClock(ms: number): LocalDate {
	return new Date(ms).toISOString().slice(0, 10);
}

/** The local calendar date of an instant. */
export function localDateOf(instant: Instant): LocalDate {
	return dateOfWallClock(wallClockMs(instant));
}

/** The local date an end belongs to: an end before 07:00 closes the previous day's event. */
export function eventDayOfEnd(endsAt: Instant): LocalDate {
	const local = wallClockMs(endsAt);
	const timeOfDay = ((local % DAY_MS) + DAY_MS) % DAY_MS;
	return dateOfWallClock(timeOfDay < NIGHT_ENDS_AT_MS ? local - DAY_MS : local);
}

/**
 * The local dates an event occupies, in order: at least its start date, through the day its end
 * belongs to. With a window, only the dates inside it (possibly none).
 */
export function localDaysOf(startsAt: Instant, endsAt: Instant, window?: DateWindow): LocalDate[] {
	const start = localDateOf(startsAt);
	const endDay = eventDayOfEnd(endsAt);
	let first = start;
	let last = endDay > start ? endDay : start;
	if (window) {
		if (window.from > first) first = window.from;
		if (window.to < last) last = window.to;
	}
	if (first > last) return [];
	if (first === last) return [first];
	// Whole days counted on UTC midnights: no zone, so no daylight saving, in between.
	const from = dayIndex(first);
	const to = Math.min(dayIndex(last), from + MAX_EVENT_DAYS - 1);
	const days: LocalDate[] = [];
	for (let i = from; i <= to; i++) days.push(new Date(i * DAY_MS).toISOString().slice(0, 10));
	return days;
}

function dayIndex(date: LocalDate): number {
	return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Every date of the window, in order. */
export function datesOf(window: DateWindow): LocalDate[] {
	const out: LocalDate[] = [];
	for (let day = window.from; day <= window.to; day = addDays(day, 1)) out.push(day);
	return out;
}

/** Whole days from `from` to `to` (0 when equal; negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
	return dayIndex(to) - dayIndex(from);
}

/** The instant a local wall-clock time happens in Amsterdam (daylight saving included). */
export function localInstant(date: LocalDate, hour = 0, minute = 0): Date {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(new TZDate(y, m - 1, d, hour, minute, EVENT_TIME_ZONE).getTime());
}

/**
 * The time range whose events can occupy a date of the window: from the first date's midnight
 * to 07:00 after the last date (an event ending in that night still belongs to the last date).
 * Events overlapping it are candidates; `localDaysOf(…, window)` decides.
 */
export function instantRange(window: DateWindow): { from: Date; to: Date } {
	return { from: localInstant(window.from), to: localInstant(addDays(window.to, 1), 7) };
}

export function monthOf(date: LocalDate): string {
	return date.slice(0, 7);
}

/** The first and last date of a month 'YYYY-MM'. */
export function monthWindow(month: string): DateWindow {
	const [y, m] = month.split('-').map(Number) as [number, number];
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}

export function addMonths(month: string, n: number): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	const index = y * 12 + (m - 1) + n;
	return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** The weeks (Monday first) that show a month, each seven dates; days outside the month included. */
export function monthGrid(month: string): LocalDate[][] {
	const { from, to } = monthWindow(month);
	const mondayOffset = (weekday(from) + 6) % 7;
	const weeks: LocalDate[][] = [];
	for (let day = addDays(from, -mondayOffset); day <= to; ) {
		const week: LocalDate[] = [];
		for (let i = 0; i < 7; i++, day = addDays(day, 1)) week.push(day);
		weeks.push(week);
	}
	return weeks;
}

/** The window a month grid shows (whole weeks). */
export function gridWindow(month: string): DateWindow {
	const weeks = monthGrid(month);
	return { from: weeks[0]![0]!, to: weeks.at(-1)![6]! };
}

/** The calendar year as a window. */
export function yearWindow(year: number): DateWindow {
	return { from: `${pad(year, 4)}-01-01`, to: `${pad(year, 4)}-12-31` };
}

/** True when the two instants overlap in time (touching ends do not). */
export function timesOverlap(a: { startsAt: Instant; endsAt: Instant }, b: { startsAt: Instant; endsAt: Instant }): boolean {
	return toEpochMs(a.startsAt) < toEpochMs(b.endsAt) && toEpochMs(b.startsAt) < toEpochMs(a.endsAt);
}
