// Browser helpers for advice: Dutch dates and times, and the status tone of a request.
import type { AdviceRequestRecord, AdviceStatus } from '$lib/domain/advice';

const TZ = 'Europe/Amsterdam';

export const dateTime = (iso: string) => new Date(iso).toLocaleString('nl-NL', { timeZone: TZ, dateStyle: 'medium', timeStyle: 'short' });
export const date = (iso: string) => new Date(iso).toLocaleDateString('nl-NL', { timeZone: TZ, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** A local date (YYYY-MM-DD) as "di 31 mrt 2026"; read at noon UTC so no zone shifts the day. */
export const localDate = (day: string) => date(`${day}T12:00:00Z`);

export const STATUS_TONE: Record<AdviceStatus, 'warning' | 'success' | 'neutral'> = {
	gevraagd: 'warning',
	uitgebracht: 'success',
	ingetrokken: 'neutral'
};

/** The event's date range, "za 15 aug 2026" or "vr 12 jun 2026 – zo 14 jun 2026". */
export function eventDates(application: AdviceRequestRecord['application']): string {
	const first = date(application.startsAt);
	const last = date(application.endsAt);
	return first === last ? first : `${first} – ${last}`;
}
