// The realtime contract of DESIGN.md, typed once for server and browser.

export interface Actor {
	id: string;
	name: string;
}

export interface RealtimeEvent<T = unknown> {
	topic: string;
	seq: number;
	type: string;
	at: string;
	actor: Actor | null;
	exercise: boolean;
	data: T;
}

export interface SubscribeRequest {
	topic: string;
	since?: number;
}

export type SubscribeAck =
	| { ok: true; seq: number; missed: RealtimeEvent[] }
	| { ok: false; error: string; code: string };

export interface PresenceEntry {
	userId: string;
	name: string;
	roles: { role: string; municipality: string | null }[];
}

/** Who is looking at one incident now (sent to everyone subscribed to `incident:<id>`). */
export interface ViewersUpdate {
	incident: string;
	exercise: boolean;
	viewers: PresenceEntry[];
}

export type ViewAck = { ok: true; viewers: ViewersUpdate | null } | { ok: false; error: string; code: string };

export interface ServerToClientEvents {
	event: (event: RealtimeEvent) => void;
	presence: (entries: PresenceEntry[]) => void;
	viewers: (update: ViewersUpdate) => void;
}

export interface ClientToServerEvents {
	subscribe: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
	unsubscribe: (request: { topic: string }, ack?: (result: { ok: boolean }) => void) => void;
	presence: (ack: (entries: PresenceEntry[]) => void) => void;
	/** Which incident this socket is looking at now (null: none). */
	view: (request: { incident: string | null }, ack: (result: ViewAck) => void) => void;
}

/** NOTIFY channel for new events: payload "<seq>:<topic>" (never the data itself). */
export const EVENTS_CHANNEL = 'paraat_events';
/** NOTIFY channel for presence changes: payload is empty; every node recomputes. */
export const PRESENCE_CHANNEL = 'paraat_presence';
/** The most events one subscribe replays; a client further behind reloads the view. */
export const MAX_REPLAY = 5000;
