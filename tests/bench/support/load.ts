// The shared load pattern: N socket clients on one topic, M changes at R per second, and the
// time from the start of each change's request to its arrival at every client.
import { io, type Socket } from 'socket.io-client';

export interface LoadOptions {
	url: string;
	clients: number;
	changes: number;
	rate: number;
	/** The session cookie, or one per client (several logged-in users). */
	cookie?: string | ((client: number) => string);
	/** Joins the topic; resolves when the client is subscribed. */
	subscribe: (socket: Socket) => Promise<void>;
	/** Makes change i; its marker must come back in the event. */
	change: (i: number) => Promise<void>;
	/** Reads the change number out of a received message, or undefined when not ours. */
	marker: (message: unknown) => number | undefined;
	eventName: string;
	/** Called right before the first change and after the last delivery (a profile's window). */
	onWritesBegin?: () => void;
	onWritesEnd?: () => void;
}

export interface LoadResult {
	/** Start of change i's request to its arrival, per client and change. */
	latencies: number[];
	/** Start of change i's request to its answer (the write's acknowledgement). */
	acks: number[];
	/** Changes whose request failed, and why the first one did. */
	failures: number;
	firstFailure?: string;
	duplicates: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
	const started = new Map<number, number>();
	const latencies: number[] = [];
	const acks: number[] = [];
	let failures = 0;
	let firstFailure: string | undefined;
	let duplicates = 0;
	const sockets: Socket[] = [];
	for (let c = 0; c < options.clients; c++) {
		const seen = new Set<number>();
		const socket = io(options.url, {
			path: '/socket.io',
			transports: ['websocket'],
			forceNew: true,
			extraHeaders: options.cookie ? { cookie: typeof options.cookie === 'string' ? options.cookie : options.cookie(c) } : {}
		});
		socket.on(options.eventName, (message: unknown) => {
			const i = options.marker(message);
			if (i === undefined) return;
			if (seen.has(i)) {
				duplicates++;
				return;
			}
			seen.add(i);
			const t0 = started.get(i);
			if (t0 !== undefined) latencies.push(performance.now() - t0);
		});
		sockets.push(socket);
	}
	await Promise.all(
		sockets.map(
			(s) =>
				new Promise<void>((resolve, reject) => {
					const timer = setTimeout(() => reject(new Error('client kon niet verbinden')), 30_000);
					s.once('connect', () => {
						clearTimeout(timer);
						options.subscribe(s).then(resolve, reject);
					});
					s.once('connect_error', (err) => {
						clearTimeout(timer);
						reject(err);
					});
				})
		)
	);

	const interval = 1000 / options.rate;
	options.onWritesBegin?.();
	const begin = performance.now();
	const inflight: Promise<void>[] = [];
	for (let i = 0; i < options.changes; i++) {
		const due = begin + i * interval;
		const wait = due - performance.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		const t0 = performance.now();
		started.set(i, t0);
		inflight.push(
			options.change(i).then(
				() => void acks.push(performance.now() - t0),
				(err: unknown) => {
					failures++;
					firstFailure ??= err instanceof Error ? err.message : String(err);
				}
			)
		);
	}
	await Promise.all(inflight);
	const expected = options.clients * (options.changes - failures);
	const deadline = performance.now() + 20_000;
	while (latencies.length < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
	options.onWritesEnd?.();
	for (const s of sockets) s.disconnect();
	return { latencies, acks, failures, firstFailure, duplicates };
}
