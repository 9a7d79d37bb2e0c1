// The calendar as files: an iCalendar feed (ical-generator), and the list as CSV and as an Excel
// workbook (one export table, ../spreadsheet), with the public fields only — never the
// organiser — and the same filters as the page and the API.
import { ICalCalendarMethod, ICalEventStatus, default as ical } from 'ical-generator';
import { tableCsv } from '../spreadsheet/csv';
import { tableXlsx } from '../spreadsheet/xlsx';
import type { ExportTable } from '../spreadsheet/table';
import type { CalendarEntry } from './calendar-entry';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { SessionUser } from '../auth/roles';
import { calendarView } from './calendar-service';
import type { CalendarQuery } from './calendar-input';
import { busiestDayOf, formatCount, formatDate, localDateOf, partnersOf, type ViewDay } from '../../domain/calendar';
import { municipalityName } from '../../domain/region';
import { instantRange } from '../../domain/calendar/days';
import { TZDate } from '@date-fns/tz';
import { cancelledFeedRowsBetween, feedStamps } from './calendar-queries';
import { FEED_TIME_ZONE, vtimezone } from './amsterdam-vtimezone';

type Db = Kysely<DB> | Transaction<DB>;

const STATUS_LABELS: Record<string, string> = {
	ingediend: 'ingediend',
	in_behandeling: 'in behandeling',
	advies_gevraagd: 'advies gevraagd',
	besluit: 'besluit genomen'
};

export function statusLabel(status: string): string {
	return STATUS_LABELS[status] ?? status;
}

function busyText(day: ViewDay | undefined): string {
	return day?.busy ? `druk (belasting ${day.load} op ${formatDate(day.date)})` : '';
}

function title(query: CalendarQuery): string {
	const parts = ['Evenementenkalender', query.municipality ? municipalityName(query.municipality) : 'regio Kennemerland'];
	if (query.category) parts.push(`klasse ${query.category}`);
	return parts.join(' — ');
}

/**
 * An iCalendar feed of the window, in local time (TZID=Europe/Amsterdam with its VTIMEZONE). Each
 * event keeps its UID; SEQUENCE and LAST-MODIFIED come from the database (migration 0018), so an
 * agenda replaces a changed event; events withdrawn or refused after submission stay in the feed
 * as STATUS:CANCELLED, so a subscribed agenda strikes them out instead of keeping a stale copy.
 */
export async function calendarIcs(db: Db, user: SessionUser, query: CalendarQuery, origin: string, generatedAt = new Date()): Promise<string> {
	const view = await calendarView(db, user, query);
	const partners = partnersOf(view.samenlopend, [...view.events, ...view.related]);
	const stamps = await feedStamps(db, view.events.map((e) => e.id));
	const calendar = ical({
		name: title(query),
		description: 'Regionale evenementenkalender van Veiligheidsregio Kennemerland (Paraat): openbare gegevens.',
		prodId: { company: 'Veiligheidsregio Kennemerland', product: 'Paraat', language: 'NL' },
		method: ICalCalendarMethod.PUBLISH,
		url: `${origin}/kalender`,
		ttl: 60 * 60
	});
	// No calendar-wide zone: ical-generator would then write DTSTAMP and LAST-MODIFIED without
	// their Z; each event names its zone, and the generator adds the VTIMEZONE for it.
	calendar.timezone({ name: null, generator: vtimezone });
	const times = (e: { startsAt: string; endsAt: string }) => ({
		timezone: FEED_TIME_ZONE,
		start: new TZDate(e.startsAt, FEED_TIME_ZONE),
		end: new TZDate(e.endsAt, FEED_TIME_ZONE),
		stamp: generatedAt
	});
	for (const entry of view.events) {
		const busiest = busiestDayOf(entry, view.days);
		const with_ = partners.get(entry.id) ?? [];
		const stamp = stamps.get(entry.id);
		const lines = [
			`Gemeente: ${municipalityName(entry.municipality)}`,
			`Klasse: ${entry.category ?? 'nog niet bepaald'}`,
			`Bezoekers tegelijk (piek): ${formatCount(entry.peakVisitors)}${entry.totalVisitors ? `; totaal ${formatCount(entry.totalVisitors)}` : ''}`,
			`Status: ${statusLabel(entry.status)}`,
			`Kenmerk: ${entry.reference}`
		];
		if (busiest?.busy) lines.push(`Let op: ${busyText(busiest)}`);
		if (with_.length > 0) lines.push(`Samenlopend met: ${with_.map((e) => e.name).join(', ')}`);
		calendar.createEvent({
			id: eventUid(entry.id),
			...times(entry),
			sequence: stamp?.sequence ?? 0,
			lastModified: stamp?.changedAt ?? generatedAt,
			summary: `${entry.name} (${entry.category ?? '–'}, ${municipalityName(entry.municipality)})`,
			description: lines.join('\n'),
			location: municipalityName(entry.municipality),
			status: entry.status === 'besluit' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
			url: `${origin}/kalender?maand=${localDateOf(entry.startsAt).slice(0, 7)}`
		});
	}
	for (const row of await cancelledFeedRowsBetween(db, instantRange(query), query.municipality)) {
		if (query.category && row.category !== query.category) continue;
		const reason = row.status === 'ingetrokken' ? 'ingetrokken' : 'geweigerd';
		calendar.createEvent({
			id: eventUid(row.id),
			...times({ startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() }),
			sequence: row.sequence,
			lastModified: row.changedAt,
			summary: `Vervallen: ${row.name} (${municipalityName(row.municipalityCode)})`,
			description: `Deze aanvraag is ${reason}; het evenement staat niet meer op de kalender.\nKenmerk: ${row.reference}`,
			location: municipalityName(row.municipalityCode),
			status: ICalEventStatus.CANCELLED
		});
	}
	return calendar.toString();
}

/** The UID of an event in every feed, for good: agendas match updates on it. */
export const eventUid = (id: string) => `${id}@paraat`;

/** One listed event as the CSV and the workbook show it. */
interface ListedEvent {
	entry: CalendarEntry;
	busiest: ViewDay | undefined;
	partners: CalendarEntry[];
}

/** The calendar list: Dutch headers, public fields only, one date-time format. */
const CALENDAR_TABLE: ExportTable<ListedEvent> = {
	sheet: 'Evenementen',
	dateTimeFormat: 'minutes',
	columns: [
		{ header: 'Kenmerk', type: 'text', value: (r) => r.entry.reference },
		{ header: 'Naam', type: 'text', value: (r) => r.entry.name, width: 36 },
		{ header: 'Gemeente', type: 'text', value: (r) => municipalityName(r.entry.municipality) },
		{ header: 'Klasse', type: 'text', value: (r) => r.entry.category ?? '' },
		{ header: 'Procedure', type: 'text', value: (r) => r.entry.procedure ?? '' },
		{ header: 'Status', type: 'text', value: (r) => statusLabel(r.entry.status) },
		{ header: 'Begin', type: 'datetime', value: (r) => r.entry.startsAt },
		{ header: 'Einde', type: 'datetime', value: (r) => r.entry.endsAt },
		{ header: 'Bezoekers tegelijk (piek)', type: 'number', value: (r) => r.entry.peakVisitors },
		{ header: 'Bezoekers totaal', type: 'number', value: (r) => r.entry.totalVisitors },
		{ header: 'Hoogste dagbelasting regio', type: 'number', value: (r) => r.busiest?.load ?? 0 },
		{ header: 'Druk', type: 'text', value: (r) => (r.busiest?.busy ? 'ja' : 'nee') },
		{ header: 'Samenlopend met', type: 'text', value: (r) => r.partners.map((p) => `${p.name} (${p.reference})`).join(', '), width: 40 }
	]
};

async function listedEvents(db: Db, user: SessionUser, query: CalendarQuery): Promise<ListedEvent[]> {
	const view = await calendarView(db, user, query);
	const partners = partnersOf(view.samenlopend, [...view.events, ...view.related]);
	return view.events.map((entry) => ({ entry, busiest: busiestDayOf(entry, view.days), partners: partners.get(entry.id) ?? [] }));
}

/** The listed events as CSV; separator ';' and a BOM, as Dutch spreadsheets expect. */
export async function calendarCsv(db: Db, user: SessionUser, query: CalendarQuery): Promise<string> {
	return tableCsv(CALENDAR_TABLE, await listedEvents(db, user, query));
}

/** The same list as an Excel workbook with date and number cells. */
export async function calendarXlsx(db: Db, user: SessionUser, query: CalendarQuery): Promise<Buffer> {
	return tableXlsx(CALENDAR_TABLE, await listedEvents(db, user, query));
}

/** A file name that says what is in it: evenementenkalender-haarlem-2027-06-01-2027-06-30.csv */
export function exportFileName(query: CalendarQuery, extension: 'csv' | 'xlsx' | 'ics'): string {
	const parts = ['evenementenkalender', query.municipality ?? 'regio', query.category ? `klasse-${query.category}` : null, query.from, query.to];
	return `${parts.filter(Boolean).join('-')}.${extension}`;
}
