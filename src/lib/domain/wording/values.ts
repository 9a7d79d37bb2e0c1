// How a stored value reads in Dutch: dates as dates, yes/no, the few English codes as words, the
// Dutch codes with spaces instead of underscores ("in_behandeling" → "in behandeling").
import { municipalityName } from '../region.ts';

const CODE_WORDS: Readonly<Record<string, string>> = {
	joint: 'gezamenlijk',
	ghor: 'GHOR',
	csv: 'CSV',
	pdf: 'PDF',
	api: 'API',
	A: 'A',
	B: 'B',
	C: 'C',
	wtw: 'watertankwagen',
	gwt: 'grootwatertransport'
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export const isUuid = (value: unknown): boolean => typeof value === 'string' && UUID.test(value);

/** "2026-09-07" → "7 september 2026". */
export function dutchDate(localDate: string): string {
	const [y, m, d] = localDate.split('-').map(Number);
	return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** An instant as the clock in Kennemerland showed it: "7-12-2026 10:42". */
export function dutchDateTime(iso: string): string {
	const at = new Date(iso);
	const day = at.toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'numeric', year: 'numeric' });
	const time = at.toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });
	return `${day} ${time}`;
}

/** A code written by the application ("positief_met_voorwaarden", "joint") as Dutch words. */
export function codeWords(code: string): string {
	return CODE_WORDS[code] ?? code.replace(/_/g, ' ');
}

/** One stored value as text; null for values that mean nothing to a reader (ids). */
export function valueText(value: unknown, key = ''): string | null {
	if (value === null || value === undefined || value === '') return '—';
	if (typeof value === 'boolean') return value ? 'ja' : 'nee';
	if (typeof value === 'number') return value.toLocaleString('nl-NL');
	if (Array.isArray(value)) {
		const parts = value.map((v) => valueText(v, key)).filter((v): v is string => v !== null);
		return parts.length > 0 ? parts.join(', ') : 'geen';
	}
	if (typeof value === 'string') {
		if (isUuid(value)) return null;
		if (key === 'municipality' || key === 'municipalities') return municipalityName(value);
		if (LOCAL_DATE.test(value)) return dutchDate(value);
		if (INSTANT.test(value)) return dutchDateTime(value);
		// Free text (a reason, a note) is shown as written; codes have no spaces and no capitals.
		return /^[a-z0-9_]+$/.test(value) || value in CODE_WORDS ? codeWords(value) : value;
	}
	return null;
}
