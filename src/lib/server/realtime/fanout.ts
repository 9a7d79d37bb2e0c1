// Delivers committed events to this node's sockets. Every node LISTENs on PostgreSQL and
// emits to its own sockets only, so any number of nodes deliver every event.
// Per topic, notifications are coalesced: while a fetch runs, later ones only raise the
// target, and events are emitted strictly in sequence order.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { eventsSince } from './event-log.ts';
import type { RealtimeEvent } from '../../realtime/protocol.ts';

interface TopicState {
	emitted: number;
	target: number;
	running: boolean;
}

export class TopicFanout {
	private readonly states = new Map<string, TopicState>();
	private readonly db: Kysely<DB>;
	private readonly hasListeners: (topic: string) => boolean;
	private readonly emit: (topic: string, event: RealtimeEvent) => void;
	private readonly onError: (err: unknown) => void;

	constructor(options: {
		db: Kysely<DB>;
		hasListeners: (topic: string) => boolean;
		emit: (topic: string, event: RealtimeEvent) => void;
		onError: (err: unknown) => void;
	}) {
		this.db = options.db;
		this.hasListeners = options.hasListeners;
		this.emit = options.emit;
		this.onError = options.onError;
	}

	/** A NOTIFY said that `topic` reached `seq`. */
	notify(topic: string, seq: number): void {
		if (!this.hasListeners(topic)) {
			this.states.delete(topic);
			return;
		}
		let state = this.states.get(topic);
		if (!state) {
			state = { emitted: seq - 1, target: seq, running: false };
			this.states.set(topic, state);
		}
		state.target = Math.max(state.target, seq);
		void this.drain(topic, state);
	}

	/** After the LISTEN connection was lost: fetch whatever committed meanwhile. */
	catchUp(latest: (topic: string) => Promise<number>): void {
		for (const [topic, state] of this.states) {
			latest(topic)
				.then((seq) => {
					state.target = Math.max(state.target, seq);
					void this.drain(topic, state);
				})
				.catch(this.onError);
		}
	}

	private async drain(topic: string, state: TopicState): Promise<void> {
		if (state.running) return;
		state.running = true;
		try {
			while (state.emitted < state.target) {
				const events = await eventsSince(this.db, topic, state.emitted, 1000);
				if (events.length === 0) break;
				for (const event of events) this.emit(topic, event);
				state.emitted = events[events.length - 1]!.seq;
			}
		} catch (err) {
			this.onError(err);
		} finally {
			state.running = false;
		}
	}
}
