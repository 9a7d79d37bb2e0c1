// /healthz, /readyz and /metrics, answered by the runtime HTTP layer in front of SvelteKit (in
// production and in dev), so that they answer even when the app's own handler is in trouble.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkReadiness, type ReadinessSources } from './readiness.ts';
import { metricsContentType, renderMetrics } from '../metrics/metrics.ts';

export interface OpsRouteOptions extends ReadinessSources {
	/** When set, /metrics asks for `Authorization: Bearer <token>`. */
	metricsToken?: string;
	/** The text /metrics answers with: this process's registry, unless a worker asks the node's. */
	metrics?: () => Promise<string>;
	log?: (level: 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}

const PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
	res.end(res.req.method === 'HEAD' ? undefined : body);
}

const json = (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) =>
	send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);

/** Constant-time comparison: digests first, so the lengths are equal and nothing leaks by timing. */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value).digest();
	return timingSafeEqual(digest(presented ?? ''), digest(expected)) && presented !== undefined;
}

function bearer(req: IncomingMessage): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
	return match?.[1];
}

/** Returns a request listener that answers the three paths and returns false for every other. */
export function opsRoutes(options: OpsRouteOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
	return (req, res) => {
		const path = (req.url ?? '/').split('?', 1)[0]!;
		if (!PATHS.has(path)) return false;
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			json(res, 405, { error: { code: 'method_not_allowed', message: 'Alleen GET en HEAD.' } }, { allow: 'GET, HEAD' });
			return true;
		}
		void answer(path, req, res, options).catch((err: unknown) => {
			options.log?.('error', 'probe mislukt', { path, err: err instanceof Error ? err.message : String(err) });
			if (!res.headersSent) json(res, 500, { status: 'fout' });
		});
		return true;
	};
}

async function answer(path: string, req: IncomingMessage, res: ServerResponse, options: OpsRouteOptions): Promise<void> {
	if (path === '/healthz') {
		// Alive: this process answers HTTP. Deliberately not the database (that is /readyz): an
		// orchestrator that restarts a node because the database is away only adds to the outage.
		return json(res, 200, { status: 'ok' });
	}
	if (path === '/readyz') {
		const readiness = await checkReadiness(options);
		return json(res, readiness.ready ? 200 : 503, { status: readiness.ready ? 'gereed' : 'niet gereed', ...readiness });
	}
	if (options.metricsToken && !tokenMatches(bearer(req), options.metricsToken)) {
		options.log?.('warn', 'metrics geweigerd: geen of een verkeerd token', { address: req.socket.remoteAddress });
		return json(res, 401, { error: { code: 'unauthenticated', message: 'Voor /metrics is een token nodig (Authorization: Bearer …).' } }, { 'www-authenticate': 'Bearer realm="paraat-metrics"' });
	}
	send(res, 200, metricsContentType, await (options.metrics ?? renderMetrics)());
}
