// SQL for the event log: one counter row per topic (its last seq) and the events themselves.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The topic's next seq; the counter row stays locked until the transaction ends. */
export async function nextSeq(trx: Transaction<DB>, topic: string): Promise<number> {
	const { lastSeq } = await trx
		.insertInto('realtimeTopic')
		.values({ topic, lastSeq: 1 })
		.onConflict((oc) => oc.column('topic').doUpdateSet({ lastSeq: sql`realtime_topic.last_seq + 1` }))
		.returning('lastSeq')
		.executeTakeFirstOrThrow();
	return lastSeq;
}

export async function insertEvent(
	trx: Transaction<DB>,
	values: { topic: string; seq: number; type: string; actor: string | null; exercise: boolean; data: string; at?: Date }
): Promise<{ at: Date }> {
	return trx.insertInto('realtimeEvent').values(values).returning(['at']).executeTakeFirstOrThrow();
}

export async function lastSeqOf(db: Kysely<DB>, topic: string): Promise<number | undefined> {
	const row = await db.selectFrom('realtimeTopic').select('lastSeq').where('topic', '=', topic).executeTakeFirst();
	return row?.lastSeq;
}

export async function eventRowsSince(db: Kysely<DB>, topic: string, since: number, limit: number) {
	return db.selectFrom('realtimeEvent').selectAll().where('topic', '=', topic).where('seq', '>', since).orderBy('seq').limit(limit).execute();
}
