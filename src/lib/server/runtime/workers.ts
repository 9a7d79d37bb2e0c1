// Several worker processes on one port (node:cluster), so one node uses every core. The primary
// owns what exists once per node: the embedded PostgreSQL, migrations and seeding (bootstrap), and
// the stop. Each worker is a full app node of its own (SvelteKit handler, socket.io, LISTEN
// connection, inject scheduler): events reach every worker's sockets through the same NOTIFY path
// that serves several machines, so no worker talks to another.
//
// socket.io needs no sticky sessions here: browsers connect with the websocket transport only (see
// src/lib/realtime/connection.svelte.ts), and the server refuses long-polling (realtime/server.ts),
// so a connection lives on the one worker that accepted it. The primary hands out connections
// round-robin (cluster's default on Linux).
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bootstrapped } from './bootstrap.ts';
import type { Config } from '../config.ts';
import { logger } from '../log.ts';
import { StartupError } from '../startup-error.ts';
import { onStopSignals } from './shutdown.ts';
import { demoBanner } from './bootstrap.ts';
import { secretKey } from '../auth/secret-box.ts';
import { aggregateWorkerMetrics } from '../metrics/cluster-metrics.ts';

/** PARAAT_WORKERS: a number (1 by default), or `auto` for one per core, at most eight. */
export function workerCount(setting: Config['PARAAT_WORKERS']): number {
	if (setting !== 'auto') return setting;
	return Math.min(8, Math.max(1, os.availableParallelism()));
}

/**
 * Node 24 sizes V8's young generation after the machine's memory: on a server with many GB each
 * process keeps up to 64 MB per semi-space resident, after loading alone about 130 MB it never
 * needs again. 16 MB (what Node used for years) keeps a worker near 190 MB instead of 340 MB; an
 * operator's own setting wins.
 */
export function workerExecArgv(parent: string[]): string[] {
	return parent.some((arg) => arg.startsWith('--max-semi-space-size')) ? parent : [...parent, '--max-semi-space-size=16'];
}

/** A worker that crashes is replaced; this many crashes within a minute stop the node instead. */
const MAX_CRASHES_PER_MINUTE = 5;

function waitListening(worker: Worker): Promise<void> {
	return new Promise((resolve, reject) => {
		const onListening = () => {
			worker.off('exit', onExit);
			resolve();
		};
		const onExit = (code: number | null) => {
			worker.off('listening', onListening);
			reject(new StartupError(`Een werkproces van Paraat stopte tijdens het starten (code ${code ?? 'onbekend'}); de melding erboven zegt waarom. Los dat op of start met PARAAT_WORKERS=1.`));
		};
		worker.once('listening', onListening);
		worker.once('exit', onExit);
	});
}

export async function superviseWorkers(options: { count: number; boot: Bootstrapped; settings: Config }): Promise<void> {
	const { count, boot, settings } = options;
	// Created here, once, before any worker may want it (the workers only read it).
	if (!settings.PARAAT_SECRET_KEY) secretKey();
	aggregateWorkerMetrics();
	cluster.setupPrimary({ exec: path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.ts'), args: [], execArgv: workerExecArgv(process.execArgv) });
	let stopping = false;
	const crashes: number[] = [];
	const workers = new Map<number, Worker>();
	/** Workers that listen (their own stop handler is in place from then on, see run-server.ts). */
	const serving = new WeakSet<Worker>();
	const fork = (index: number, seedDemo: boolean) => {
		const worker = cluster.fork({
			DATABASE_URL: boot.databaseUrl,
			PARAAT_WORKER_INDEX: String(index),
			// Only the first worker seeds the demo exercise (its init hook); the others find it there.
			PARAAT_DEMO_ACTIVE: seedDemo ? '1' : '0'
		});
		workers.set(index, worker);
		worker.once('listening', () => serving.add(worker));
		return worker;
	};

	// The stop is ours from the first fork on, not from the moment every worker listens: the node
	// answers (and /readyz says ready) as soon as the first worker listens, while the others may
	// take seconds more to start on a busy machine. A SIGTERM in that window used to meet Node's
	// default action: this process died at once (exit without a code), without stopping the
	// database, and the workers were left to notice their parent was gone.
	const graceMs = settings.PARAAT_SHUTDOWN_GRACE_SECONDS * 1000;
	onStopSignals(async (signal) => {
		stopping = true;
		logger.info({ signal, workers: workers.size }, 'Paraat stoppen');
		// Each worker finishes its requests and closes its sockets and pool; PostgreSQL goes last.
		// A worker still starting has no handler of its own yet: the signal ends it at once (ours,
		// or a terminal's Ctrl-C, which reaches the whole process group), which is a clean stop
		// too: it served nothing, so nothing was cut off.
		const exits = [...workers.values()].map(
			(worker) =>
				new Promise<boolean>((resolve) => {
					if (worker.isDead()) return resolve(true);
					const served = serving.has(worker);
					worker.once('exit', (code, signal) => resolve(code === 0 || (!served && (signal === 'SIGTERM' || signal === 'SIGINT'))));
					worker.process.kill('SIGTERM');
				})
		);
		const clean = (await Promise.all(exits)).every(Boolean);
		try {
			await boot.stop();
		} catch (err) {
			logger.error({ err: err instanceof Error ? err.message : String(err) }, 'ingebouwde PostgreSQL sluiten mislukt');
			return false;
		}
		logger.info({ clean }, 'Paraat gestopt');
		return clean;
	}, graceMs + 45_000);

	try {
		// The first worker alone, so the demo is seeded once before the others start.
		await waitListening(fork(0, boot.demo));
		if (stopping) return;
		await Promise.all(Array.from({ length: count - 1 }, (_, k) => waitListening(fork(k + 1, false))));
	} catch (err) {
		// A stop under way owns the workers and the database; a worker it stopped is no failed start.
		if (stopping) return;
		for (const worker of workers.values()) worker.process.kill('SIGTERM');
		await Promise.all([...workers.values()].map((w) => (w.isDead() ? undefined : new Promise((r) => w.once('exit', r)))));
		await boot.stop();
		throw err;
	}
	if (stopping) return;

	cluster.on('exit', (worker, code, signal) => {
		if (stopping) return;
		const index = [...workers].find(([, w]) => w === worker)?.[0];
		if (index === undefined) return;
		const now = Date.now();
		crashes.push(now);
		while (crashes.length > 0 && crashes[0]! < now - 60_000) crashes.shift();
		logger.error({ worker: index, code, signal }, 'werkproces gestopt; een nieuw wordt gestart');
		if (crashes.length > MAX_CRASHES_PER_MINUTE) {
			logger.fatal({ crashes: crashes.length }, 'werkprocessen blijven vallen: Paraat stopt');
			process.kill(process.pid, 'SIGTERM');
			return;
		}
		fork(index, false);
	});

	const address = `http://localhost:${settings.PORT}`;
	logger.info({ port: settings.PORT, workers: count, demo: boot.demo }, 'Paraat gestart');
	if (boot.demo) process.stdout.write(demoBanner(address, boot.demoAccounts) + '\n');
}
