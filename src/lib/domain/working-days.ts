// Working days by the Algemene termijnenwet (Atw): a statutory term that ends on a Saturday,
// Sunday or "algemeen erkende feestdag" runs on to the next day that is none of these (art. 1).
// Works on local calendar dates ('YYYY-MM-DD', Europe/Amsterdam), so daylight saving cannot move a
// day. Pure; used by event deadlines and Bibob terms.

export type LocalDate = string; // 'YYYY-MM-DD'

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcNoon(date: LocalDate): Date {
	const m = LOCAL_DATE.exec(date);
	if (!m) throw new Error(`Geen datum (JJJJ-MM-DD): ${date}`);
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
	if (d.toISOString().slice(0, 10) !== date) throw new Error(`Bestaat niet: ${date}`);
	return d;
}

function fromUtc(d: Date): LocalDate {
	return d.toISOString().slice(0, 10);
}

/** The date `days` calendar days later (negative: earlier). */
export function addDays(date: LocalDate, days: number): LocalDate {
	const d = toUtcNoon(date);
	d.setUTCDate(d.getUTCDate() + days);
	return fromUtc(d);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
	return toUtcNoon(date).getUTCDay();
}

/** Easter Sunday (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Koningsdag: 27 April, or the 26th when the 27th is a Sunday (Wet vaststelling Koningsdag). */
function koningsdag(year: number): LocalDate {
	const date = `${year}-04-27`;
	return weekday(date) === 0 ? `${year}-04-26` : date;
}

/**
 * Days the government declared equal to a feestdag (Besluit gelijkstelling, art. 3(3) Atw), as
 * published per three years. Years without a published decree fall back to the practice of the
 * decrees so far: the Friday after Ascension and after a feestdag on a Thursday.
 */
export const GELIJKGESTELDE_DAGEN: Readonly<Record<number, readonly LocalDate[]>> = {
	2023: ['2023-04-28', '2023-05-19'],
	2024: ['2024-05-10', '2024-12-27'],
	2025: ['2025-05-30'],
	2026: ['2026-01-02', '2026-05-15'],
	2027: ['2027-05-07'],
	2028: ['2028-04-28', '2028-05-26']
};

export interface Feestdag {
	date: LocalDate;
	label: string;
}

/** The algemeen erkende feestdagen of art. 3 Atw (with Goede Vrijdag, lid 2) and the gelijkgestelde dagen. */
export function feestdagen(year: number): Feestdag[] {
	const easter = easterSunday(year);
	const fixed: Feestdag[] = [
		{ date: `${year}-01-01`, label: 'Nieuwjaarsdag' },
		{ date: addDays(easter, -2), label: 'Goede Vrijdag' },
		{ date: addDays(easter, 1), label: 'Tweede paasdag' },
		{ date: koningsdag(year), label: 'Koningsdag' },
		{ date: `${year}-05-05`, label: 'Bevrijdingsdag' },
		{ date: addDays(easter, 39), label: 'Hemelvaartsdag' },
		{ date: addDays(easter, 50), label: 'Tweede pinksterdag' },
		{ date: `${year}-12-25`, label: 'Eerste kerstdag' },
		{ date: `${year}-12-26`, label: 'Tweede kerstdag' }
	];
	const declared =
		GELIJKGESTELDE_DAGEN[year] ??
		[
			addDays(easter, 40),
			...fixed.filter((f) => f.label !== 'Hemelvaartsdag' && weekday(f.date) === 4).map((f) => addDays(f.date, 1))
		];
	const equal = declared.map((date) => ({ date, label: 'Met feestdag gelijkgestelde dag' }));
	const all = [...fixed, ...equal.filter((e) => !fixed.some((f) => f.date === e.date))];
	return all.sort((a, b) => a.date.localeCompare(b.date));
}

const cache = new Map<number, Set<LocalDate>>();
function feestdagSet(year: number): Set<LocalDate> {
	let set = cache.get(year);
	if (!set) {
		set = new Set(feestdagen(year).map((f) => f.date));
		cache.set(year, set);
	}
	return set;
}

export function isFeestdag(date: LocalDate): boolean {
	return feestdagSet(Number(date.slice(0, 4))).has(date);
}

/** Neither Saturday, Sunday nor an algemeen erkende (or gelijkgestelde) feestdag. */
export function isWorkingDay(date: LocalDate): boolean {
	const day = weekday(date);
	return day !== 0 && day !== 6 && !isFeestdag(date);
}

/** Art. 1 Atw: a term ending on a non-working day runs on to the next working day. */
export function extendToWorkingDay(date: LocalDate): LocalDate {
	let d = date;
	while (!isWorkingDay(d)) d = addDays(d, 1);
	return d;
}

/**
 * Counts `n` working days from `date` (not counting `date` itself): positive forwards, negative
 * backwards ("15 werkdagen vóór de start"). n = 0 returns `date`.
 */
export function addWorkingDays(date: LocalDate, n: number): LocalDate {
	const step = n < 0 ? -1 : 1;
	let d = date;
	for (let left = Math.abs(n); left > 0; ) {
		d = addDays(d, step);
		if (isWorkingDay(d)) left--;
	}
	return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: LocalDate, to: LocalDate): number {
	let count = 0;
	for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
	return count;
}
