// What a capability (evenementen, advies, crisis, …) plugs into the core with: its realtime topic
// kinds with their authorisation, and its share of the OpenAPI document. Each capability declares
// one in `<folder>/<name>-capability.ts`; the composition root (runtime/capabilities.ts) lists them
// and registers them at start, so the realtime core and the HTTP layer never import a capability.
import type { TopicDefinition } from '../realtime/topics.ts';
import type { ApiPart } from '../http/openapi-parts.ts';

export interface Capability {
	/** The code name (docs/glossary.md), for example `advice`. */
	name: string;
	topics: readonly TopicDefinition[];
	/** Its paths and schemas in /api/v1/openapi.json; absent when it has no API of its own. */
	api?: ApiPart;
}

/** Several OpenAPI parts as one (a capability whose paths live in more than one file). */
export function mergeApiParts(...parts: ApiPart[]): ApiPart {
	return { paths: Object.assign({}, ...parts.map((p) => p.paths)), schemas: Object.assign({}, ...parts.map((p) => p.schemas)) };
}
