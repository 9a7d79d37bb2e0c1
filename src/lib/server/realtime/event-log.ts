// The event log: written in the same transaction as the change it announces.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { EVENTS_CHANNEL, MAX_REPLAY, type Actor, type RealtimeEvent } from '../../realtime/protocol.ts';
import { eventsPublished } from '../runtime/metrics.ts';

export interface PublishInput {
	topic: string;
	type: string;
	data: unknown;
	actor: Actor | null;
	exercise?: boolean;
	/** When the change happened; absent: now (only the demo seeder backdates, see clock.ts). */
	at?: Date;
}

/**
 * Appends an event with the next sequence number of its topic. Must run inside the
 * transaction that makes the change: the counter row stays locked until commit, so per
 * topic commit order equals sequence order and a rolled-back change leaves no gap.
 * The NOTIFY is delivered by PostgreSQL only when (and if) the transaction commits.
 */
export async function publish(trx: Transaction<DB>, input: PublishInput): Promise<RealtimeEvent> {
	const { lastSeq } = await trx
		.insertInto('realtimeTopic')
		.values({ topic: input.topic, lastSeq: 1 })
		.onConflict((oc) => oc.column('topic').doUpdateSet({ lastSeq: sql`realtime_topic.last_seq + 1` }))
		.returning('lastSeq')
		.executeTakeFirstOrThrow();
	const row = await trx
		.insertInto('realtimeEvent')
		.values({
			topic: input.topic,
			seq: lastSeq,
			type: input.type,
			actor: input.actor ? JSON.stringify(input.actor) : null,
			exercise: input.exercise ?? false,
			data: JSON.stringify(input.data),
			at: input.at
		})
		.returning(['at'])
		.executeTakeFirstOrThrow();
	await sql`select pg_notify(${EVENTS_CHANNEL}, ${`${lastSeq}:${input.topic}`})`.execute(trx);
	eventsPublished.inc();
	return {
		topic: input.topic,
		seq: lastSeq,
		type: input.type,
		at: row.at.toISOString(),
		actor: input.actor,
		exercise: input.exercise ?? false,
		data: input.data
	};
}

export async function currentSeq(db: Kysely<DB>, topic: string): Promise<number> {
	const row = await db.selectFrom('realtimeTopic').select('lastSeq').where('topic', '=', topic).executeTakeFirst();
	return row?.lastSeq ?? 0;
}

/** Events of a topic after `since`, in order, at most `limit`. */
export async function eventsSince(
	db: Kysely<DB>,
	topic: string,
	since: number,
	limit = MAX_REPLAY
): Promise<RealtimeEvent[]> {
	const rows = await db
		.selectFrom('realtimeEvent')
		.selectAll()
		.where('topic', '=', topic)
		.where('seq', '>', since)
		.orderBy('seq')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		topic: r.topic,
		seq: r.seq,
		type: r.type,
		at: r.at.toISOString(),
		actor: r.actor as Actor | null,
		exercise: r.exercise,
		data: r.data
	}));
}
