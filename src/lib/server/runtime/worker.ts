// One worker process of a node with PARAAT_WORKERS > 1 (see workers.ts): the primary started the
// database and hands its address over in DATABASE_URL; the worker serves the build on the shared port.
import { fileURLToPath } from 'node:url';
import { shareMetricsWithPrimary } from '../metrics/cluster-metrics.ts';
import { logger } from '../log.ts';

// The primary is gone (killed without a stop): stop too, rather than serve without it.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));

// Before the app loads (a dynamic import, so it really comes first): a scrape of /metrics waits
// for every worker's registry, also this one's while it starts.
shareMetricsWithPrimary();

try {
	const { runWorker } = await import('./run-server.ts');
	await runWorker(fileURLToPath(new URL('../../../../', import.meta.url)));
} catch (err) {
	const sentence = (err as { startupSentence?: string }).startupSentence;
	logger.fatal({ worker: process.env.PARAAT_WORKER_INDEX, err: sentence ?? (err instanceof Error ? err.message : String(err)) }, 'werkproces kon niet starten');
	process.exit(1);
}
