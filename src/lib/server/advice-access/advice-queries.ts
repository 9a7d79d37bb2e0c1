// SQL for advice requests and the application fields advice work reads. Framework-free (the advice
// capability authorises `advice:<applicationId>` with it in the socket layer), so imports carry
// `.ts`. In advice-access/, below the advice and events capabilities that both write advice.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type {
	AdviceApplicationSummary,
	AdviceRequestRecord
} from '../../domain/advice/record.ts';
import type { AdviceConclusion, AdviceDiscipline, AdviceKind, AdviceStatus } from '../../domain/advice/vocabulary.ts';
import type { LocalDate } from '../../domain/working-days.ts';

type Db = Kysely<DB> | Transaction<DB>;

const base = (db: Db) =>
	db
		.selectFrom('adviceRequest as r')
		.innerJoin('eventApplication as a', 'a.id', 'r.applicationId')
		.leftJoin('appUser as rq', 'rq.id', 'r.requestedBy')
		.leftJoin('appUser as an', 'an.id', 'r.answeredBy')
		.select([
			'r.id',
			'r.applicationId',
			'r.discipline',
			'r.reasons',
			'r.voluntary',
			'r.status',
			'r.requestedAt',
			'r.requestedBy',
			'rq.name as requestedByName',
			sql<string>`to_char(r.due_date, 'YYYY-MM-DD')`.as('dueDate'),
			'r.advice',
			'r.conditions',
			'r.conclusion',
			'r.answeredAt',
			'r.answeredBy',
			'an.name as answeredByName',
			'r.answeredDiscipline',
			'r.withdrawnAt',
			'r.withdrawnReason',
			'r.version',
			'a.reference',
			'a.name as applicationName',
			'a.municipalityCode',
			'a.category',
			'a.status as applicationStatus',
			'a.startsAt',
			'a.endsAt',
			'a.peakVisitors'
		]);

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): AdviceRequestRecord {
	return {
		id: r.id,
		applicationId: r.applicationId,
		application: {
			id: r.applicationId,
			reference: r.reference,
			name: r.applicationName,
			municipality: r.municipalityCode,
			category: r.category as AdviceApplicationSummary['category'],
			status: r.applicationStatus,
			startsAt: r.startsAt.toISOString(),
			endsAt: r.endsAt.toISOString(),
			peakVisitors: r.peakVisitors
		},
		discipline: r.discipline as AdviceKind,
		reasons: r.reasons as string[],
		voluntary: r.voluntary,
		status: r.status as AdviceStatus,
		requestedAt: r.requestedAt.toISOString(),
		requestedBy: r.requestedBy ? { id: r.requestedBy, name: r.requestedByName ?? '' } : null,
		dueDate: r.dueDate,
		advice: r.advice,
		conditions: r.conditions as string[],
		conclusion: r.conclusion as AdviceConclusion | null,
		answeredAt: r.answeredAt?.toISOString() ?? null,
		answeredBy: r.answeredBy ? { id: r.answeredBy, name: r.answeredByName ?? '' } : null,
		answeredDiscipline: r.answeredDiscipline as AdviceDiscipline | null,
		withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
		withdrawnReason: r.withdrawnReason,
		version: r.version
	};
}

export async function findAdviceRequest(db: Db, id: string): Promise<AdviceRequestRecord | undefined> {
	const row = await base(db).where('r.id', '=', id).executeTakeFirst();
	return row ? toRecord(row) : undefined;
}

export async function listAdviceOfApplication(db: Db, applicationId: string): Promise<AdviceRequestRecord[]> {
	const rows = await base(db).where('r.applicationId', '=', applicationId).orderBy('r.requestedAt').orderBy('r.discipline').execute();
	return rows.map(toRecord);
}

/** What an adviser's grants cover: every municipality (null) or one, for these kinds of request. */
export interface InboxScope {
	municipality: string | null;
	kinds: AdviceKind[];
}

/**
 * Requests within the scopes: every open one, and the latest `closedLimit` answered or withdrawn
 * ones. Sorting for display is the caller's (see `byDueDate`).
 */
export async function listInbox(db: Db, scopes: InboxScope[], closedLimit = 50): Promise<AdviceRequestRecord[]> {
	if (scopes.length === 0) return [];
	const inScope = base(db).where((eb) =>
		eb.or(
			scopes.map((s) =>
				s.municipality === null
					? eb('r.discipline', 'in', s.kinds)
					: eb.and([eb('a.municipalityCode', '=', s.municipality), eb('r.discipline', 'in', s.kinds)])
			)
		)
	);
	const open = await inScope.where('r.status', '=', 'gevraagd').orderBy('r.dueDate').orderBy('a.startsAt').execute();
	const closed = await inScope
		.where('r.status', '<>', 'gevraagd')
		.orderBy(sql`coalesce(r.answered_at, r.withdrawn_at)`, 'desc')
		.limit(closedLimit)
		.execute();
	return [...open, ...closed].map(toRecord);
}

/** Open requests due on or before `dueBy` in the given municipalities (null: all), earliest first. */
export async function listOpenDueBy(db: Db, municipalities: string[] | null, dueBy: LocalDate): Promise<AdviceRequestRecord[]> {
	if (municipalities?.length === 0) return [];
	let query = base(db).where('r.status', '=', 'gevraagd').where('r.dueDate', '<=', sql<Date>`${dueBy}::date`);
	if (municipalities) query = query.where('a.municipalityCode', 'in', municipalities);
	const rows = await query.orderBy('r.dueDate').orderBy('a.startsAt').execute();
	return rows.map(toRecord);
}

/** The kinds of request on an application that are still live (asked or answered). */
export async function liveAdviceKinds(db: Db, applicationId: string): Promise<AdviceKind[]> {
	const rows = await db
		.selectFrom('adviceRequest')
		.select('discipline')
		.where('applicationId', '=', applicationId)
		.where('status', '<>', 'ingetrokken')
		.execute();
	return rows.map((r) => r.discipline as AdviceKind);
}

/** Every kind of request ever made on an application (for who may read it). */
export async function adviceKindsOfApplication(db: Db, applicationId: string): Promise<AdviceKind[]> {
	const rows = await db.selectFrom('adviceRequest').select('discipline').distinct().where('applicationId', '=', applicationId).execute();
	return rows.map((r) => r.discipline as AdviceKind);
}

export interface NewAdviceRequest {
	applicationId: string;
	discipline: AdviceKind;
	reasons: string[];
	voluntary: boolean;
	requestedAt: Date;
	requestedBy: string | null;
	dueDate: LocalDate;
}

export async function insertAdviceRequest(trx: Transaction<DB>, values: NewAdviceRequest): Promise<string> {
	const { id } = await trx
		.insertInto('adviceRequest')
		.values({ ...values, reasons: JSON.stringify(values.reasons) })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** Locks the request row for the rest of the transaction; its version and status. */
export async function lockAdviceRequest(trx: Transaction<DB>, id: string) {
	return trx.selectFrom('adviceRequest').select(['id', 'version', 'status', 'discipline', 'applicationId']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function saveAnswer(
	trx: Transaction<DB>,
	id: string,
	values: { advice: string; conditions: string[]; conclusion: AdviceConclusion; answeredBy: string; answeredDiscipline: AdviceDiscipline; answeredAt?: Date }
): Promise<void> {
	await trx
		.updateTable('adviceRequest')
		.set({
			status: 'uitgebracht',
			advice: values.advice,
			conditions: JSON.stringify(values.conditions),
			conclusion: values.conclusion,
			answeredAt: values.answeredAt ?? sql<Date>`now()`,
			answeredBy: values.answeredBy,
			answeredDiscipline: values.answeredDiscipline,
			version: sql<number>`version + 1`
		})
		.where('id', '=', id)
		.execute();
}

export async function saveWithdrawal(trx: Transaction<DB>, id: string, values: { withdrawnBy: string; reason: string }): Promise<void> {
	await trx
		.updateTable('adviceRequest')
		.set({
			status: 'ingetrokken',
			withdrawnAt: sql<Date>`now()`,
			withdrawnBy: values.withdrawnBy,
			withdrawnReason: values.reason,
			version: sql<number>`version + 1`
		})
		.where('id', '=', id)
		.execute();
}

// ---------------------------------------------------------------------------------------------
// The application, as advice work needs it

const APPLICATION_COLUMNS = [
	'id',
	'reference',
	'municipalityCode',
	'status',
	'procedure',
	'name',
	'description',
	'eventType',
	'address',
	'lat',
	'lon',
	'startsAt',
	'endsAt',
	'totalVisitors',
	'peakVisitors',
	'areaM2',
	'isNewEvent',
	'organiserName',
	'organiserOrganisation',
	'scanAnswers',
	'scanResult',
	'computedCategory',
	'overrideCategory',
	'overrideReason',
	'category',
	'decision',
	'version'
] as const;

export type AdviceApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplicationForAdvice>>>;

export async function findApplicationForAdvice(db: Db, id: string) {
	return db.selectFrom('eventApplication').select(APPLICATION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Locks the application row: status changes and new requests on it queue behind each other. */
export async function lockApplicationForAdvice(trx: Transaction<DB>, id: string) {
	return trx.selectFrom('eventApplication').select(APPLICATION_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The database's clock, so due dates agree with `requested_at`. */
export async function dbNow(db: Db): Promise<Date> {
	const { rows } = await sql<{ now: Date }>`select now() as now`.execute(db);
	return rows[0]!.now;
}
