// Browser side of the realtime contract: one socket per tab, re-subscribe with `since` after
// every reconnect, apply events in order exactly once, detect gaps, show the connection state.
import { io, type Socket } from 'socket.io-client';
import type {
	ClientToServerEvents,
	PresenceEntry,
	RealtimeEvent,
	ServerToClientEvents,
	SubscribeAck,
	ViewersUpdate
} from '$lib/contracts/realtime';

export type ConnectionState = 'verbinden' | 'verbonden' | 'opnieuw verbinden' | 'offline' | 'afgemeld';

type Handler = (event: RealtimeEvent) => void;

interface TopicSubscription {
	seq: number | undefined;
	handlers: Set<Handler>;
	/** True while a subscribe (with replay) is in flight; live events wait for it. */
	syncing: boolean;
	queued: RealtimeEvent[];
}

export class RealtimeConnection {
	state = $state<ConnectionState>('verbinden');
	/** When the connection was last known good; views show it when they may be stale. */
	lastConnectedAt = $state<Date | null>(null);
	/** Set after a reconnect replayed missed events: "bijgewerkt, N gemiste wijzigingen". */
	lastCatchUp = $state<{ at: Date; missed: number } | null>(null);
	presence = $state<PresenceEntry[]>([]);
	/** Who is looking at the incident this tab views (see `view`). */
	viewers = $state<ViewersUpdate | null>(null);

	private socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
	// Bookkeeping, not view state: components re-render from their own handlers.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly topics = new Map<string, TopicSubscription>();
	private everConnected = false;
	private viewing: string | null = null;

	connect(): void {
		if (this.socket) return;
		const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
			path: '/socket.io',
			transports: ['websocket'],
			reconnectionDelay: 500,
			reconnectionDelayMax: 5000
		});
		this.socket = socket;
		socket.on('connect', () => {
			const reconnect = this.everConnected;
			this.everConnected = true;
			this.state = 'verbonden';
			this.lastConnectedAt = new Date(); // eslint-disable-line svelte/prefer-svelte-reactivity -- replaced, never mutated
			void this.resubscribeAll(reconnect);
			socket.emit('presence', (entries) => (this.presence = entries));
			if (this.viewing) this.sendView(this.viewing);
		});
		socket.on('disconnect', (reason) => {
			if (reason === 'io server disconnect') {
				// The server ended it: logged out or session expired.
				this.state = 'afgemeld';
				return;
			}
			this.state = navigator.onLine ? 'opnieuw verbinden' : 'offline';
		});
		socket.on('connect_error', (err) => {
			if (err.message.startsWith('Niet ingelogd')) {
				this.state = 'afgemeld';
				socket.disconnect();
				return;
			}
			this.state = navigator.onLine ? 'opnieuw verbinden' : 'offline';
		});
		socket.on('event', (event) => this.receive(event));
		socket.on('presence', (entries) => (this.presence = entries));
		socket.on('viewers', (update) => {
			if (update.incident === this.viewing) this.viewers = update;
		});
		window.addEventListener('offline', this.onOffline);
		window.addEventListener('online', this.onOnline);
	}

	disconnect(): void {
		window.removeEventListener('offline', this.onOffline);
		window.removeEventListener('online', this.onOnline);
		this.socket?.disconnect();
		this.socket = undefined;
	}

	/**
	 * Follows a topic. `since` is the sequence number the caller's data already reflects
	 * (for example from the page load), so nothing between load and connect is lost.
	 */
	subscribe(topic: string, handler: Handler, since?: number): () => void {
		let sub = this.topics.get(topic);
		if (!sub) {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not view state
			sub = { seq: since, handlers: new Set(), syncing: false, queued: [] };
			this.topics.set(topic, sub);
			if (this.socket?.connected) void this.sync(topic, sub);
		} else if (since !== undefined && sub.seq !== undefined && since < sub.seq) {
			// Another view follows this topic already and is further along than this caller's
			// data: hand this caller what it missed, so nothing between its load and now is lost.
			void this.catchUp(topic, handler, since, sub.seq);
		}
		sub.handlers.add(handler);
		return () => {
			sub.handlers.delete(handler);
			if (sub.handlers.size === 0) {
				this.topics.delete(topic);
				this.socket?.emit('unsubscribe', { topic });
			}
		};
	}

	/**
	 * Says which incident this tab is looking at (null: none), again after every reconnect;
	 * `viewers` then follows who else looks at it. Returns a function that stops viewing.
	 */
	view(incidentId: string | null): () => void {
		this.viewing = incidentId;
		this.viewers = null;
		if (this.socket?.connected) this.sendView(incidentId);
		return () => {
			if (this.viewing === incidentId && incidentId !== null) this.view(null);
		};
	}

	private sendView(incidentId: string | null): void {
		this.socket?.emit('view', { incident: incidentId }, (ack) => {
			if (ack.ok && this.viewing === incidentId) this.viewers = ack.viewers;
			else if (!ack.ok) console.warn(`Doorgeven wat je bekijkt geweigerd: ${ack.error}`);
		});
	}

	private async catchUp(topic: string, handler: Handler, since: number, upTo: number): Promise<void> {
		if (!this.socket) return;
		try {
			const ack: SubscribeAck = await this.socket.timeout(10_000).emitWithAck('subscribe', { topic, since });
			if (!ack.ok) return;
			for (const event of ack.missed) if (event.seq > since && event.seq <= upTo) handler(event);
		} catch {
			// Timed out: the view shows what it loaded; a reload brings it up to date.
		}
	}

	private readonly onOffline = () => {
		this.state = 'offline';
	};

	private readonly onOnline = () => {
		if (!this.socket) return;
		if (this.socket.connected) {
			// The socket survived the blip: say so, and ask what may have been held back.
			this.state = 'verbonden';
			void this.resubscribeAll(true);
		} else {
			this.state = 'opnieuw verbinden';
			this.socket.connect();
		}
	};

	private async resubscribeAll(reconnect: boolean): Promise<void> {
		// Summed after all are in: `missed += await …` would read `missed` before the await, so with
		// several topics the last one to answer would overwrite the others' counts.
		const counts = await Promise.all([...this.topics].map(([topic, sub]) => this.sync(topic, sub)));
		const missed = counts.reduce((sum, n) => sum + n, 0);
		if (reconnect) this.lastCatchUp = { at: new Date(), missed }; // eslint-disable-line svelte/prefer-svelte-reactivity -- replaced, never mutated
	}

	/** Subscribes with `since`, applies the replay in order; returns how many events were missed. */
	private async sync(topic: string, sub: TopicSubscription): Promise<number> {
		if (!this.socket) return 0;
		sub.syncing = true;
		let applied = 0;
		try {
			const ack: SubscribeAck = await this.socket.timeout(10_000).emitWithAck('subscribe', { topic, since: sub.seq });
			if (!ack.ok) {
				console.warn(`Abonnement op ${topic} geweigerd: ${ack.error}`);
				return 0;
			}
			for (const event of ack.missed) if (this.apply(sub, event)) applied++;
			// Without `since` there is no replay: follow from the current position.
			if (sub.seq === undefined) sub.seq = ack.seq;
		} catch {
			// Timed out: the reconnect logic will try again.
		} finally {
			sub.syncing = false;
			const queued = sub.queued.splice(0);
			for (const event of queued) this.receive(event);
		}
		return applied;
	}

	private receive(event: RealtimeEvent): void {
		const sub = this.topics.get(event.topic);
		if (!sub) return;
		if (sub.syncing) {
			sub.queued.push(event);
			return;
		}
		if (sub.seq !== undefined && event.seq > sub.seq + 1) {
			// A gap: something was lost in between. Ask again from what we have.
			void this.sync(event.topic, sub);
			return;
		}
		this.apply(sub, event);
	}

	/** Applies an event once, in order. */
	private apply(sub: TopicSubscription, event: RealtimeEvent): boolean {
		if (sub.seq !== undefined && event.seq <= sub.seq) return false;
		sub.seq = event.seq;
		for (const handler of sub.handlers) handler(event);
		return true;
	}
}

let shared: RealtimeConnection | undefined;

/** The tab's one connection; created when a signed-in layout mounts. */
export function realtime(): RealtimeConnection {
	shared ??= new RealtimeConnection();
	return shared;
}
