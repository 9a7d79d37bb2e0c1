// The OpenAPI 3.1 description of /api/v1, assembled from the parts the capabilities registered
// (http/openapi-parts.ts), each built from the same zod schemas that validate its requests. This
// module adds only what belongs to no capability: the shared Problem, the session cookie scheme,
// this document itself, the operational endpoints, and the conventions every path follows.
import { problemSchema } from './openapi-problem.ts';
import { registeredApiParts, type ApiPart } from './openapi-parts.ts';
import { API_VERSION } from './problem.ts';
import { withApiConventions } from './openapi-conventions.ts';
import { API_CHANGELOG } from './api-changelog.ts';

/** An operation as the tests and tools read it; the parts may add any other OpenAPI member. */
export type OpenApiOperation = { summary?: string; responses: Record<string, unknown> } & Record<string, unknown>;

export interface OpenApiDocument {
	openapi: '3.1.0';
	info: { title: string; version: string; description: string; contact: { name: string; email: string; url: string } };
	servers: { url: string }[];
	components: { securitySchemes: Record<string, object>; schemas: Record<string, unknown> };
	security: Record<string, string[]>[];
	paths: Record<string, Record<string, OpenApiOperation>>;
}

const ownPaths = {
	'/api/v1/openapi.json': {
		get: { summary: 'Deze beschrijving (OpenAPI 3.1)', security: [], responses: { '200': { description: 'OpenAPI-document', content: { 'application/json': { schema: { type: 'object' } } } } } }
	}
};

const operationsPaths = {
	'/healthz': {
		get: { summary: 'Leeft het proces (liveness; controleert de database niet)', security: [], responses: { '200': { description: 'In orde' } } }
	},
	'/readyz': {
		get: { summary: 'Gereed voor verkeer: database, migraties, realtime-verbinding (readiness)', security: [], responses: { '200': { description: 'Gereed, met de controles' }, '503': { description: 'Niet gereed, met de reden' } } }
	},
	'/metrics': {
		get: { summary: 'Prometheus-metrieken (Bearer-token als PARAAT_METRICS_TOKEN gezet is)', security: [], responses: { '200': { description: 'Prometheus-tekstformaat' }, '401': { description: 'Token ontbreekt of klopt niet' } } }
	}
};

export function openApiDocument(serverUrl: string, parts: readonly ApiPart[] = registeredApiParts()): OpenApiDocument {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Paraat API',
			version: API_VERSION,
			description:
				'De API van Paraat (Veiligheidsregio Kennemerland). Dezelfde diensten en rechten als de schermen. ' +
				'Fouten als probleemdetails (RFC 9457, application/problem+json) met een Nederlandse titel en uitleg, een vaste `code` en bij ongeldige invoer `invalidParams`; ' +
				'het lid `error: { code, message, fields? }` blijft voor bestaande clients tot API v2. Elk antwoord draagt de header API-Version. ' +
				'Wijzigende verzoeken alleen vanaf de eigen herkomst. Leesbaar op /api/docs.\n\n' +
				API_CHANGELOG,
			contact: { name: 'Veiligheidsregio Kennemerland — team Paraat', email: 'paraat@vrk.nl', url: 'https://www.vrk.nl' }
		},
		servers: [{ url: serverUrl }],
		components: {
			securitySchemes: { sessie: { type: 'apiKey', in: 'cookie', name: 'paraat_sessie' } },
			schemas: Object.assign({ Problem: problemSchema }, ...parts.map((part) => part.schemas))
		},
		security: [{ sessie: [] }],
		paths: withApiConventions(Object.assign({}, ...parts.map((part) => part.paths), ownPaths, operationsPaths))
	};
}
