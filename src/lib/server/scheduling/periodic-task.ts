// One background job that runs every so often on a node: the inject scheduler, the alert
// escalation and the notification outbox worker. Their state is in the database, so what they
// share is only the rhythm: a tick at start (to catch up after a restart without waiting a whole
// interval), then one every interval, never two at once on one node, and a stop that waits for
// the running tick before the database closes. Framework-free, no imports: Node runs it directly.

export type Log = (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;

export interface PeriodicTaskOptions {
	/** Names the task in the log line when a tick fails. */
	name: string;
	intervalMs: number;
	/** One round of work; resolves with how many things it handled. */
	tick: () => Promise<number>;
	/** Logged (info, with the count) after a tick that handled something. */
	handled: string;
	log?: Log;
}

export interface PeriodicTask {
	/**
	 * Runs a tick now, or joins the one running, and resolves with its count (0 once stopped);
	 * rejects when that tick fails. Tests use it.
	 */
	runOnce(): Promise<number>;
	/** Stops the timer and waits for a running tick; call before the database closes. */
	stop(): Promise<void>;
}

export function startPeriodicTask(options: PeriodicTaskOptions): PeriodicTask {
	const log = options.log ?? (() => {});
	let stopped = false;
	let running: Promise<number> | undefined;

	// Async, so that a tick that throws before its first await is a rejection like any other.
	const attempt = async (): Promise<number> => {
		try {
			const count = await options.tick();
			if (count > 0) log('info', options.handled, { count });
			return count;
		} catch (err) {
			log('error', `${options.name} mislukt`, { err: err instanceof Error ? err.message : String(err) });
			throw err;
		}
	};

	const tick = (): Promise<number> => {
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
		runOnce: () => (stopped ? Promise.resolve(0) : tick()),
		async stop() {
			stopped = true;
			clearInterval(timer);
			await running?.catch(() => undefined);
		}
	};
}
