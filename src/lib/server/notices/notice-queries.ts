import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { NoticeRecord } from '../../contracts/notice.ts';
export type { NoticeRecord };

type Db = Kysely<DB> | Transaction<DB>;

const columns = [
	'notice.id',
	'notice.title',
	'notice.body',
	'notice.severity',
	'notice.exercise',
	'notice.createdAt',
	'notice.withdrawnAt',
	'appUser.id as authorId',
	'appUser.name as authorName'
] as const;

type Row = {
	id: string;
	title: string;
	body: string;
	severity: string;
	exercise: boolean;
	createdAt: Date;
	withdrawnAt: Date | null;
	authorId: string;
	authorName: string;
};

function toRecord(r: Row): NoticeRecord {
	return {
		id: r.id,
		title: r.title,
		text: r.body,
		severity: r.severity as NoticeRecord['severity'],
		exercise: r.exercise,
		createdAt: r.createdAt.toISOString(),
		withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
		author: { id: r.authorId, name: r.authorName }
	};
}

export async function insertNotice(
	db: Db,
	values: { title: string; body: string; severity: string; exercise: boolean; authorId: string }
): Promise<NoticeRecord> {
	const { id } = await db.insertInto('notice').values(values).returning('id').executeTakeFirstOrThrow();
	const row = await db
		.selectFrom('notice')
		.innerJoin('appUser', 'appUser.id', 'notice.authorId')
		.select(columns)
		.where('notice.id', '=', id)
		.executeTakeFirstOrThrow();
	return toRecord(row);
}

export async function listRecentNotices(db: Kysely<DB>, limit: number): Promise<NoticeRecord[]> {
	const rows = await db
		.selectFrom('notice')
		.innerJoin('appUser', 'appUser.id', 'notice.authorId')
		.select(columns)
		.orderBy('notice.createdAt', 'desc')
		.orderBy('notice.id')
		.limit(limit)
		.execute();
	return rows.map(toRecord);
}

export async function findNotice(db: Db, id: string): Promise<NoticeRecord | undefined> {
	const row = await db.selectFrom('notice').innerJoin('appUser', 'appUser.id', 'notice.authorId').select(columns).where('notice.id', '=', id).executeTakeFirst();
	return row ? toRecord(row) : undefined;
}

export async function lockNotice(trx: Transaction<DB>, id: string) {
	return trx.selectFrom('notice').select(['id', 'withdrawnAt', 'withdrawnBy', 'exercise']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function saveWithdrawal(trx: Transaction<DB>, id: string, by: string): Promise<void> {
	await trx.updateTable('notice').set({ withdrawnAt: new Date(), withdrawnBy: by }).where('id', '=', id).execute();
}

/** Marks a notice read by a user; false when it was read before. */
export async function saveRead(trx: Transaction<DB>, noticeId: string, userId: string): Promise<boolean> {
	const inserted = await trx.insertInto('noticeRead').values({ noticeId, userId }).onConflict((oc) => oc.columns(['noticeId', 'userId']).doNothing()).returning('noticeId').executeTakeFirst();
	return inserted !== undefined;
}

/** Urgent notices that are not withdrawn and that this user has not read, newest first. */
export async function listUnreadUrgent(db: Db, userId: string, limit: number): Promise<NoticeRecord[]> {
	const rows = await db
		.selectFrom('notice')
		.innerJoin('appUser', 'appUser.id', 'notice.authorId')
		.select(columns)
		.where('notice.severity', '=', 'urgent')
		.where('notice.withdrawnAt', 'is', null)
		.where(({ not, exists, selectFrom }) =>
			not(exists(selectFrom('noticeRead').select('noticeRead.noticeId').whereRef('noticeRead.noticeId', '=', 'notice.id').where('noticeRead.userId', '=', userId)))
		)
		.orderBy('notice.createdAt', 'desc')
		.orderBy('notice.id')
		.limit(limit)
		.execute();
	return rows.map(toRecord);
}
