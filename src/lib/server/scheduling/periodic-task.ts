// One background job that runs every so often on a node: the inject scheduler, the alert
// escalation and the notification outbox worker. Their state is in the database, so what they
// share is only the rhythm: a tick at start (to catch up after a restart without waiting a whole
// interval), then one every interval, never two at once on one node, and a stop that waits for
// the running tick before the database closes. Framework-free, no imports: Node runs it directly.

export type Log = (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;

export interface PeriodicTaskOptions<T> {
	/** Names the task in the log line when a tick fails. */
	name: string;
	intervalMs: number;
	/** One round of work; resolves with what it did (e.g. how many rows it handled). */
	tick: () => Promise<T>;
	/** What `runNow` resolves with once the task is stopped (no tick runs then). */
	idle: T;
	log?: Log;
}

export interface PeriodicTask<T> {
	/** Runs a tick now, or joins the one running; rejects when that tick fails (tests use it). */
	runNow(): Promise<T>;
	/** Stops the timer and waits for a running tick; call before the database closes. */
	stop(): Promise<void>;
}

export function startPeriodicTask<T>(options: PeriodicTaskOptions<T>): PeriodicTask<T> {
	const log = options.log ?? (() => {});
	let stopped = false;
	let running: Promise<T> | undefined;

	// Async, so that a tick that throws before its first await is a rejection like any other.
	const attempt = async (): Promise<T> => {
		try {
			return await options.tick();
		} catch (err) {
			log('error', `${options.name} mislukt`, { err: err instanceof Error ? err.message : String(err) });
			throw err;
		}
	};

	const tick = (): Promise<T> => {
		// Never two ticks at once on one node; a tick asked for meanwhile joins the running one.
		running ??= attempt().finally(() => {
			running = undefined;
		});
		return running;
	};
	// A timed tick's failure is logged above; the next interval simply tries again.
	const tickInBackground = () => {
		if (!stopped) tick().catch(() => {});
	};

	const timer = setInterval(tickInBackground, options.intervalMs);
	timer.unref();
	tickInBackground();

	return {
		runNow: () => (stopped ? Promise.resolve(options.idle) : tick()),
		async stop() {
			stopped = true;
			clearInterval(timer);
			await running?.catch(() => undefined);
		}
	};
}
