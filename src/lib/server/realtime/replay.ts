// The replay of a subscribe with `since`, shared between subscribers that ask for the same thing at
// the same time: after a network blip or a node restart every client of a crisis room reconnects
// at once, from the same position, and one query serves them all instead of one each.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { RealtimeEvent } from '../../contracts/events.ts';
import { eventsSince } from './event-log.ts';
import { MAX_REPLAY } from './channels.ts';

export class SharedReplay {
	private readonly inFlight = new Map<string, Promise<RealtimeEvent[]>>();
	private readonly db: Kysely<DB>;

	constructor(db: Kysely<DB>) {
		this.db = db;
	}

	/**
	 * The events of `topic` after `from`, at least up to `upTo` (the topic's seq this subscriber read
	 * after joining its room), at most MAX_REPLAY. The returned array may be shared: never mutate it.
	 */
	async missed(topic: string, from: number, upTo: number): Promise<RealtimeEvent[]> {
		if (from >= upTo) return [];
		const key = `${from}:${topic}`;
		let shared = this.inFlight.get(key);
		if (!shared) {
			shared = eventsSince(this.db, topic, from, MAX_REPLAY).finally(() => this.inFlight.delete(key));
			this.inFlight.set(key, shared);
		}
		const events = await shared;
		// A query that began before this subscriber read `upTo` may stop short of it: fetch the rest,
		// or the events in between would reach it neither by replay nor live.
		const last = events.at(-1)?.seq ?? from;
		if (last >= upTo || events.length >= MAX_REPLAY) return events;
		return events.concat(await eventsSince(this.db, topic, last, MAX_REPLAY - events.length));
	}
}
