// Who is told: SQL for the recipients of Paraat's own notifications and for the deadline check.
// Framework-free (relative .ts imports). Reads the advice tables without importing the advice
// capability (which imports this folder to queue its messages).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The active advisers whose grant covers a request: an adviser of one of `disciplines` for this
 * municipality or the region, with a confirmed grant.
 */
export async function advisersCovering(db: Db, municipality: string, disciplines: readonly string[]): Promise<string[]> {
	const rows = await db
		.selectFrom('roleGrant as g')
		.innerJoin('appUser as u', 'u.id', 'g.userId')
		.select('g.userId')
		.distinct()
		.where('g.role', '=', 'adviseur')
		.where('g.confirmedAt', 'is not', null)
		.where('g.discipline', 'in', [...disciplines])
		.where((eb) => eb.or([eb('g.municipalityCode', '=', municipality), eb('g.municipalityCode', 'is', null)]))
		.where('u.active', '=', true)
		.orderBy('g.userId')
		.execute();
	return rows.map((r) => r.userId);
}

/** Open advice requests due by `dueBy` (YYYY-MM-DD) whose officer is known, with their event. */
export async function openRequestsDueBy(db: Db, dueBy: string) {
	return db
		.selectFrom('adviceRequest as r')
		.innerJoin('eventApplication as a', 'a.id', 'r.applicationId')
		.select([
			'r.id',
			'r.applicationId',
			'r.discipline',
			'r.requestedBy',
			sql<string>`to_char(r.due_date, 'YYYY-MM-DD')`.as('dueDate'),
			'a.name',
			'a.reference',
			'a.municipalityCode',
			'a.category',
			'a.startsAt',
			'a.endsAt'
		])
		.where('r.status', '=', 'gevraagd')
		.where('r.requestedBy', 'is not', null)
		.where('r.dueDate', '<=', sql<Date>`${dueBy}::date`)
		.orderBy('r.dueDate')
		.execute();
}

/** Remembers that `kind` was told about `subjectId` to `userId`; false when it was already. */
export async function rememberReminder(db: Db, kind: string, subjectId: string, userId: string): Promise<boolean> {
	const row = await db.insertInto('notificationReminder').values({ kind, subjectId, userId }).onConflict((oc) => oc.doNothing()).returning('kind').executeTakeFirst();
	return !!row;
}
