// SQL for event applications. Every function takes `db` or a transaction first.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DB, EventApplication } from '../db/schema';
import type { RisicoscanResult } from '../../domain/risicoscan/model';
import { completeAnswers } from '../../domain/events/scan-answers';
import type { ApplicationStatus, Decision, Procedure } from '../../domain/events/application';
import type { DecisionGap } from '../../domain/events/decision-guard';
import type { MeldingReason } from '../../domain/events/melding';
import type { Category } from '../../domain/risicoscan/model';
import type { LocalDate } from '../../domain/working-days';
import { referencePrefix } from '../../domain/calendar/reference';
import type { ApplicationDto, StatusChangeDto } from '../../contracts/application.ts';
export type { ApplicationDto, StatusChangeDto };

type Db = Kysely<DB> | Transaction<DB>;

export type ApplicationRow = Selectable<EventApplication> & {
	overrideByName: string | null;
	decidedByName: string | null;
	createdByName: string | null;
};

/** One application with the names of who overrode, decided and created it; undefined when absent. */
export async function applicationById(db: Db, id: string): Promise<ApplicationRow | undefined> {
	return db
		.selectFrom('eventApplication as a')
		.leftJoin('appUser as ov', 'ov.id', 'a.overrideBy')
		.leftJoin('appUser as dc', 'dc.id', 'a.decidedBy')
		.leftJoin('appUser as cr', 'cr.id', 'a.createdBy')
		.selectAll('a')
		.select(['ov.name as overrideByName', 'dc.name as decidedByName', 'cr.name as createdByName'])
		.where('a.id', '=', id)
		.executeTakeFirst();
}

function localDateOf(value: Date | string | null): LocalDate | null {
	if (value === null) return null;
	if (typeof value === 'string') return value.slice(0, 10);
	// A `date` column arrives as a Date at local midnight of the server; take its local parts.
	return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
}

const who = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function toApplicationDto(row: ApplicationRow): ApplicationDto {
	const answers = completeAnswers(row.scanAnswers);
	return {
		id: row.id,
		reference: row.reference,
		municipality: row.municipalityCode,
		status: row.status as ApplicationStatus,
		procedure: row.procedure as Procedure | null,
		procedureReasons: (row.procedureReasons as unknown as MeldingReason[]) ?? [],
		organiserName: row.organiserName,
		organiserOrganisation: row.organiserOrganisation,
		organiserKvk: row.organiserKvk,
		organiserEmail: row.organiserEmail,
		organiserPhone: row.organiserPhone,
		name: row.name,
		description: row.description,
		eventType: row.eventType,
		address: row.address,
		lat: row.lat,
		lon: row.lon,
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		totalVisitors: row.totalVisitors,
		peakVisitors: row.peakVisitors,
		areaM2: row.areaM2,
		isNewEvent: row.isNewEvent,
		...answers,
		scan: {
			result: (row.scanResult as unknown as RisicoscanResult | null) ?? null,
			modelVersion: row.scanModelVersion,
			computedCategory: row.computedCategory as Category | null
		},
		override:
			row.overrideCategory && row.overrideAt
				? {
						category: row.overrideCategory as Category,
						reason: row.overrideReason ?? '',
						by: who(row.overrideBy, row.overrideByName),
						at: row.overrideAt.toISOString()
					}
				: null,
		category: row.category as Category | null,
		deadlineDate: localDateOf(row.deadlineDate as Date | string | null),
		submittedAt: row.submittedAt?.toISOString() ?? null,
		late: row.late,
		decision:
			row.decision && row.decidedAt
				? {
						decision: row.decision as Decision,
						conditions: row.decisionConditions ?? '',
						reason: row.decisionReason ?? '',
						decidedAt: row.decidedAt.toISOString(),
						decidedBy: who(row.decidedBy, row.decidedByName),
						despite: row.decisionDespiteReason ? { reason: row.decisionDespiteReason, gaps: (row.decisionGaps as unknown as DecisionGap[] | null) ?? [] } : null
					}
				: null,
		bibobStatus: row.bibobStatus as ApplicationDto['bibobStatus'],
		copiedFrom: row.copiedFrom,
		createdBy: who(row.createdBy, row.createdByName),
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
		version: row.version
	};
}

/** Locks the application row for a change; its version decides whether the change is stale. */
export async function lockApplication(trx: Transaction<DB>, id: string) {
	return trx.selectFrom('eventApplication').select(['id', 'version', 'status', 'decision', 'municipalityCode']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export interface ApplicationListFilter {
	municipalities: string[] | null;
	status?: ApplicationStatus | undefined;
}

export async function listApplicationRows(db: Db, filter: ApplicationListFilter): Promise<ApplicationRow[]> {
	let query = db
		.selectFrom('eventApplication as a')
		.leftJoin('appUser as ov', 'ov.id', 'a.overrideBy')
		.leftJoin('appUser as dc', 'dc.id', 'a.decidedBy')
		.leftJoin('appUser as cr', 'cr.id', 'a.createdBy')
		.selectAll('a')
		.select(['ov.name as overrideByName', 'dc.name as decidedByName', 'cr.name as createdByName'])
		.orderBy('a.startsAt')
		.limit(1000);
	if (filter.municipalities) {
		if (filter.municipalities.length === 0) return [];
		query = query.where('a.municipalityCode', 'in', filter.municipalities);
	}
	if (filter.status) query = query.where('a.status', '=', filter.status);
	return query.execute();
}

/**
 * The next reference number of a municipality in a year, under the counter row's lock. The
 * counter never falls behind references written by other means (demo data, an import): it
 * continues from the highest number already in use.
 */
export async function nextReferenceNumber(trx: Transaction<DB>, municipality: string, year: number, count = 1): Promise<number> {
	const prefix = referencePrefix(municipality, year);
	const from = prefix.length + 1;
	const highest = sql<number>`(select coalesce(max(substring(reference from ${from}::int)::int), 0)
		from event_application
		where reference like ${prefix + '%'} and substring(reference from ${from}::int) ~ '^[0-9]+$')`;
	const row = await trx
		.insertInto('eventReferenceCounter')
		.values({ municipalityCode: municipality, year, lastNumber: sql<number>`${highest} + ${count}::int` })
		.onConflict((oc) =>
			oc.columns(['municipalityCode', 'year']).doUpdateSet({ lastNumber: sql`greatest(event_reference_counter.last_number, ${highest}) + ${count}::int` })
		)
		.returning('lastNumber')
		.executeTakeFirstOrThrow();
	// With `count` > 1 (an import's batch) the numbers first … lastNumber are this caller's.
	return row.lastNumber - count + 1;
}

export async function insertStatusChange(
	trx: Transaction<DB>,
	change: { applicationId: string; fromStatus: string | null; toStatus: string; note?: string; changedBy: string | null }
): Promise<void> {
	await trx
		.insertInto('eventStatusChange')
		.values({ applicationId: change.applicationId, fromStatus: change.fromStatus, toStatus: change.toStatus, note: change.note ?? '', changedBy: change.changedBy })
		.execute();
}

export async function statusHistory(db: Db, applicationId: string): Promise<StatusChangeDto[]> {
	const rows = await db
		.selectFrom('eventStatusChange as s')
		.leftJoin('appUser as u', 'u.id', 's.changedBy')
		.select(['s.fromStatus', 's.toStatus', 's.note', 's.changedBy', 'u.name', 's.changedAt'])
		.where('s.applicationId', '=', applicationId)
		.orderBy('s.id')
		.execute();
	return rows.map((r) => ({
		fromStatus: r.fromStatus as ApplicationStatus | null,
		toStatus: r.toStatus as ApplicationStatus,
		note: r.note,
		by: who(r.changedBy, r.name),
		at: r.changedAt.toISOString()
	}));
}

export async function insertApplicationRow(trx: Transaction<DB>, values: Insertable<EventApplication>): Promise<string> {
	const { id } = await trx.insertInto('eventApplication').values(values).returning('id').executeTakeFirstOrThrow();
	return id;
}

/** Writes the columns as given; the caller has the row locked and sets the new version itself. */
export async function updateApplicationRow(trx: Transaction<DB>, id: string, set: Updateable<EventApplication>): Promise<void> {
	await trx.updateTable('eventApplication').set(set).where('id', '=', id).execute();
}

/** Writes a fresh assessment (scan, melding verdict, deadline) and the late flag it implies. */
export async function saveAssessment(
	trx: Transaction<DB>,
	id: string,
	columns: Omit<Updateable<EventApplication>, 'id'>
): Promise<void> {
	await trx.updateTable('eventApplication').set(columns).where('id', '=', id).execute();
}
