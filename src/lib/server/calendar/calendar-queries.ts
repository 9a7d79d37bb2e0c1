// SQL of the regional calendar. Only applications on the calendar are read (submitted, not
// withdrawn or refused: the same rule as isOnCalendar), and only their public columns.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { LOAD_WEIGHTS, MAX_EVENT_DAYS, type LocalDate } from '../../domain/calendar/index.ts';
import { EVENT_TIME_ZONE } from '../../domain/risicoscan/index.ts';

export const CALENDAR_COLUMNS = [
	'id',
	'reference',
	'name',
	'municipalityCode',
	'category',
	'procedure',
	'status',
	'decision',
	'startsAt',
	'endsAt',
	'peakVisitors',
	'totalVisitors',
	'bibobStatus'
] as const;

export interface CalendarRow {
	id: string;
	reference: string;
	name: string;
	municipalityCode: string;
	category: string | null;
	procedure: string | null;
	status: string;
	decision: string | null;
	startsAt: Date;
	endsAt: Date;
	peakVisitors: number;
	totalVisitors: number | null;
	bibobStatus: string;
}

export async function calendarRow(db: Kysely<DB> | Transaction<DB>, id: string): Promise<CalendarRow | undefined> {
	return db.selectFrom('eventApplication').select(CALENDAR_COLUMNS).where('id', '=', id).executeTakeFirst();
}

type Db = Kysely<DB> | Transaction<DB>;

/** isOnCalendar in SQL: from submission on, until withdrawn or refused. */
export function onCalendar(eb: ExpressionBuilder<DB, 'eventApplication'>): Expression<SqlBool> {
	return eb.and([
		eb('eventApplication.status', 'not in', ['concept', 'ingetrokken']),
		eb.not(eb.and([eb('eventApplication.status', '=', 'besluit'), eb('eventApplication.decision', 'is not distinct from', 'geweigerd')]))
	]);
}

/** The time range overlaps [from, to): answered by the GiST index of migration 0011. */
function overlapsRange(range: { from: Date; to: Date }) {
	return sql<SqlBool>`tstzrange(event_application.starts_at, event_application.ends_at) && tstzrange(${range.from}, ${range.to})`;
}

/** Public rows of every calendar event overlapping the time range, by start. */
export async function calendarRowsBetween(
	db: Db,
	range: { from: Date; to: Date },
	options: { municipality?: string | undefined; excludeId?: string | undefined } = {}
): Promise<CalendarRow[]> {
	let query = db
		.selectFrom('eventApplication')
		.select(CALENDAR_COLUMNS)
		.where(onCalendar)
		.where(overlapsRange(range))
		.orderBy('startsAt')
		.orderBy('reference');
	if (options.municipality) query = query.where('municipalityCode', '=', options.municipality);
	if (options.excludeId) query = query.where('id', '!=', options.excludeId);
	return query.execute();
}

export interface DayLoadRow {
	date: LocalDate;
	load: number;
	events: number;
}

/**
 * The regional load of every date in [from, to] that has an event, aggregated in PostgreSQL (the
 * year view reads a year at once). Same rule as dayLoads: local dates in Amsterdam from the start
 * date through the end's date, where an end before 07:00 counts for the day before (end − 7 h).
 * `range` is instantRange(window): the candidate events.
 */
export async function dayLoadRows(db: Db, window: { from: LocalDate; to: LocalDate }, range: { from: Date; to: Date }): Promise<DayLoadRow[]> {
	const tz = EVENT_TIME_ZONE;
	const result = await sql<{ date: string; load: number; events: number }>`
		with spans as (
			select e.category,
				(e.starts_at at time zone ${tz})::date as first_day,
				greatest((e.starts_at at time zone ${tz})::date, ((e.ends_at at time zone ${tz}) - interval '7 hours')::date) as last_day
			from event_application e
			where tstzrange(e.starts_at, e.ends_at) && tstzrange(${range.from}, ${range.to})
				and e.status not in ('concept', 'ingetrokken')
				and not (e.status = 'besluit' and e.decision is not distinct from 'geweigerd')
		)
		select to_char(d, 'YYYY-MM-DD') as date,
			sum(case s.category when 'C' then ${LOAD_WEIGHTS.C}::int when 'B' then ${LOAD_WEIGHTS.B}::int else 0 end)::int as load,
			count(*)::int as events
		from spans s,
			generate_series(
				greatest(s.first_day, ${window.from}::date)::timestamp,
				least(s.last_day, s.first_day + ${MAX_EVENT_DAYS - 1}::int, ${window.to}::date)::timestamp,
				interval '1 day'
			) d
		group by d
		order by d`.execute(db);
	return result.rows;
}

export interface FeedStamp {
	sequence: number;
	changedAt: Date;
}

/** SEQUENCE and LAST-MODIFIED of each event in the feed (kept by the trigger of migration 0018). */
export async function feedStamps(db: Db, ids: string[]): Promise<Map<string, FeedStamp>> {
	if (ids.length === 0) return new Map();
	const rows = await db.selectFrom('eventApplication').select(['id', 'feedSequence', 'feedChangedAt']).where('id', 'in', ids).execute();
	return new Map(rows.map((r) => [r.id, { sequence: r.feedSequence, changedAt: r.feedChangedAt }]));
}

export interface CancelledFeedRow extends CalendarRow, FeedStamp {}

/**
 * Events that were on the calendar (submitted) and then left it, withdrawn or refused, overlapping
 * the time range: the feed keeps them as cancelled so subscribed agendas strike them out.
 */
export async function cancelledFeedRowsBetween(db: Db, range: { from: Date; to: Date }, municipality?: string): Promise<CancelledFeedRow[]> {
	let query = db
		.selectFrom('eventApplication')
		.select([...CALENDAR_COLUMNS, 'feedSequence as sequence', 'feedChangedAt as changedAt'])
		.where('submittedAt', 'is not', null)
		.where((eb) => eb.not(onCalendar(eb)))
		.where(overlapsRange(range))
		.orderBy('startsAt')
		.orderBy('reference');
	if (municipality) query = query.where('municipalityCode', '=', municipality);
	return query.execute();
}
