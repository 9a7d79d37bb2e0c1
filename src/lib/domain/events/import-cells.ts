// Reading one cell of an events list the way a Dutch officer wrote it: dates as 12-06-2027,
// 2027-06-12, 12 juni 2027 or an Excel date; times as 14:00, 14.00 or 14u; counts as 1.500 or
// 1500. Pure. A cell that cannot be read gives undefined (a date or time: the caller names the
// reason), or is handed on as text (a count: the application schema refuses it in its own words).
import { parseDutchNumber } from '../safety-plan/figure-import.ts';

/** A cell as the spreadsheet readers yield it; a Date's UTC fields are the wall-clock time shown. */
export type ListCell = string | number | Date;

export interface LocalDay {
	/** YYYY-MM-DD */
	date: string;
	/** HH:mm when the cell also held a time of day. */
	time?: string;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const DAY_NAME = /^(ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\.?,?\s+/i;
const TIME_PART = String.raw`(\d{1,2})[:.u](\d{2})(?::\d{2})?`;
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]+${TIME_PART})?$`);
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[ T]+${TIME_PART})?$`);
const WORD_DATE = new RegExp(String.raw`^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})(?:,?\s+${TIME_PART})?$`, 'i');

const pad = (n: number) => String(n).padStart(2, '0');

export function cellText(cell: ListCell | undefined): string {
	if (cell === undefined) return '';
	if (cell instanceof Date) {
		const day = `${pad(cell.getUTCDate())}-${pad(cell.getUTCMonth() + 1)}-${cell.getUTCFullYear()}`;
		const time = cell.getUTCHours() || cell.getUTCMinutes() ? ` ${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}` : '';
		return day + time;
	}
	return String(cell).trim();
}

function realDate(y: number, m: number, d: number): string | undefined {
	const date = new Date(Date.UTC(y, m - 1, d));
	if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
	return `${y}-${pad(m)}-${pad(d)}`;
}

function timeOf(h: string | undefined, m: string | undefined): string | undefined | null {
	if (h === undefined) return null; // no time written
	const hours = Number(h);
	const minutes = Number(m);
	if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return undefined;
	return `${pad(hours)}:${pad(minutes)}`;
}

/** Excel's day count (1 = 1900-01-01, with its leap-year quirk) as a Date with the wall clock in UTC. */
function excelSerial(serial: number): Date {
	return new Date(Math.round((serial - 25569) * 86_400_000));
}

/** A date, with its time when the cell holds one; undefined when it is not a real date. */
export function parseListDate(cell: ListCell | undefined): LocalDay | undefined {
	if (cell === undefined || cell === '') return undefined;
	if (typeof cell === 'number') return cell > 20_000 && cell < 80_000 ? parseListDate(excelSerial(cell)) : undefined;
	if (cell instanceof Date) {
		if (!Number.isFinite(cell.getTime())) return undefined;
		const date = realDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
		if (!date) return undefined;
		return cell.getUTCHours() || cell.getUTCMinutes() ? { date, time: `${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}` } : { date };
	}
	const text = cell.trim().replace(DAY_NAME, '');
	let parts: [number, number, number, string | undefined, string | undefined] | undefined;
	const iso = ISO_DATE.exec(text);
	const numeric = NUMERIC_DATE.exec(text);
	const words = WORD_DATE.exec(text);
	if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4], iso[5]];
	else if (numeric) parts = [Number(numeric[3]), Number(numeric[2]), Number(numeric[1]), numeric[4], numeric[5]];
	else if (words) {
		const word = words[2]!.toLowerCase() === 'mrt' ? 'maart' : words[2]!.toLowerCase();
		const month = MONTHS.findIndex((m) => m === word || (word.length >= 3 && m.startsWith(word)));
		if (month >= 0) parts = [Number(words[3]), month + 1, Number(words[1]), words[4], words[5]];
	}
	if (!parts) return undefined;
	const date = realDate(parts[0], parts[1], parts[2]);
	const time = timeOf(parts[3], parts[4]);
	if (!date || time === undefined) return undefined;
	return time === null ? { date } : { date, time };
}

const TIME_TEXT = /^(\d{1,2})(?:[:.u](\d{2}))?(?:\s*(?:u|uur))?$/i;

/** A time of day as HH:mm (24:00 allowed, as an end); undefined when it is not one. */
export function parseListTime(cell: ListCell | undefined): string | undefined {
	if (cell === undefined || cell === '') return undefined;
	if (cell instanceof Date) return Number.isFinite(cell.getTime()) ? `${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}` : undefined;
	if (typeof cell === 'number') {
		// A workbook time is a fraction of a day.
		if (cell < 0 || cell > 1) return undefined;
		const minutes = Math.round(cell * 1440);
		return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
	}
	const m = TIME_TEXT.exec(cell.trim());
	if (!m) return undefined;
	return timeOf(m[1], m[2] ?? '00') ?? undefined;
}

/** A count or area as a number; text that is not one is handed on as it was written. */
export function listNumber(cell: ListCell | undefined): number | string | undefined {
	if (cell === undefined || cell === '') return undefined;
	if (typeof cell === 'number') return cell;
	const text = cellText(cell);
	const number = parseDutchNumber(text.replace(/^(ca\.?|circa|±|~)\s*/i, ''));
	return number ?? text;
}

/** The day after a YYYY-MM-DD date. */
export function nextDay(date: string): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const next = new Date(Date.UTC(y, m - 1, d + 1));
	return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** Text as compared for sameness: no accents, case or punctuation, single spaces. */
export function normaliseForKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLocaleLowerCase('nl-NL')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * What makes two rows the same event: the municipality, the name and the location (compared
 * without case, accents or punctuation) and the start to the minute. Everything else may differ:
 * importing the list again never changes an application an officer may have worked on since.
 */
export function eventImportKey(municipality: string, name: string, startsAt: string, address: string): string {
	const start = new Date(startsAt).toISOString().slice(0, 16);
	return [municipality, normaliseForKey(name), start, normaliseForKey(address)].join('|');
}
