// The browser's subscription logic (src/lib/realtime/connection.svelte.ts) for one topic,
// without Svelte or window: re-subscribe with `since` after every reconnect, apply the replay,
// apply each event once and in order, and re-subscribe when a gap shows that something was lost.
import type { RealtimeEvent, SubscribeAck } from '../../src/lib/realtime/protocol.ts';
import { createClient, type ClientSocket } from './realtime-server.ts';

export class ResyncingSubscriber {
	readonly socket: ClientSocket;
	readonly applied: RealtimeEvent[] = [];
	/** Every event as it arrived on the wire (live), before dedupe. */
	readonly received: RealtimeEvent[] = [];
	seq: number | undefined;
	connects = 0;
	gapResyncs = 0;
	/** Live events thrown away on purpose (see `loseLive`). */
	lost = 0;
	/** Should stay empty: an event applied out of order, or a refused subscribe. */
	readonly violations: string[] = [];
	/** Successful subscribe acknowledgements (the first one and one per reconnect or gap). */
	acks = 0;
	private closed = false;
	private syncing = false;
	private queued: RealtimeEvent[] = [];

	readonly topic: string;

	constructor(
		url: string,
		token: string,
		topic: string,
		options: {
			since?: number;
			reconnectOnServerDisconnect?: boolean;
			/** Simulates a lost message: a live event for which this returns true is ignored. */
			loseLive?: (event: RealtimeEvent) => boolean;
		} = {}
	) {
		this.topic = topic;
		this.seq = options.since;
		this.socket = createClient(url, token, { autoConnect: false });
		this.socket.on('connect', () => {
			this.connects++;
			void this.sync();
		});
		this.socket.on('disconnect', (reason) => {
			// socket.io does not reconnect after the server said goodbye (in the browser: logged
			// out). Tests that drop sockets that way on purpose ask to come back anyway.
			if (reason === 'io server disconnect' && options.reconnectOnServerDisconnect && !this.closed) {
				setTimeout(() => !this.closed && this.socket.connect(), 20);
			}
		});
		this.socket.on('event', (event) => {
			this.received.push(event);
			if (options.loseLive?.(event)) {
				this.lost++;
				return;
			}
			this.receive(event);
		});
		this.socket.connect();
	}

	/** For failure messages. */
	describe(): string {
		return JSON.stringify({
			seq: this.seq,
			connected: this.socket.connected,
			active: this.socket.active,
			syncing: this.syncing,
			queued: this.queued.length,
			connects: this.connects,
			acks: this.acks,
			gapResyncs: this.gapResyncs,
			lost: this.lost,
			received: this.received.length,
			lastReceived: this.received.at(-1)?.seq
		});
	}

	get lastSeq(): number {
		return this.seq ?? 0;
	}

	close(): void {
		this.closed = true;
		this.socket.close();
	}

	private async sync(): Promise<void> {
		this.syncing = true;
		try {
			const ack: SubscribeAck = await this.socket
				.timeout(5_000)
				.emitWithAck('subscribe', { topic: this.topic, since: this.seq });
			if (!ack.ok) {
				this.violations.push(`subscribe refused: ${ack.code} ${ack.error}`);
				return;
			}
			this.acks++;
			for (const event of ack.missed) this.apply(event);
			if (this.seq === undefined) this.seq = ack.seq;
		} catch {
			// Disconnected or timed out: the next connect subscribes again.
		} finally {
			this.syncing = false;
			for (const event of this.queued.splice(0)) this.receive(event);
		}
	}

	private receive(event: RealtimeEvent): void {
		if (event.topic !== this.topic) return;
		if (this.syncing) {
			this.queued.push(event);
			return;
		}
		if (this.seq !== undefined && event.seq > this.seq + 1) {
			this.gapResyncs++;
			void this.sync();
			return;
		}
		this.apply(event);
	}

	private apply(event: RealtimeEvent): void {
		if (this.seq !== undefined && event.seq <= this.seq) return;
		if (this.seq !== undefined && event.seq !== this.seq + 1) {
			// Never skip silently: that would hide a lost event. Record it for the test to fail on.
			this.violations.push(`skipped from ${this.seq} to ${event.seq}`);
		}
		this.seq = event.seq;
		this.applied.push(event);
	}
}
