// The production server shared by `npm start` and `npm run serve`: database, migrations, seed, then
// the SvelteKit handler from build/handler.js on a plain Node HTTP server with socket.io attached.
// Imports only runtime dependencies (never vite or another devDependency): `npm run serve` runs
// after `npm ci --omit=dev`.
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bootstrap, demoBanner, type Bootstrapped } from './bootstrap.ts';
import { closeSharedDb, getDb } from '../db/index.ts';
import { attachRealtime } from '../realtime/server.ts';
import { registerCapabilities } from './capabilities.ts';
import { startInjectScheduler } from '../injects/inject-scheduler.ts';
import { startAlertScheduler } from '../alerting/alert-scheduler.ts';
import { alertSettings } from '../alerting/alert-settings.ts';
import { wiredDelivery } from '../alerting/notification-delivery.ts';
import { startNotifications } from '../notifications/notification-runtime.ts';
import { logger } from '../log.ts';
import { config, type Config } from '../config.ts';
import { assertPortFree } from './port-check.ts';
import { StartupError } from '../startup-error.ts';
import { opsRoutes } from './ops-routes.ts';
import { onStopSignals, shutDown, trackRequests } from './shutdown.ts';
import { answerMalformedRequest } from '../http/malformed-request.ts';
import { superviseWorkers, workerCount } from './workers.ts';
import { nodeMetrics } from '../metrics/cluster-metrics.ts';

const log = (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => logger[level](extra ?? {}, msg);

export function handlerPath(root: string): string {
	return path.join(root, 'build', 'handler.js');
}

export async function runServer(root: string): Promise<void> {
	process.env.NODE_ENV ??= 'production';
	const settings = config();
	if (!existsSync(handlerPath(root))) {
		throw new StartupError('Er is nog geen build (build/handler.js ontbreekt): maak hem met `npm run build`, of start met `npm start`, dat zelf bouwt.');
	}
	await assertPortFree(settings.PORT, settings.HOST);
	const boot = await bootstrap();
	const workers = workerCount(settings.PARAAT_WORKERS);
	// Several workers: this process keeps the database and the stop, the workers serve (workers.ts).
	if (workers > 1) return superviseWorkers({ count: workers, boot, settings });
	try {
		await listen(root, settings, boot);
	} catch (err) {
		// Nothing keeps running after a failed start (an embedded PostgreSQL would outlive us).
		await closeSharedDb().catch(() => {});
		await boot.stop();
		throw err;
	}
}

/**
 * A worker of a node with several (workers.ts): the primary bootstrapped the database and passed
 * its address in DATABASE_URL; the worker serves on the shared port and stops nothing it did not start.
 */
export async function runWorker(root: string): Promise<void> {
	process.env.NODE_ENV ??= 'production';
	const settings = config();
	const databaseUrl = process.env.DATABASE_URL;
	if (!databaseUrl) throw new StartupError('Een werkproces kreeg geen DATABASE_URL van het hoofdproces: start Paraat met `npm start` of `npm run serve`.');
	const boot: Bootstrapped = { databaseUrl, demo: false, demoAccounts: [], stop: async () => {} };
	try {
		await listen(root, settings, boot, settings.PARAAT_WORKER_INDEX ?? 0);
	} catch (err) {
		await closeSharedDb().catch(() => {});
		throw err;
	}
}

async function listen(root: string, settings: Config, boot: Bootstrapped, worker?: number): Promise<void> {
	// adapter-node assumes https unless told otherwise. Without ORIGIN or a proxy's protocol
	// header, tell it what this very connection is, so http://localhost and http://127.0.0.1
	// both work (form posts are checked against the origin). adapter-node reads these variables
	// itself, from the environment.
	const ownProtocolHeader = !settings.ORIGIN && !process.env.PROTOCOL_HEADER;
	if (ownProtocolHeader) process.env.PROTOCOL_HEADER = 'x-paraat-protocol';
	// adapter-node refuses bodies over 512 kB by default; event documents may be 10 MB (the JSON
	// API keeps its own 64 kB limit, the document upload checks its own size). Our default: 11M.
	process.env.BODY_SIZE_LIMIT = settings.BODY_SIZE_LIMIT;
	const { handler } = (await import(pathToFileURL(handlerPath(root)).href)) as { handler: http.RequestListener };

	const ops = opsRoutes({
		db: getDb(),
		listening: () => realtime.listening(),
		stopping: () => requests.stopping,
		metricsToken: settings.PARAAT_METRICS_TOKEN,
		// A worker answers for its node: the primary merges every worker's registry.
		metrics: worker === undefined ? undefined : nodeMetrics,
		log
	});
	const server = http.createServer((req, res) => {
		if (ops(req, res)) return; // probes and metrics, before (and without) SvelteKit
		if (answerMalformedRequest(req, res)) return; // SvelteKit would answer in English/HTML
		if (ownProtocolHeader) req.headers['x-paraat-protocol'] = 'encrypted' in req.socket ? 'https' : 'http';
		handler(req, res);
	});
	const requests = trackRequests(server);
	// The bundled SvelteKit app registers its own copy (hooks.server.ts); this is the socket layer's.
	registerCapabilities();
	const realtime = await attachRealtime(server, {
		db: getDb(),
		connectionString: boot.databaseUrl,
		origin: settings.ORIGIN,
		log
	});
	const injects = startInjectScheduler(getDb(), { log });
	const alerts = startAlertScheduler(getDb(), () => ({ deliver: wiredDelivery, settings: alertSettings() }), { log });
	const notifications = await startNotifications(getDb(), { log });

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(settings.PORT, settings.HOST, resolve);
	}).catch(async (err: NodeJS.ErrnoException) => {
		await injects.stop();
		await alerts.stop();
		await notifications.stop();
		await realtime.close().catch(() => {}); // the server never listened
		// Taken between the check above and now: the same sentence.
		if (err.code === 'EADDRINUSE') await assertPortFree(settings.PORT, settings.HOST);
		throw err;
	});
	const address = `http://localhost:${settings.PORT}`;
	// A worker's start is logged at debug; the primary says "Paraat gestart" once for the node.
	if (worker === undefined) logger.info({ port: settings.PORT, node: realtime.nodeId, demo: boot.demo }, 'Paraat gestart');
	else logger.debug({ port: settings.PORT, node: realtime.nodeId, worker }, 'werkproces gestart');
	if (boot.demo) process.stdout.write(demoBanner(address, boot.demoAccounts) + '\n');

	const graceMs = settings.PARAAT_SHUTDOWN_GRACE_SECONDS * 1000;
	onStopSignals((signal) => {
		logger.info({ signal, graceMs }, 'Paraat stoppen');
		const steps: [string, () => Promise<void>][] = [
			['injectplanner', () => injects.stop()],
			['escalatieplanner alarmering', () => alerts.stop()],
			['berichtenverzending', () => notifications.stop()],
			['databasepool', closeSharedDb],
			['ingebouwde PostgreSQL', () => boot.stop()]
		];
		return shutDown({ server, requests, graceMs, closeRealtime: () => realtime.close(), steps, log });
	}, graceMs + 30_000);
}
