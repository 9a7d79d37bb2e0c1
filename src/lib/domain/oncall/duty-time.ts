// Duty periods are agreed in wall-clock time in Europe/Amsterdam ("dinsdag 08:00 tot 20:00") and
// stored as two instants. The conversion is @date-fns/tz's (event-time.ts), so the offset is never
// hard-coded: a period that spans a daylight-saving change keeps its wall-clock start and end and
// is an hour shorter (March) or longer (October). A local time that does not exist (the skipped
// hour in March) is refused; one that occurs twice (October) is read as the later, winter one.
import { fromLocalInput, localDate, localTime } from '../events/event-time.ts';
import type { LocalDate } from '../working-days.ts';

export type DutyTimeResult = { ok: true; at: Date } | { ok: false; message: string };

/** A local date (YYYY-MM-DD) and time (HH:mm) in Europe/Amsterdam as an instant. */
export function dutyInstant(date: string, time: string): DutyTimeResult {
	const parsed = fromLocalInput(`${date}T${time}`);
	if (parsed.ok) return { ok: true, at: new Date(parsed.iso) };
	return parsed.reason === 'nonexistent'
		? { ok: false, message: `${time} bestaat niet op ${date}: die nacht gaat de klok een uur vooruit. Kies 03:00 of later.` }
		: { ok: false, message: 'Vul een datum (jjjj-mm-dd) en een tijd (uu:mm) in.' };
}

export type DutyPeriodResult = { ok: true; startsAt: Date; endsAt: Date } | { ok: false; field: 'start' | 'end'; message: string };

/** A period from local start to local end; the end must come after the start. */
export function dutyPeriod(start: { date: string; time: string }, end: { date: string; time: string }): DutyPeriodResult {
	const from = dutyInstant(start.date, start.time);
	if (!from.ok) return { ok: false, field: 'start', message: from.message };
	const to = dutyInstant(end.date, end.time);
	if (!to.ok) return { ok: false, field: 'end', message: to.message };
	if (to.at.getTime() <= from.at.getTime()) return { ok: false, field: 'end', message: 'Het einde van de dienst ligt niet na het begin.' };
	return { ok: true, startsAt: from.at, endsAt: to.at };
}

/** The day after a local date (calendar arithmetic, no clock involved). */
export function nextLocalDate(day: LocalDate): LocalDate {
	const d = new Date(`${day}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

/**
 * Back-to-back shifts that change at the given local times every day (for example 08:00 and 20:00),
 * from the first change on or after `fromDay` for `days` days. Each shift starts where the last
 * one ended, so there is no gap or overlap even across a daylight-saving change.
 */
export function shiftSeries(fromDay: LocalDate, days: number, changes: readonly string[]): { startsAt: Date; endsAt: Date }[] {
	const sorted = [...changes].sort();
	const instants: Date[] = [];
	let day = fromDay;
	for (let i = 0; i <= days; i++) {
		for (const time of sorted) {
			const at = dutyInstant(day, time);
			if (at.ok) instants.push(at.at);
		}
		day = nextLocalDate(day);
	}
	return instants.slice(0, -1).map((startsAt, i) => ({ startsAt, endsAt: instants[i + 1]! }));
}

/** Date and time fields of an instant in Europe/Amsterdam, for a form. */
export function dutyLocalParts(at: Date | string): { date: LocalDate; time: string } {
	return { date: localDate(at), time: localTime(at) };
}
