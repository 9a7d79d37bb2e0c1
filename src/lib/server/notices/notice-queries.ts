import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface NoticeRecord {
	id: string;
	title: string;
	text: string;
	severity: 'info' | 'waarschuwing' | 'urgent';
	exercise: boolean;
	createdAt: string;
	author: { id: string; name: string };
}

const columns = [
	'notice.id',
	'notice.title',
	'notice.body',
	'notice.severity',
	'notice.exercise',
	'notice.createdAt',
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
		author: { id: r.authorId, name: r.authorName }
	};
}

export async function insertNotice(
	db: Kysely<DB>,
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
