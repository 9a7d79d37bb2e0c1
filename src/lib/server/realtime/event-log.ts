// The event log: written in the same transaction as the change it announces.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { notifyChannel } from '../db/notify.ts';
import { eventRowsSince, insertEvent, lastSeqOf, nextSeq } from './event-log-queries.ts';
import { EVENTS_CHANNEL, MAX_REPLAY, type Actor, type RealtimeEvent } from '../../realtime/protocol.ts';
import { eventsPublished } from '../metrics/metrics.ts';

export interface PublishInput {
	topic: string;
	type: string;
	data: unknown;
	actor: Actor | null;
	exercise?: boolean;
}

/**
 * Appends an event with the next sequence number of its topic. Must run inside the
 * transaction that makes the change: the counter row stays locked until commit, so per
 * topic commit order equals sequence order and a rolled-back change leaves no gap.
 * The NOTIFY is delivered by PostgreSQL only when (and if) the transaction commits.
 */
export async function publish(trx: Transaction<DB>, input: PublishInput): Promise<RealtimeEvent> {
	const lastSeq = await nextSeq(trx, input.topic);
	const row = await insertEvent(trx, {
		topic: input.topic,
		seq: lastSeq,
		type: input.type,
		actor: input.actor ? JSON.stringify(input.actor) : null,
		exercise: input.exercise ?? false,
		data: JSON.stringify(input.data)
	});
	await notifyChannel(trx, EVENTS_CHANNEL, `${lastSeq}:${input.topic}`);
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
	return (await lastSeqOf(db, topic)) ?? 0;
}

/** Events of a topic after `since`, in order, at most `limit`. */
export async function eventsSince(
	db: Kysely<DB>,
	topic: string,
	since: number,
	limit = MAX_REPLAY
): Promise<RealtimeEvent[]> {
	const rows = await eventRowsSince(db, topic, since, limit);
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
