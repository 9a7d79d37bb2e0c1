// The pieces the OpenAPI document is assembled from. The HTTP layer knows no capability: each
// capability declares its paths and component schemas (`<folder>/<name>-capability.ts`), and the
// composition root (runtime/capabilities.ts) registers them here at start.

/** One capability's share of /api/v1/openapi.json. */
export interface ApiPart {
	/** OpenAPI path items by path (`/api/v1/incidents/{id}`). */
	paths: Record<string, object>;
	/** Component schemas by name, referred to as `#/components/schemas/<name>`. */
	schemas: Record<string, object>;
}

const parts = new Map<string, ApiPart>();

/** Registering under the same name again replaces the earlier part (every start registers anew). */
export function registerApiPart(name: string, part: ApiPart): void {
	parts.set(name, part);
}

/** The registered parts in registration order. */
export function registeredApiParts(): ApiPart[] {
	return [...parts.values()];
}
