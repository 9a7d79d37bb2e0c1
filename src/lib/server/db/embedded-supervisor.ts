// Keeps the embedded PostgreSQL running while Paraat runs: when the postmaster dies (killed,
// crashed), it is started again, with a growing pause between attempts (0.5 s doubling to 30 s)
// so a server that cannot start does not take the machine's cores. PostgreSQL recovers its data
// from the write-ahead log by itself at such a start.
import type { Postmaster } from './embedded-process.ts';

export type EmbeddedState = 'starting' | 'up' | 'restarting' | 'stopped';

export interface EmbeddedStatus {
	state: EmbeddedState;
	/** Restarts after an unexpected stop since Paraat started. */
	restarts: number;
	/** How the postmaster last stopped unexpectedly, e.g. "signaal SIGKILL". */
	lastExit?: string;
	/** The error of the last failed restart attempt. */
	lastError?: string;
}

export interface Supervisor {
	readonly status: EmbeddedStatus;
	onStateChange(listener: (status: EmbeddedStatus) => void): () => void;
	stop(): Promise<void>;
}

const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 30_000;

export function supervise(
	first: Postmaster,
	restart: () => Promise<Postmaster>,
	log: (level: 'info' | 'warn' | 'error', line: string) => void
): Supervisor {
	const status: EmbeddedStatus = { state: 'up', restarts: 0 };
	const listeners = new Set<(status: EmbeddedStatus) => void>();
	let current: Postmaster | undefined = first;
	let stopping = false;
	let wake: (() => void) | undefined;
	let recovery: Promise<void> | undefined;

	const change = (patch: Partial<EmbeddedStatus>) => {
		Object.assign(status, patch);
		for (const listener of listeners) listener({ ...status });
	};

	const watch = (postmaster: Postmaster) => {
		void postmaster.exited.then(({ code, signal }) => {
			if (stopping || current !== postmaster) return;
			current = undefined;
			const how = signal ? `signaal ${signal}` : `code ${code}`;
			log('error', `De ingebouwde PostgreSQL stopte onverwacht (${how}); Paraat start hem opnieuw.`);
			change({ state: 'restarting', lastExit: how });
			recovery = bringBack();
		});
	};

	const bringBack = async () => {
		let pause = FIRST_PAUSE_MS;
		while (!stopping) {
			await new Promise<void>((resolve) => {
				wake = resolve;
				setTimeout(resolve, pause).unref();
			});
			if (stopping) return;
			try {
				const postmaster = await restart();
				if (stopping) {
					await postmaster.stop();
					return;
				}
				current = postmaster;
				watch(postmaster);
				log('info', 'De ingebouwde PostgreSQL draait weer.');
				change({ state: 'up', restarts: status.restarts + 1, lastError: undefined });
				return;
			} catch (err) {
				const message = err instanceof Error ? err.message : String(err);
				pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
				log('warn', `Herstart van de ingebouwde PostgreSQL mislukt, nieuwe poging over ${pause / 1000} s: ${message}`);
				change({ lastError: message });
			}
		}
	};

	watch(first);
	return {
		status,
		onStateChange(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async stop() {
			stopping = true;
			wake?.();
			await recovery; // a restart in progress finishes (and stops its server) first
			const postmaster = current;
			current = undefined;
			if (postmaster) await postmaster.stop();
			change({ state: 'stopped' });
		}
	};
}
