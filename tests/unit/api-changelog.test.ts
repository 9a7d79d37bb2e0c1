// The API changelog is one text in two places: the OpenAPI document (so /api/docs shows it) and
// docs/api.md. It names the version the API answers with as its newest entry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_CHANGELOG } from '../../src/lib/server/http/api-changelog.ts';
import { API_VERSION } from '../../src/lib/server/http/problem.ts';
import { openApiDocument } from '../../src/lib/server/http/openapi.ts';

describe('the API changelog', () => {
	it('is in docs/api.md word for word', () => {
		expect(readFileSync('docs/api.md', 'utf8')).toContain(API_CHANGELOG);
	});

	it('is in the OpenAPI description, the one /api/docs shows', () => {
		expect(openApiDocument('https://paraat.example').info.description).toContain(API_CHANGELOG);
	});

	it('starts with the version in the API-Version header', () => {
		expect(API_CHANGELOG.match(/^### (\S+)/m)?.[1]).toBe(API_VERSION);
	});
});
