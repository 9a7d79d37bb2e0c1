// SQL for the incident logbook. Framework-free (relative .ts imports): the inject scheduler,
// which runs outside SvelteKit, writes entries through the same functions as the service.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { stampOrNow } from '../db/now.ts';
import type { LogEntryRecord } from '../../contracts/logbook.ts';
export type { LogEntryRecord };

type Db = Kysely<DB>;

const base = (db: Db) =>
	db
		.selectFrom('logEntry')
		.innerJoin('incident', 'incident.id', 'logEntry.incidentId')
		.innerJoin('appUser as author', 'author.id', 'logEntry.authorId')
		.leftJoin('logEntry as corrected', 'corrected.id', 'logEntry.correctsId')
		.leftJoin('logEntry as correction', 'correction.correctsId', 'logEntry.id')
		.leftJoin('appUser as verifier', 'verifier.id', 'logEntry.verifiedBy')
		.select([
			'logEntry.id',
			'logEntry.incidentId',
			'logEntry.number',
			'logEntry.kind',
			'logEntry.discipline',
			'logEntry.text',
			'logEntry.happenedAt',
			'logEntry.loggedAt',
			'logEntry.source',
			'logEntry.authorId',
			'author.name as authorName',
			'logEntry.correctsId',
			'corrected.number as correctedNumber',
			'correction.id as correctionId',
			'correction.number as correctionNumber',
			'logEntry.verifiedBy',
			'verifier.name as verifierName',
			'logEntry.verifiedAt',
			'logEntry.injectId',
			'incident.kind as incidentKind'
		]);

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): LogEntryRecord {
	return {
		id: r.id,
		incidentId: r.incidentId,
		number: r.number,
		kind: r.kind,
		discipline: r.discipline,
		text: r.text,
		happenedAt: r.happenedAt.toISOString(),
		loggedAt: r.loggedAt.toISOString(),
		source: r.source,
		author: { id: r.authorId, name: r.authorName },
		corrects: r.correctsId && r.correctedNumber !== null ? { id: r.correctsId, number: r.correctedNumber } : null,
		correctedBy: r.correctionId && r.correctionNumber !== null ? { id: r.correctionId, number: r.correctionNumber } : null,
		verified: r.verifiedBy && r.verifiedAt ? { by: { id: r.verifiedBy, name: r.verifierName ?? '' }, at: r.verifiedAt.toISOString() } : null,
		injectId: r.injectId,
		exercise: r.incidentKind === 'oefening'
	};
}

export interface LogFilter {
	kinds?: string[];
	disciplines?: string[];
	/** Only entries with a higher number (for "what is new since"). */
	afterNumber?: number;
	limit?: number;
}

/** Entries of an incident in number order (oldest first). */
export async function listEntries(db: Db, incidentId: string, filter: LogFilter = {}): Promise<LogEntryRecord[]> {
	let query = base(db).where('logEntry.incidentId', '=', incidentId);
	if (filter.kinds && filter.kinds.length > 0) query = query.where('logEntry.kind', 'in', filter.kinds);
	if (filter.disciplines && filter.disciplines.length > 0) query = query.where('logEntry.discipline', 'in', filter.disciplines);
	if (filter.afterNumber !== undefined) query = query.where('logEntry.number', '>', filter.afterNumber);
	const rows = await query
		.orderBy('logEntry.number')
		.limit(filter.limit ?? 5000)
		.execute();
	return rows.map(toRecord);
}

export async function findEntry(db: Db, id: string): Promise<LogEntryRecord | undefined> {
	const row = await base(db).where('logEntry.id', '=', id).executeTakeFirst();
	return row ? toRecord(row) : undefined;
}

/**
 * Locks the incident row against other writers of numbered records (log entries, SITRAPs) and
 * against a concurrent status change, for the rest of the transaction. FOR NO KEY UPDATE does
 * not block inserts that only refer to the incident (tasks, events).
 */
export async function lockIncident(db: Db, incidentId: string) {
	return db
		.selectFrom('incident')
		.select(['id', 'kind', 'status', 'startedAt'])
		.where('id', '=', incidentId)
		.forNoKeyUpdate()
		.executeTakeFirst();
}

export interface NewLogEntry {
	incidentId: string;
	kind: string;
	discipline: string;
	text: string;
	happenedAt: Date;
	source: string;
	authorId: string;
	correctsId?: string | null;
	injectId?: string | null;
	/** Absent: now (see clock.ts). */
	loggedAt?: Date;
}

/**
 * Appends an entry with the incident's next number. The caller holds the incident lock
 * (lockIncident) in the same transaction, so numbers are unique and without gaps.
 */
export async function insertEntry(db: Db, values: NewLogEntry): Promise<string> {
	const { id } = await db
		.insertInto('logEntry')
		.values({
			incidentId: values.incidentId,
			number: sql<number>`(select coalesce(max(number), 0) + 1 from log_entry where incident_id = ${values.incidentId})`,
			kind: values.kind,
			discipline: values.discipline,
			text: values.text,
			happenedAt: values.happenedAt,
			source: values.source,
			authorId: values.authorId,
			correctsId: values.correctsId ?? null,
			injectId: values.injectId ?? null,
			loggedAt: values.loggedAt
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** Sets the verification once; false when someone verified it first. */
export async function markVerified(db: Db, id: string, userId: string, at?: Date): Promise<boolean> {
	const row = await db
		.updateTable('logEntry')
		.set({ verifiedBy: userId, verifiedAt: stampOrNow(at) })
		.where('id', '=', id)
		.where('verifiedAt', 'is', null)
		.returning('id')
		.executeTakeFirst();
	return !!row;
}

export async function highestNumber(db: Db, incidentId: string): Promise<number> {
	const row = await db
		.selectFrom('logEntry')
		.select(sql<number>`coalesce(max(number), 0)::int`.as('n'))
		.where('incidentId', '=', incidentId)
		.executeTakeFirstOrThrow();
	return row.n;
}

export async function readPosition(db: Db, incidentId: string, userId: string): Promise<number> {
	const row = await db
		.selectFrom('logRead')
		.select('lastNumber')
		.where('incidentId', '=', incidentId)
		.where('userId', '=', userId)
		.executeTakeFirst();
	return row?.lastNumber ?? 0;
}

/** Moves the read position forward to `number` (never back); returns the position now stored. */
export async function advanceReadPosition(db: Db, incidentId: string, userId: string, number: number): Promise<number> {
	const row = await db
		.insertInto('logRead')
		.values({ incidentId, userId, lastNumber: number })
		.onConflict((oc) =>
			oc.columns(['incidentId', 'userId']).doUpdateSet({
				lastNumber: sql`greatest(log_read.last_number, excluded.last_number)`,
				updatedAt: sql`now()`
			})
		)
		.returning('lastNumber')
		.executeTakeFirstOrThrow();
	return row.lastNumber;
}

/** How many entries the user has not read: after their position, and not written by them. */
export async function unreadCount(db: Db, incidentId: string, userId: string): Promise<number> {
	const row = await db
		.selectFrom('logEntry')
		.leftJoin('logRead', (join) => join.onRef('logRead.incidentId', '=', 'logEntry.incidentId').on('logRead.userId', '=', userId))
		.select(sql<number>`count(*)::int`.as('n'))
		.where('logEntry.incidentId', '=', incidentId)
		.where('logEntry.authorId', '!=', userId)
		.where('logEntry.number', '>', sql<number>`coalesce(log_read.last_number, 0)`)
		.executeTakeFirstOrThrow();
	return row.n;
}
