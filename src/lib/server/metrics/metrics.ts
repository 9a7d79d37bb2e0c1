// Prometheus metrics (prom-client). This module is bundled into build/ AND imported by the
// production entry beside it, so it is evaluated twice in one process: every metric is taken from
// prom-client's one global registry when it already exists there, never registered twice. With
// worker processes /metrics reports the node: each metric is merged over the workers by its
// `aggregator` (sum unless set), see cluster-metrics.ts.
import { Counter, Gauge, Histogram, collectDefaultMetrics, register, type Metric } from 'prom-client';
import { poolStats } from '../db/pools.ts';

function once<T extends Metric>(name: string, create: () => T): T {
	return (register.getSingleMetric(name) as T | undefined) ?? create();
}

// prom-client's own process metrics (CPU, memory, event loop lag, handles, GC), started once.
const DEFAULTS = Symbol.for('paraat.metrics.defaults');
const marked = globalThis as typeof globalThis & { [DEFAULTS]?: true };
if (!marked[DEFAULTS]) {
	marked[DEFAULTS] = true;
	collectDefaultMetrics({ register });
}

/** Request duration by SvelteKit route id (never the raw path: ids, tokens), method and status. */
export const httpRequestDuration = once(
	'paraat_http_request_duration_seconds',
	() =>
		new Histogram({
			name: 'paraat_http_request_duration_seconds',
			help: 'Duur van HTTP-verzoeken per SvelteKit-route, methode en status.',
			labelNames: ['route', 'method', 'status'] as const,
			buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
		})
);

export const socketsConnected = once(
	'paraat_realtime_sockets_connected',
	() => new Gauge({ name: 'paraat_realtime_sockets_connected', help: 'Open socket.io-verbindingen op dit knooppunt.' })
);

export const slowSocketsDropped = once(
	'paraat_realtime_slow_sockets_dropped_total',
	() =>
		new Counter({
			name: 'paraat_realtime_slow_sockets_dropped_total',
			help: 'Sockets die niet meer lazen en te ver achterliepen, verbroken om geheugen te sparen (de client haalt in met since).'
		})
);

export const eventsPublished = once(
	'paraat_realtime_events_published_total',
	() =>
		new Counter({
			name: 'paraat_realtime_events_published_total',
			help: 'Gebeurtenissen die dit knooppunt in het gebeurtenislog schreef (ook in een transactie die later terugrolde).'
		})
);

export const eventsDelivered = once(
	'paraat_realtime_events_delivered_total',
	() =>
		new Counter({
			name: 'paraat_realtime_events_delivered_total',
			help: 'Gebeurtenissen afgeleverd aan sockets van dit knooppunt (een per socket), live of als inhaalslag.',
			labelNames: ['via'] as const
		})
);

export const notifyToDelivery = once(
	'paraat_realtime_notify_delivery_seconds',
	() =>
		new Histogram({
			name: 'paraat_realtime_notify_delivery_seconds',
			help: 'Tijd van een ontvangen NOTIFY tot het verzenden van die gebeurtenis naar de sockets.',
			buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
		})
);

export const listenerConnected = once(
	'paraat_realtime_listener_connected',
	() =>
		new Gauge({
			name: 'paraat_realtime_listener_connected',
			help: '1 als de LISTEN-verbinding met PostgreSQL open is (met werkprocessen: die van elk werkproces).',
			// Each worker has its own; summed, 2 would be no better than 1. The node's figure is the
			// lowest: 0 as soon as one worker no longer hears the events.
			aggregator: 'min'
		})
);

const poolGauge = (name: string, help: string, pick: (s: ReturnType<typeof poolStats>) => number) =>
	once(
		name,
		() =>
			new Gauge({
				name,
				help,
				collect() {
					this.set(pick(poolStats()));
				}
			})
	);

poolGauge('paraat_db_pool_connections', 'Open verbindingen in de PostgreSQL-pools van dit knooppunt (met werkprocessen: opgeteld).', (s) => s.total);
poolGauge('paraat_db_pool_idle_connections', 'Vrije verbindingen in de PostgreSQL-pools.', (s) => s.idle);
poolGauge('paraat_db_pool_waiting_requests', 'Verzoeken die op een vrije verbinding wachten.', (s) => s.waiting);

export const metricsContentType = register.contentType;

export function renderMetrics(): Promise<string> {
	return register.metrics();
}

/** Records one finished HTTP request (called from the SvelteKit request hook). */
export function observeRequest(route: string | null, method: string, status: number, seconds: number): void {
	httpRequestDuration.observe({ route: route ?? '(geen route)', method, status: String(status) }, seconds);
}
