// The document `npm run lint:api` checks must be the one the app serves: every capability's paths.
// (It once held only health and metrics, because the writer did not register the capabilities, and
// the linter passed on an almost empty document.)
import { describe, expect, it } from 'vitest';
import { assembledOpenApiDocument } from '../../src/lib/server/runtime/openapi-assembled.ts';
import { capabilities } from '../../src/lib/server/runtime/capabilities.ts';

describe('the assembled OpenAPI document', () => {
	it("holds every path of every capability's API part", () => {
		const paths = Object.keys(assembledOpenApiDocument('https://paraat.example').paths);
		const declared = capabilities.flatMap((c) => Object.keys(c.api?.paths ?? {}));
		expect(declared.length).toBeGreaterThan(50);
		for (const path of declared) expect(paths, path).toContain(path);
		expect(paths).toContain('/api/v1/incidents/{id}/features');
		expect(paths).toContain('/api/v1/events/import');
	});
});
