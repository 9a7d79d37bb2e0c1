// Browser helpers for the bluswater board: keep the newest record per id, and say numbers the
// Dutch way.

/** Keeps the newest version of each record: events may arrive after a fresher page load. */
export function mergeByVersion<T extends { id: string; version: number }>(records: Record<string, T>, incoming: T): Record<string, T> {
	const known = records[incoming.id];
	if (known && known.version >= incoming.version) return records;
	return { ...records, [incoming.id]: incoming };
}

/** The loaded list overlaid with live records, newest version of each. */
export function overlay<T extends { id: string; version: number }>(loaded: T[], live: Record<string, T>): T[] {
	let byId: Record<string, T> = {};
	for (const record of loaded) byId = mergeByVersion(byId, record);
	for (const record of Object.values(live)) byId = mergeByVersion(byId, record);
	return Object.values(byId);
}

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
