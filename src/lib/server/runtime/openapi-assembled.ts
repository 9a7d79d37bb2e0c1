// The OpenAPI document as the running app serves it: every capability registered first. The
// document module alone only knows the paths of the HTTP layer itself (health, metrics, the
// document), so a tool that writes the document out (`npm run lint:api`) must come through here.
import { openApiDocument, type OpenApiDocument } from '../http/openapi.ts';
import { registerCapabilities } from './capabilities.ts';

export function assembledOpenApiDocument(origin: string): OpenApiDocument {
	registerCapabilities();
	return openApiDocument(origin);
}
