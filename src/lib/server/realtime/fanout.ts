// Delivers committed events to this node's sockets. Every node LISTENs on PostgreSQL and
// emits to its own sockets only, so any number of nodes deliver every event.
// Per topic, notifications are coalesced: while a fetch runs, later ones only raise the
// target, and events are emitted strictly in sequence order. Events this process committed itself
// arrive whole (`offer`, see local-events.ts) and are emitted without a fetch when they are next.
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
	/** Events above `emitted` already in hand (committed here), by seq: no fetch needed for them. */
	ready: Map<number, RealtimeEvent>;
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
			state = this.newState(seq - 1);
			this.states.set(topic, state);
		}
		if (seq <= state.emitted) return; // delivered already (offered by this process)
		state.noticed.set(seq, performance.now());
		state.target = Math.max(state.target, seq);
		void this.drain(topic, state);
	}

	/** This process committed `event`: emit it without a fetch as soon as it is next in line. */
	offer(event: RealtimeEvent): void {
		const topic = event.topic;
		if (!this.hasListeners(topic)) {
			this.states.delete(topic);
			return;
		}
		let state = this.states.get(topic);
		if (!state) {
			state = this.newState(event.seq - 1);
			this.states.set(topic, state);
		}
		if (event.seq <= state.emitted) return;
		state.ready.set(event.seq, event);
		state.target = Math.max(state.target, event.seq);
		void this.drain(topic, state);
	}

	private newState(emitted: number): TopicState {
		return { emitted, target: emitted, running: false, noticed: new Map(), ready: new Map() };
	}

	/**
	 * A socket joined `topic` at `seq` (its replay reached there). Known from then on, so a catch-up
	 * after a lost LISTEN connection covers it even when no NOTIFY for it arrived before the loss.
	 */
	observe(topic: string, seq: number): void {
		if (!this.states.has(topic)) this.states.set(topic, this.newState(seq));
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
				const inHand = state.ready.get(state.emitted + 1);
				// In hand (committed here) and next: no fetch. Otherwise the log has it.
				const events = inHand ? [inHand] : await eventsSince(this.db, topic, state.emitted, 1000);
				if (events.length === 0) {
					// Not in the log yet; the next one may have been handed over during the fetch.
					if (state.ready.has(state.emitted + 1)) continue;
					break;
				}
				for (const event of events) {
					if (event.seq <= state.emitted) continue; // an offer overtook the fetch
					this.emit(topic, event);
					state.emitted = event.seq;
					const noticedAt = state.noticed.get(event.seq);
					if (noticedAt !== undefined) notifyToDelivery.observe((performance.now() - noticedAt) / 1000);
				}
				for (const seq of state.ready.keys()) if (seq <= state.emitted) state.ready.delete(seq);
			}
			for (const seq of state.noticed.keys()) if (seq <= state.emitted) state.noticed.delete(seq);
		} catch (err) {
			this.onError(err);
		} finally {
			state.running = false;
		}
	}
}
