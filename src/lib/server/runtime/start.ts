// Production entry (`npm start`): database, migrations, seed, then the SvelteKit handler
// from build/handler.js on a plain Node HTTP server with socket.io attached to it.
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bootstrap, demoBanner } from './bootstrap.ts';
import { buildIsCurrent } from './build-freshness.ts';
import { closeSharedDb, getDb } from '../db/index.ts';
import { attachRealtime } from '../realtime/server.ts';
import { startInjectScheduler } from '../injects/inject-scheduler.ts';
import { logger } from '../log.ts';
import { config } from '../config.ts';
import { opsRoutes } from './ops-routes.ts';
import { onStopSignals, shutDown, trackRequests } from './shutdown.ts';
import { answerMalformedRequest } from '../http/malformed-request.ts';

const log = (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => logger[level](extra ?? {}, msg);

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function ensureBuild(): void {
	if (process.env.PARAAT_SKIP_BUILD === '1' || buildIsCurrent(root)) return;
	logger.info('build ontbreekt of is verouderd: vite build');
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('vite build mislukt');
}

async function main(): Promise<void> {
	process.env.NODE_ENV ??= 'production';
	ensureBuild();
	const boot = await bootstrap();
	// adapter-node assumes https unless told otherwise. Without ORIGIN or a proxy's protocol
	// header, tell it what this very connection is, so http://localhost and http://127.0.0.1
	// both work (form posts are checked against the origin).
	const ownProtocolHeader = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
	if (ownProtocolHeader) process.env.PROTOCOL_HEADER = 'x-paraat-protocol';
	// adapter-node refuses bodies over 512 kB by default; event documents may be 10 MB (the JSON
	// API keeps its own 64 kB limit, the document upload checks its own size).
	process.env.BODY_SIZE_LIMIT ??= '11M';
	const handlerUrl = pathToFileURL(path.join(root, 'build', 'handler.js')).href;
	const { handler } = (await import(handlerUrl)) as { handler: http.RequestListener };

	const settings = config();
	const ops = opsRoutes({ db: getDb(), listening: () => realtime.listening(), stopping: () => requests.stopping, metricsToken: settings.PARAAT_METRICS_TOKEN, log });
	const server = http.createServer((req, res) => {
		if (ops(req, res)) return; // probes and metrics, before (and without) SvelteKit
		if (answerMalformedRequest(req, res)) return; // SvelteKit would answer in English/HTML
		if (ownProtocolHeader) req.headers['x-paraat-protocol'] = 'encrypted' in req.socket ? 'https' : 'http';
		handler(req, res);
	});
	const requests = trackRequests(server);
	const realtime = await attachRealtime(server, {
		db: getDb(),
		connectionString: boot.databaseUrl,
		origin: process.env.ORIGIN,
		log
	});
	const injects = startInjectScheduler(getDb(), { log });

	const port = Number(process.env.PORT ?? 3000);
	const host = process.env.HOST ?? '0.0.0.0';
	await new Promise<void>((resolve) => server.listen(port, host, resolve));
	const address = `http://localhost:${port}`;
	logger.info({ port, node: realtime.nodeId, demo: boot.demo }, 'Paraat gestart');
	if (boot.demo) process.stdout.write(demoBanner(address, boot.demoAccounts) + '\n');

	const graceMs = settings.PARAAT_SHUTDOWN_GRACE_SECONDS * 1000;
	onStopSignals((signal) => {
		logger.info({ signal, graceMs }, 'Paraat stoppen');
		const steps: [string, () => Promise<void>][] = [['injectplanner', () => injects.stop()], ['databasepool', closeSharedDb], ['ingebouwde PostgreSQL', () => boot.stop()]];
		return shutDown({ server, requests, graceMs, closeRealtime: () => realtime.close(), steps, log });
	}, graceMs + 30_000);
}

main().catch((err) => {
	logger.fatal({ err: err instanceof Error ? err.message : String(err) }, 'Paraat kon niet starten');
	process.exit(1);
});
