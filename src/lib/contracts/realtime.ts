// The socket.io contract of DESIGN.md, typed once: the server creates
// `new Server<ClientToServerEvents, ServerToClientEvents>` and the browser holds a
// `Socket<ServerToClientEvents, ClientToServerEvents>`, so both sides compile against the same map.
import type { RealtimeEvent } from './events.ts';

export type { Actor, EventPayloads, EventType, RealtimeEvent } from './events.ts';

export interface SubscribeRequest {
	topic: string;
	since?: number;
}

export type SubscribeAck =
	| { ok: true; seq: number; missed: RealtimeEvent[] }
	| { ok: false; error: string; code: string };

export interface UnsubscribeRequest {
	topic: string;
}

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

export interface ViewRequest {
	/** The incident this socket is looking at now; null: none. */
	incident: string | null;
}

export type ViewAck = { ok: true; viewers: ViewersUpdate | null } | { ok: false; error: string; code: string };

export interface ServerToClientEvents {
	event: (event: RealtimeEvent) => void;
	presence: (entries: PresenceEntry[]) => void;
	viewers: (update: ViewersUpdate) => void;
}

export interface ClientToServerEvents {
	subscribe: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
	unsubscribe: (request: UnsubscribeRequest, ack?: (result: { ok: boolean }) => void) => void;
	presence: (ack: (entries: PresenceEntry[]) => void) => void;
	view: (request: ViewRequest, ack: (result: ViewAck) => void) => void;
}
