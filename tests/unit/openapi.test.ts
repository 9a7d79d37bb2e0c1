import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/lib/server/http/openapi.ts';

describe('the OpenAPI document', () => {
	const doc = openApiDocument('http://localhost:3000');

	it('describes every contract endpoint of DESIGN.md', () => {
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining([
				'/api/v1/session',
				'/api/v1/me',
				'/api/v1/notices',
				'/api/v1/risicoscan',
				'/api/v1/incidents',
				'/api/v1/incidents/{id}/tasks',
				'/api/v1/tasks/{id}',
				'/healthz'
			])
		);
		expect(doc.paths['/api/v1/tasks/{id}']!.patch!.responses).toHaveProperty('409');
	});

	it('derives request schemas from the validating zod schemas', () => {
		const risicoscan = doc.components.schemas.RisicoscanInput as { properties: Record<string, unknown>; required: string[] };
		expect(Object.keys(risicoscan.properties)).toEqual(expect.arrayContaining(['peakVisitors', 'startsAt', 'endsAt', 'activities', 'site']));
		expect(risicoscan.required).toEqual(expect.arrayContaining(['peakVisitors', 'startsAt', 'endsAt']));
		const task = doc.components.schemas.TaskChange as { required: string[] };
		expect(task.required).toContain('version');
	});

	it('serialises to JSON', () => {
		expect(() => JSON.stringify(doc)).not.toThrow();
		expect(doc.servers[0]!.url).toBe('http://localhost:3000');
	});
});

describe('the event applications part', () => {
	const doc = openApiDocument('http://localhost:3000');
	it('lists the endpoints with their request schemas', () => {
		const paths = doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
		expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/v1/events', '/api/v1/events/{id}', '/api/v1/events/{id}/decision', '/api/v1/events/{id}/documents/{docId}']));
		expect(paths['/api/v1/events/{id}']!.patch!.responses).toHaveProperty('409');
		const input = doc.components.schemas.EventApplicationInput as { required: string[]; properties: Record<string, unknown> };
		expect(input.required).toEqual(expect.arrayContaining(['municipality', 'name', 'startsAt', 'endsAt']));
		expect(Object.keys(input.properties)).toEqual(expect.arrayContaining(['organiserKvk', 'audience', 'activities', 'site', 'nearHazard', 'emergencyLaneFree']));
	});
});

describe('the Bibob part of the OpenAPI document', () => {
	const doc = openApiDocument('http://localhost:3000');
	it('describes every step of the procedure and the second factor of the session', () => {
		const paths = Object.keys(doc.paths);
		for (const step of ['parties', 'questionnaire', 'answers', 'findings', 'lbb-request', 'lbb-advice', 'intention', 'zienswijze', 'decision', 'disclosures', 'destroy']) {
			expect(paths).toContain(`/api/v1/bibob/files/{id}/${step}`);
		}
		const login = doc.components.schemas.Login as { properties: Record<string, unknown> };
		expect(Object.keys(login.properties)).toEqual(expect.arrayContaining(['email', 'password', 'totp', 'recoveryCode']));
		const disclosure = (doc.components.schemas as Record<string, unknown>).BibobStepDisclosures as { required: string[] };
		expect(disclosure.required).toContain('ground');
	});
});
