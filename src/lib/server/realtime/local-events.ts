// Events committed by this process, handed straight to this process's fan-out: the node that made
// a change has the events in hand, so its own sockets need neither the NOTIFY round trip nor the
// fetch from the event log. The NOTIFY (topic and seq only) still goes out for every node, this one
// included; the fan-out emits each seq once, in order, whichever way it learned of it first.
//
// One registry per process on globalThis: services run in the SvelteKit bundle, the socket server
// in the runtime entry, and each evaluates this module (like auth/session-cache.ts).
import type { RealtimeEvent } from '../../contracts/events.ts';

type Receiver = (events: RealtimeEvent[]) => void;

const KEY = Symbol.for('paraat.localEvents');
const holder = globalThis as typeof globalThis & { [KEY]?: Set<Receiver> };
const receivers: Set<Receiver> = (holder[KEY] ??= new Set());

/** A realtime server in this process takes committed events; returns the unsubscribe. */
export function receiveLocalEvents(receiver: Receiver): () => void {
	receivers.add(receiver);
	return () => receivers.delete(receiver);
}

/**
 * Hands committed events to this process's realtime servers, after the current request has had
 * its turn (setImmediate): the writer's response is not held up by the fan-out.
 */
export function announceCommitted(events: RealtimeEvent[]): void {
	if (receivers.size === 0 || events.length === 0) return;
	setImmediate(() => {
		for (const receive of receivers) receive(events);
	});
}
