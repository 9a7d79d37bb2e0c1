// The regional calendar for every logged-in user (calendar.read): public fields only, the
// regional day load with its druk days, samenlopende events, the year's heat map, and the
// warnings an application's own page shows.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { can } from '../auth/permissions';
import { forbidden, invalid } from '../errors';
import { zodFieldErrors } from '../http/api';
import { currentSeq } from '../realtime/event-log';
import { toCalendarEntry, type CalendarEntry } from './calendar-entry';
import { calendarRowsBetween, dayLoadRows } from './calendar-queries';
import { calendarQueryInput, queryValues, type CalendarQuery } from './calendar-input';
import {
	addDays,
	buildCalendarView,
	dayLoads,
	instantRange,
	isBusy,
	localDateOf,
	localDaysOf,
	monthWindow,
	samenlopendWith,
	withinWindow,
	yearWindow,
	type CalendarClass,
	type CalendarView,
	type DateWindow,
	type LocalDate
} from '../../domain/calendar';

type Db = Kysely<DB> | Transaction<DB>;

export function requireCalendarRead(user: SessionUser | null | undefined): asserts user is SessionUser {
	if (!can(user, 'calendar.read')) throw forbidden('Je hebt geen toegang tot de evenementenkalender.');
}

/** Today in Amsterdam. */
export function today(now = new Date()): LocalDate {
	return localDateOf(now);
}

/**
 * Reads ?from=&to=&municipality=&category= (400 naming every wrong field). One date alone means
 * its month; without dates the window `defaults` gives (the current month for the API and CSV).
 */
export function parseCalendarQuery(params: URLSearchParams, defaults: () => DateWindow = () => monthWindow(today().slice(0, 7))): CalendarQuery {
	const parsed = calendarQueryInput.safeParse(queryValues(params, ['from', 'to', 'municipality', 'category']));
	if (!parsed.success) {
		const fields = zodFieldErrors(parsed.error);
		throw invalid(fields, `De zoekvraag is niet geldig: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`);
	}
	const q = parsed.data;
	// One date alone means its month; none means the default window.
	const fallback = q.from ? monthWindow(q.from.slice(0, 7)) : q.to ? monthWindow(q.to.slice(0, 7)) : defaults();
	const from = q.from ?? fallback.from;
	const to = q.to ?? fallback.to;
	return { from, to, municipality: q.municipality, category: q.category };
}

/** The feed's default window: three months back to ten months ahead (within MAX_WINDOW_DAYS). */
export function feedWindow(): DateWindow {
	const now = today();
	return { from: addDays(now, -90), to: addDays(now, 300) };
}

/** ?year=2027, a year between 2000 and 2100 (400 naming `year` otherwise). */
export function parseYear(value: string | null, fallback: number): number {
	if (value === null || value.trim() === '') return fallback;
	const year = Number(value);
	if (!/^\d{4}$/.test(value.trim()) || year < 2000 || year > 2100) {
		throw invalid([{ field: 'year', message: 'Geef het jaar als getal van vier cijfers (2000–2100).' }], 'Het jaar is niet geldig: geef een getal van vier cijfers (2000–2100).');
	}
	return year;
}

/** Every calendar event occupying a date of the window, regionally (public fields). */
export async function calendarEntries(db: Db, window: DateWindow): Promise<CalendarEntry[]> {
	const rows = await calendarRowsBetween(db, instantRange(window));
	return withinWindow(rows.map(toCalendarEntry), window);
}

export interface CalendarWindowView extends CalendarView<CalendarEntry> {
	from: LocalDate;
	to: LocalDate;
	municipality: string | null;
	category: CalendarClass | null;
	/** Events a filter hides but a samenlopend group names, so every group can be told by name. */
	related: CalendarEntry[];
}

/** The calendar of a window: listed events, the regional load of every date, samenlopend groups. */
export async function calendarView(db: Db, user: SessionUser, query: CalendarQuery): Promise<CalendarWindowView> {
	requireCalendarRead(user);
	const window = { from: query.from, to: query.to };
	const entries = await calendarEntries(db, window);
	const view = buildCalendarView(entries, window, query);
	const listed = new Set(view.events.map((e) => e.id));
	const named = new Set(view.samenlopend.flat());
	const related = entries.filter((e) => named.has(e.id) && !listed.has(e.id));
	return { from: query.from, to: query.to, municipality: query.municipality ?? null, category: query.category ?? null, ...view, related };
}

/**
 * What a calendar page needs: every event of the window (the browser filters and recomputes the
 * load after live changes) and the `calendar` topic position the data reflects.
 */
export async function calendarPageData(db: Kysely<DB>, user: SessionUser, window: DateWindow) {
	requireCalendarRead(user);
	// Position first: what happens after it is replayed by the subscription.
	const seq = await currentSeq(db, 'calendar');
	return { seq, entries: await calendarEntries(db, window) };
}

export interface YearDay {
	date: LocalDate;
	load: number;
	busy: boolean;
	/** Events on the day, every class. */
	events: number;
}

/** The regional load of every date of a year that has an event (aggregated in PostgreSQL). */
export async function yearLoads(db: Db, user: SessionUser, year: number): Promise<{ year: number; days: YearDay[] }> {
	requireCalendarRead(user);
	const window = yearWindow(year);
	const rows = await dayLoadRows(db, window, instantRange(window));
	return { year, days: rows.map((r) => ({ ...r, busy: isBusy(r.load) })) };
}

/** An application as warningsForApplication reads it: a stored one (with id) or one being written. */
export interface ApplicationForWarnings {
	/** Leave out for an application that is not stored yet. */
	id?: string | null | undefined;
	municipality: string;
	/** The class that counts (override or computed); null before the risicoscan. */
	category: CalendarClass | null;
	startsAt: Date | string;
	endsAt: Date | string;
}

export interface ApplicationWarnings {
	/** Dates of the application whose regional load, this application included, is above 6. */
	busyDays: { date: LocalDate; load: number }[];
	/** Other calendar events in the same municipality whose times overlap this one's. */
	samenlopend: CalendarEntry[];
	/** Other class B or C events in the region on a date of this application (the risicoscan's context criterion). */
	concurrentEvents: number;
}

/**
 * The calendar warnings for one application, for its detail page and the risicoscan's context.
 * The application is counted once with its own class whether or not it is on the calendar yet
 * (a concept shows what its day would become). Reads public fields only; the caller checks that
 * the user may see the application.
 */
export async function warningsForApplication(db: Db, application: ApplicationForWarnings): Promise<ApplicationWarnings> {
	const days = localDaysOf(application.startsAt, application.endsAt);
	const window = { from: days[0]!, to: days.at(-1)! };
	const rows = await calendarRowsBetween(db, instantRange(window), { excludeId: application.id ?? undefined });
	const others = rows.map(toCalendarEntry);
	const self = { id: application.id ?? '(deze aanvraag)', municipality: application.municipality, category: application.category, startsAt: application.startsAt, endsAt: application.endsAt };
	const busyDays = dayLoads([...withinWindow(others, window), self], window)
		.filter((d) => d.busy)
		.map((d) => ({ date: d.date, load: d.load }));
	const own = new Set(days);
	const concurrentEvents = others.filter(
		(e) => (e.category === 'B' || e.category === 'C') && localDaysOf(e.startsAt, e.endsAt, window).some((d) => own.has(d))
	).length;
	return { busyDays, samenlopend: samenlopendWith(self, others), concurrentEvents };
}
