// What the Logius API Design Rules ask of every operation in the OpenAPI document, applied once
// to the whole document instead of in each capability's paths:
// - /core/version-header: every answer carries the API-Version header, so every response
//   declares it;
// - /core/error-handling/invalid-input: every operation can answer 400 — the request hook refuses
//   a query string PostgreSQL cannot store on any route, and bodies are validated — so an
//   operation that names no 400 of its own gets the shared one.
import { apiVersionHeader, problemResponse } from './openapi-problem';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

type Operation = { responses?: Record<string, { headers?: Record<string, unknown> } & Record<string, unknown>> } & Record<string, unknown>;
type PathItem = Partial<Record<(typeof METHODS)[number], Operation>> & Record<string, unknown>;

const INVALID_REQUEST = 'Ongeldig verzoek: een parameter, zoekparameter of de meegestuurde gegevens kloppen niet (invalidParams noemt elk fout veld)';

/** Paths under /api/v1 with the version header on every response and a 400 on every operation. */
export function withApiConventions<P extends Record<string, PathItem>>(paths: P): P {
	const out: Record<string, PathItem> = {};
	for (const [route, item] of Object.entries(paths)) {
		if (!route.startsWith('/api/')) {
			out[route] = item;
			continue;
		}
		const next: PathItem = { ...item };
		for (const method of METHODS) {
			const operation = item[method];
			if (!operation) continue;
			const responses: Record<string, { headers?: Record<string, unknown> } & Record<string, unknown>> = {};
			for (const [status, response] of Object.entries(operation.responses ?? {})) {
				responses[status] = { ...response, headers: { ...apiVersionHeader, ...response.headers } };
			}
			responses['400'] ??= problemResponse(INVALID_REQUEST);
			next[method] = { ...operation, responses };
		}
		out[route] = next;
	}
	return out as P;
}
