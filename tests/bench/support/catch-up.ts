// Catch-up: K clients subscribe and note their position, go offline, M events are written, and all
// reconnect at once and subscribe with `since`. Per client the time from reconnect to holding every
// missed event, and whether what it got is gap-free and in order (seq since+1 … ack.seq).
import { io, type Socket } from 'socket.io-client';

export interface CatchUpResult {
	times: number[];
	/** Clients whose replay missed, repeated or reordered an event, or whose subscribe failed. */
	broken: number;
	/** Events each client received (the first client's count). */
	received: number;
}

interface Ack {
	ok: boolean;
	seq: number;
	missed: { seq: number }[];
	error?: string;
}

async function connected(socket: Socket): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
}

export async function catchUp(options: { url: string; cookie: (c: number) => string; topic: string; clients: number; writeMissed: () => Promise<void> }): Promise<CatchUpResult> {
	const entries: { socket: Socket; since: number }[] = [];
	for (let c = 0; c < options.clients; c++) {
		const socket = io(options.url, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: options.cookie(c) } });
		await connected(socket);
		const ack = (await socket.timeout(20_000).emitWithAck('subscribe', { topic: options.topic })) as Ack;
		entries.push({ socket, since: ack.seq });
		socket.disconnect();
	}
	await options.writeMissed();
	const times: number[] = [];
	let broken = 0;
	let received = 0;
	await Promise.all(
		entries.map(async (entry, index) => {
			const t0 = performance.now();
			entry.socket.connect();
			await connected(entry.socket);
			const ack = (await entry.socket.timeout(30_000).emitWithAck('subscribe', { topic: options.topic, since: entry.since })) as Ack;
			times.push(performance.now() - t0);
			const inOrder = ack.ok && ack.missed.every((event, k) => event.seq === entry.since + 1 + k) && ack.missed.at(-1)?.seq === ack.seq;
			if (!inOrder) broken++;
			if (index === 0) received = ack.missed?.length ?? 0;
			entry.socket.disconnect();
		})
	);
	return { times: times.sort((a, b) => a - b), broken, received };
}
