// /metrics of a node with several worker processes (runtime/workers.ts): whichever worker takes the
// scrape answers with the node's figures, not its own. prom-client's AggregatorRegistry does the
// collecting and the arithmetic: its primary side asks every worker for its registry as JSON and
// merges them (counters and histograms summed, a gauge by the aggregator it was made with, sum
// unless said otherwise). The primary serves no HTTP, so the worker that got the scrape asks it
// over the cluster's IPC channel and relays the answer.
import cluster from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';

const REQUEST = 'paraat:node-metrics-request';
const ANSWER = 'paraat:node-metrics';

interface MetricsRequest {
	type: typeof REQUEST;
	id: number;
}

interface MetricsAnswer {
	type: typeof ANSWER;
	id: number;
	metrics?: string;
	error?: string;
}

const isRequest = (message: unknown): message is MetricsRequest => (message as { type?: unknown } | null)?.type === REQUEST;
const isAnswer = (message: unknown): message is MetricsAnswer => (message as { type?: unknown } | null)?.type === ANSWER;

/**
 * In a worker: answer the primary's requests for this process's registry (prom-client's own
 * listener, added by constructing an AggregatorRegistry). Called first thing in the worker, before
 * the app loads, because the primary waits for every worker it knows: one that does not listen yet
 * would hold a scrape up for prom-client's five seconds and fail it.
 */
export function shareMetricsWithPrimary(): void {
	new AggregatorRegistry();
}

/** In the primary: answer each worker's request for the node's metrics with the merged registries. */
export function aggregateWorkerMetrics(): void {
	const registry = new AggregatorRegistry();
	cluster.on('message', (worker, message: unknown) => {
		if (!isRequest(message)) return;
		const reply = (answer: Omit<MetricsAnswer, 'type' | 'id'>) => {
			if (worker.isConnected()) worker.send({ type: ANSWER, id: message.id, ...answer } satisfies MetricsAnswer);
		};
		registry.clusterMetrics().then(
			(metrics) => reply({ metrics }),
			(err: unknown) => reply({ error: err instanceof Error ? err.message : String(err) })
		);
	});
}

// prom-client's primary gives up on a silent worker after 5 s; this covers a primary that is gone.
const ANSWER_TIMEOUT_MS = 10_000;
let nextId = 0;
const waiting = new Map<number, { resolve: (metrics: string) => void; reject: (err: Error) => void; timer: NodeJS.Timeout }>();
let listening = false;

/** In a worker: the node's metrics, merged over every worker by the primary. */
export function nodeMetrics(): Promise<string> {
	if (!listening) {
		listening = true;
		process.on('message', (message: unknown) => {
			if (!isAnswer(message)) return;
			const pending = waiting.get(message.id);
			if (!pending) return;
			waiting.delete(message.id);
			clearTimeout(pending.timer);
			if (message.metrics !== undefined) pending.resolve(message.metrics);
			else pending.reject(new Error(`metrics van de werkprocessen niet samengevoegd: ${message.error ?? 'onbekende fout'}`));
		});
	}
	const id = nextId++;
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			waiting.delete(id);
			reject(new Error(`het hoofdproces gaf binnen ${ANSWER_TIMEOUT_MS / 1000} s geen metrics`));
		}, ANSWER_TIMEOUT_MS);
		waiting.set(id, { resolve, reject, timer });
		process.send!({ type: REQUEST, id } satisfies MetricsRequest);
	});
}
