// Dutch words for calendar dates and times (Europe/Amsterdam), the same on server and browser.
import { formatLocalTime } from '../risicoscan/local-time.ts';
import type { Instant } from '../risicoscan/model.ts';
import { eventDayOfEnd, localDateOf, type LocalDate } from './days.ts';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const WEEKDAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
export const WEEKDAY_SHORT = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
export const WEEKDAY_LONG_MONDAY_FIRST = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];

function parts(date: LocalDate): { y: number; m: number; d: number; weekday: number } {
	const y = Number(date.slice(0, 4));
	const m = Number(date.slice(5, 7));
	const d = Number(date.slice(8, 10));
	return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

/** '12 juni 2027' (with `weekday`: 'zaterdag 12 juni 2027'; without year: '12 juni'). */
export function formatDate(date: LocalDate, options: { weekday?: boolean; year?: boolean } = {}): string {
	const { y, m, d, weekday } = parts(date);
	const text = `${d} ${MONTHS[m - 1]}${options.year === false ? '' : ` ${y}`}`;
	return options.weekday ? `${WEEKDAYS[weekday]} ${text}` : text;
}

/** 'juni 2027' for '2027-06'. */
export function formatMonth(month: string): string {
	return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

export function monthName(month: number): string {
	return MONTHS[month - 1]!;
}

/** When an event runs, in words: 'za 12 juni 2027 14:00–02:00' or '28 aug. … 30 aug. 2027'. */
export function formatEventTimes(startsAt: Instant, endsAt: Instant): string {
	const first = localDateOf(startsAt);
	const last = eventDayOfEnd(endsAt);
	const from = `${formatDate(first, { weekday: true })} ${formatLocalTime(startsAt)}`;
	if (last <= first) return `${from}–${formatLocalTime(endsAt)}`;
	return `${from} tot ${formatDate(localDateOf(endsAt), { weekday: true })} ${formatLocalTime(endsAt)}`;
}

/** 105.000: Dutch thousands separators. */
export function formatCount(n: number): string {
	return n.toLocaleString('nl-NL');
}
