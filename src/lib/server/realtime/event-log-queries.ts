// SQL for the event log: one counter row per topic (its last seq) and the events themselves.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export async function lastSeqOf(db: Kysely<DB>, topic: string): Promise<number | undefined> {
	const row = await db.selectFrom('realtimeTopic').select('lastSeq').where('topic', '=', topic).executeTakeFirst();
	return row?.lastSeq;
}

export async function eventRowsSince(db: Kysely<DB>, topic: string, since: number, limit: number) {
	return db.selectFrom('realtimeEvent').selectAll().where('topic', '=', topic).where('seq', '>', since).orderBy('seq').limit(limit).execute();
}

export interface EventRow {
	topic: string;
	type: string;
	actor: string | null;
	exercise: boolean;
	data: string;
	at?: Date;
}

/**
 * Appends events to distinct topics in ONE statement: each topic's counter row raised (and locked
 * until commit) in the order given, its event row inserted with that seq, and the NOTIFY queued for
 * commit. Callers give the topics in a fixed order, so two transactions never lock them crosswise.
 * One round trip instead of three per topic.
 */
export async function insertEventsAndNotify(trx: Transaction<DB>, channel: string, rows: EventRow[]): Promise<{ topic: string; seq: number; at: Date }[]> {
	const values = sql.join(
		rows.map(
			(r, ord) =>
				sql`(${ord}::int, ${r.topic}::text, ${r.type}::text, ${r.actor}::jsonb, ${r.exercise}::boolean, ${r.data}::jsonb, ${r.at ?? null}::timestamptz)`
		)
	);
	const result = await sql<{ topic: string; seq: number; at: Date }>`
		with input (ord, topic, type, actor, exercise, data, at) as (values ${values}),
		counter as (
			insert into realtime_topic (topic, last_seq)
			select topic, 1 from input order by ord
			on conflict (topic) do update set last_seq = realtime_topic.last_seq + 1
			returning topic, last_seq
		),
		event as (
			insert into realtime_event (topic, seq, type, actor, exercise, data, at)
			select i.topic, c.last_seq, i.type, i.actor, i.exercise, i.data, coalesce(i.at, now())
			from input i join counter c on c.topic = i.topic
			returning topic, seq, at
		)
		select e.topic, e.seq, e.at, pg_notify(${channel}, e.seq || ':' || e.topic) as notified
		from event e`.execute(trx);
	return result.rows.map((r) => ({ topic: r.topic, seq: Number(r.seq), at: r.at }));
}
