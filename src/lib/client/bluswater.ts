// Browser helpers for the bluswater board: numbers, durations and moments the Dutch way.

const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export const litres = (l: number) => `${number.format(l)} l`;
export const km = (distance: number) => `${decimal.format(distance)} km`;

/** "24 min", "1 u 05 min"; whole minutes, rounded down (water runs out, it does not round up). */
export function minutes(value: number): string {
	const m = Math.max(0, Math.floor(value));
	if (m < 60) return `${m} min`;
	return `${Math.floor(m / 60)} u ${String(m % 60).padStart(2, '0')} min`;
}

/** A duration to wait or drive, rounded up: "8 min" is safer than "7 min" for an arrival. */
export const minutesUp = (value: number) => minutes(Math.ceil(Math.max(0, value) - 1e-9));

/** Time since an ISO moment, for "status sinds …". */
export function since(iso: string, now: number): string {
	const m = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
	if (m < 1) return 'zojuist';
	return m < 60 ? `${m} min` : `${Math.floor(m / 60)} u ${String(m % 60).padStart(2, '0')} min`;
}

export const clock = (date: Date) => date.toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });
