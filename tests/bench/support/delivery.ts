// The delivery comparison the realtime, board and incident benches share: the same load (N socket
// clients, M changes at R/s) once on a bare socket.io broadcast server without database (the
// floor) and once on one topic of the real app, and the lines that set the two side by side.
import { runLoad, type LoadResult } from './load.ts';
import { ms, type Summary } from './stats.ts';
import { floorChange, startFloor, titleMarker } from './app.ts';

export interface DeliveryLoad {
	clients: number;
	changes: number;
	rate: number;
}

/** The floor: the load on a bare socket.io server, each change broadcast to `region`. */
export async function floorDelivery(load: DeliveryLoad): Promise<LoadResult> {
	const floor = await startFloor();
	try {
		return await runLoad({
			url: floor.base,
			...load,
			eventName: 'event',
			subscribe: async (socket) => void (await socket.timeout(20_000).emitWithAck('subscribe', { topic: 'region' })),
			change: floorChange(floor.base),
			marker: titleMarker
		});
	} finally {
		floor.stop();
	}
}

export interface TopicLoad extends DeliveryLoad {
	/** The app's address. */
	base: string;
	/** The session of the user every client connects as. */
	cookie: string;
	topic: string;
	/** Makes change i through the API; its marker must come back in the event. */
	change: (i: number) => Promise<void>;
	marker: (message: unknown) => number | undefined;
}

/** The load on one topic of the app; a subscription the app refuses ends the run. */
export function topicDelivery(load: TopicLoad): Promise<LoadResult> {
	return runLoad({
		url: load.base,
		clients: load.clients,
		changes: load.changes,
		rate: load.rate,
		cookie: load.cookie,
		eventName: 'event',
		subscribe: async (socket) => {
			const ack = await socket.timeout(20_000).emitWithAck('subscribe', { topic: load.topic });
			if (!ack.ok) throw new Error(ack.error);
		},
		change: load.change,
		marker: load.marker
	});
}

/** "name  delivered 1.0000 (dubbel 0)  p50 …  p95 …  p99 …", the name padded to `width`. */
export function deliveryRow(name: string, width: number, s: Summary, duplicates: number): string {
	return `${name.padEnd(width)} delivered ${(s.delivered / s.expected).toFixed(4)} (dubbel ${duplicates})  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}`;
}

/** "p50 1.23×  p95 …×  p99 …×": the app's latencies as multiples of the floor's. */
export function ratios(app: Summary, floor: Summary): string {
	return `p50 ${(app.p50 / floor.p50).toFixed(2)}×  p95 ${(app.p95 / floor.p95).toFixed(2)}×  p99 ${(app.p99 / floor.p99).toFixed(2)}×`;
}
