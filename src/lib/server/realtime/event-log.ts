// The event log: written in the same transaction as the change it announces.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor, EventPayloads, EventType, RealtimeEvent } from '../../contracts/events.ts';
import { EVENTS_CHANNEL, MAX_REPLAY } from './channels.ts';
import { eventRowsSince, insertEventsAndNotify, lastSeqOf } from './event-log-queries.ts';
import { eventsPublished } from '../metrics/metrics.ts';
import { afterCommit } from '../db/after-commit.ts';
import { announceCommitted } from './local-events.ts';

/**
 * What an event of type K carries: for a type of the wire contract exactly its payload, so a
 * service cannot announce a record in another shape than the API's. Types outside the contract
 * (the event log's own tests) carry anything.
 */
export type PublishData<K extends string> = K extends EventType ? EventPayloads[K] : unknown;

export interface PublishInput<K extends string> {
	topic: string;
	type: K;
	data: PublishData<K>;
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
export async function publish<K extends string>(trx: Transaction<DB>, input: PublishInput<K>): Promise<RealtimeEvent> {
	return (await publishAll(trx, [input]))[0]!;
}

/**
 * Appends events to several distinct topics in one statement (see insertEventsAndNotify): what a
 * write that announces one record on its incident and on its assignees' topics needs, in one round
 * trip. Topics must be distinct and in the caller's fixed order. Same guarantees as `publish`.
 */
export async function publishAll<K extends string>(trx: Transaction<DB>, inputs: PublishInput<K>[]): Promise<RealtimeEvent[]> {
	if (inputs.length === 0) return [];
	if (new Set(inputs.map((i) => i.topic)).size !== inputs.length) throw new Error('publishAll: elk onderwerp hoogstens één keer per aanroep');
	const stored = await insertEventsAndNotify(
		trx,
		EVENTS_CHANNEL,
		inputs.map((input) => ({
			topic: input.topic,
			type: input.type,
			actor: input.actor ? JSON.stringify(input.actor) : null,
			exercise: input.exercise ?? false,
			data: JSON.stringify(input.data),
			at: input.at
		}))
	);
	eventsPublished.inc(inputs.length);
	const events = inputs.map((input) => {
		const row = stored.find((r) => r.topic === input.topic)!;
		return asEvent({ topic: input.topic, seq: row.seq, type: input.type, at: row.at, actor: input.actor, exercise: input.exercise ?? false, data: input.data });
	});
	// This node's own sockets get them straight after the commit (local-events.ts).
	afterCommit(trx, () => announceCommitted(events));
	return events;
}

interface StoredEvent {
	topic: string;
	seq: number;
	type: string;
	at: Date;
	actor: unknown;
	exercise: boolean;
	data: unknown;
}

/**
 * A row of the log as the wire's event. The log holds only what `publish` wrote, and `publish`
 * accepts only data of its type's contract, so the row is trusted as that type: this is the one
 * place where stored JSON becomes a typed event.
 */
function asEvent(row: StoredEvent): RealtimeEvent {
	return { topic: row.topic, seq: row.seq, type: row.type, at: row.at.toISOString(), actor: row.actor as Actor | null, exercise: row.exercise, data: row.data } as RealtimeEvent;
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
	return rows.map(asEvent);
}
