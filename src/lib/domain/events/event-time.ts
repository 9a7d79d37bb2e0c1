// Event times as officers type and read them: wall-clock time in Europe/Amsterdam. A form's
// datetime-local value ('2027-06-12T14:00') has no offset; @date-fns/tz knows the daylight-saving
// rules, so the offset is never hard-coded. A local time that does not exist (the hour skipped when
// summer time starts) is refused rather than silently moved; a time that occurs twice (the hour
// repeated in October) is read as the later, winter-time one, as TZDate does.
import { TZDate } from '@date-fns/tz';
import { addYears, format } from 'date-fns';
import type { LocalDate } from '../working-days.ts';

export const EVENT_TIME_ZONE = 'Europe/Amsterdam';

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export type Instant = string | Date;

function zoned(instant: Instant): TZDate {
	const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
	if (!Number.isFinite(ms)) throw new RangeError(`Geen geldig tijdstip: ${String(instant)}`);
	return new TZDate(ms, EVENT_TIME_ZONE);
}

/** 'YYYY-MM-DDTHH:mm' (a datetime-local value) in Europe/Amsterdam → ISO 8601 with offset, or an error text. */
export function fromLocalInput(value: string): { ok: true; iso: string } | { ok: false; reason: 'format' | 'nonexistent' } {
	const m = LOCAL_INPUT.exec(value.trim());
	if (!m) return { ok: false, reason: 'format' };
	const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return { ok: false, reason: 'format' };
	const date = new TZDate(year, month - 1, day, hour, minute, EVENT_TIME_ZONE);
	// A date that rolled over (31 June) or a wall-clock time skipped at the start of summer time.
	if (date.getDate() !== day || date.getMonth() !== month - 1) return { ok: false, reason: 'format' };
	if (date.getHours() !== hour || date.getMinutes() !== minute) return { ok: false, reason: 'nonexistent' };
	return { ok: true, iso: format(date, "yyyy-MM-dd'T'HH:mm:ssxxx") };
}

/** The datetime-local value of an instant in Europe/Amsterdam. */
export function toLocalInput(instant: Instant): string {
	return format(zoned(instant), "yyyy-MM-dd'T'HH:mm");
}

/** The local calendar date of an instant. */
export function localDate(instant: Instant): LocalDate {
	return format(zoned(instant), 'yyyy-MM-dd');
}

/** The local time of day as HH:mm. */
export function localTime(instant: Instant): string {
	return format(zoned(instant), 'HH:mm');
}

/** Minutes after local midnight of `day` (may exceed 1440 for a later day; DST-aware wall clock). */
export function localMinutesFrom(day: LocalDate, instant: Instant): number {
	const at = zoned(instant);
	const dayDiff = Math.round((Date.parse(`${format(at, 'yyyy-MM-dd')}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
	return dayDiff * 1440 + at.getHours() * 60 + at.getMinutes();
}

/** The instants where a local day begins and the next begins (23 or 25 hours apart at DST changes). */
export function localDayBounds(day: LocalDate): { from: Date; to: Date } {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const from = new TZDate(y, m - 1, d, 0, 0, EVENT_TIME_ZONE);
	const to = new TZDate(y, m - 1, d + 1, 0, 0, EVENT_TIME_ZONE);
	return { from: new Date(from.getTime()), to: new Date(to.getTime()) };
}

/** The same local wall-clock time one year later (last year's edition copied to this year). */
export function sameLocalTimeNextYear(instant: Instant): string {
	return format(addYears(zoned(instant), 1), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/** Dutch date and time for display, e.g. "za 12-06-2027 14:00". */
export function formatLocal(instant: Instant): string {
	const at = zoned(instant);
	const days = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];
	return `${days[at.getDay()]} ${format(at, 'dd-MM-yyyy HH:mm')}`;
}

/** A local date as dd-mm-jjjj. */
export function formatLocalDay(day: LocalDate): string {
	const [y, m, d] = day.split('-');
	return `${d}-${m}-${y}`;
}
