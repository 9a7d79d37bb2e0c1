// Dates of the demo year: every yearly event on its usual date inside a window from two months ago
// to ten months ahead of "today", so the calendar is never empty whenever the demo starts.
import { addDays, daysBetween, type LocalDate } from '../../domain/calendar';
import { weekday } from '../../domain/working-days';

/** Yearly events fall in [today − WINDOW_BACK, today − WINDOW_BACK + 365). */
const WINDOW_BACK = 60;

export function ymd(year: number, month: number, day: number): LocalDate {
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The n-th (1-based) given weekday (0 = Sunday) of a month; n = -1 is the last. */
export function nthWeekday(year: number, month: number, day: number, n: number): LocalDate {
	if (n > 0) {
		const first = ymd(year, month, 1);
		return addDays(first, ((day - weekday(first) + 7) % 7) + (n - 1) * 7);
	}
	const last = addDays(ymd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
	return addDays(last, -((weekday(last) - day + 7) % 7));
}

/** The occurrence of a yearly date inside the demo window. */
export function yearly(rule: (year: number) => LocalDate) {
	return (today: LocalDate): LocalDate => {
		const from = addDays(today, -WINDOW_BACK);
		const year = Number(today.slice(0, 4));
		for (const y of [year - 1, year, year + 1]) {
			const date = rule(y);
			if (date >= from && daysBetween(from, date) < 365) return date;
		}
		throw new Error('geen datum in het demovenster');
	};
}

/** Koningsdag: 27 April, or the 26th when the 27th is a Sunday. */
export const koningsdag = (y: number) => (weekday(ymd(y, 4, 27)) === 0 ? ymd(y, 4, 26) : ymd(y, 4, 27));
/** Friday of the Grand Prix weekend: the last full weekend of August. */
export const gpFriday = (y: number) => addDays(nthWeekday(y, 8, 0, -1), -2);
/** The n-th Saturday from today (n ≥ 1), for the small events of the coming weeks. */
export const saturdayFromToday = (n: number) => (today: LocalDate) => addDays(today, ((6 - weekday(today) + 7) % 7 || 7) + (n - 1) * 7);
