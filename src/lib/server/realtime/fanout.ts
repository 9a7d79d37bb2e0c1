// Delivers committed events to this node's sockets. Every node LISTENs on PostgreSQL and
// emits to its own sockets only, so any number of nodes deliver every event.
// Per topic, notifications are coalesced: while a fetch runs, later ones only raise the
// target, and events are emitted strictly in sequence order.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { eventsSince } from './event-log.ts';
import type { RealtimeEvent } from '../../contracts/events.ts';
import { notifyToDelivery } from '../metrics/metrics.ts';

interface TopicState {
	emitted: number;
	target: number;
	running: boolean;
	/** When the NOTIFY of a seq arrived (performance.now()), for the lag metric. */
	noticed: Map<number, number>;
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
			state = { emitted: seq - 1, target: seq, running: false, noticed: new Map() };
			this.states.set(topic, state);
		}
		state.noticed.set(seq, performance.now());
		state.target = Math.max(state.target, seq);
		void this.drain(topic, state);
	}

	/**
	 * A socket joined `topic` at `seq` (its replay reached there). Known from then on, so a catch-up
	 * after a lost LISTEN connection covers it even when no NOTIFY for it arrived before the loss.
	 */
	observe(topic: string, seq: number): void {
		if (!this.states.has(topic)) this.states.set(topic, { emitted: seq, target: seq, running: false, noticed: new Map() });
	}

	/** After the LISTEN connection was lost: fetch whatever committed meanwhile. */
	catchUp(latest: (topic: string) => Promise<number>): void {
		for (const [topic, state] of this.states) {
			if (!this.hasListeners(topic)) {
				this.states.delete(topic);
				continue;
			}
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
				for (const event of events) {
					this.emit(topic, event);
					const noticedAt = state.noticed.get(event.seq);
					if (noticedAt !== undefined) notifyToDelivery.observe((performance.now() - noticedAt) / 1000);
				}
				state.emitted = events[events.length - 1]!.seq;
			}
			for (const seq of state.noticed.keys()) if (seq <= state.emitted) state.noticed.delete(seq);
		} catch (err) {
			this.onError(err);
		} finally {
			state.running = false;
		}
	}
}
