import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/lib/server/http/openapi.ts';

describe('the OpenAPI document for the logbook, picture, SITRAPs and injects', () => {
	const doc = openApiDocument('http://localhost:3000') as unknown as {
		paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
		components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
	};

	it('describes every endpoint', () => {
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining([
				'/api/v1/incidents/{id}/log',
				'/api/v1/incidents/{id}/log/read',
				'/api/v1/incidents/{id}/log/{entryId}/verify',
				'/api/v1/incidents/{id}/picture',
				'/api/v1/incidents/{id}/picture/{section}',
				'/api/v1/incidents/{id}/sitraps',
				'/api/v1/incidents/{id}/sitraps/{number}',
				'/api/v1/incidents/{id}/sitraps/{number}/pdf',
				'/api/v1/incidents/{id}/injects',
				'/api/v1/incidents/{id}/injects/{injectId}',
				'/api/v1/incidents/{id}/timeline',
				'/api/v1/incidents/{id}/timeline/csv',
				'/api/v1/incidents/{id}/timeline/pdf'
			])
		);
		expect(doc.paths['/api/v1/incidents/{id}/picture/{section}']!.put!.responses).toHaveProperty('409');
	});

	it('derives the request schemas from the validating zod schemas', () => {
		expect(doc.components.schemas.LogEntryInput!.required).toEqual(expect.arrayContaining(['kind', 'discipline', 'text']));
		expect(doc.components.schemas.SectionInput!.required).toEqual(expect.arrayContaining(['text', 'version']));
		expect(doc.components.schemas.InjectInput!.required).toEqual(expect.arrayContaining(['text', 'discipline', 'dueMinutes']));
		expect(() => JSON.stringify(doc)).not.toThrow();
	});
});
