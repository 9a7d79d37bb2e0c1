// The advice API routes, called as SvelteKit calls them: status codes, Dutch errors naming every
// wrong field (never a 500), the 409 with `current`, and the OpenAPI description.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { openApiDocument } from '../../src/lib/server/http/openapi.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { SCANS, insertApplication } from '../support/inserted-applications.ts';
import * as eventAdviceRoute from '../../src/routes/api/v1/events/[id=uuid]/advice/+server.ts';
import * as inboxRoute from '../../src/routes/api/v1/advice/+server.ts';
import * as dueRoute from '../../src/routes/api/v1/advice/due/+server.ts';
import * as requestRoute from '../../src/routes/api/v1/advice/[id=uuid]/+server.ts';
import * as answerRoute from '../../src/routes/api/v1/advice/[id=uuid]/answer/+server.ts';
import * as withdrawRoute from '../../src/routes/api/v1/advice/[id=uuid]/withdraw/+server.ts';
import * as settingsRoute from '../../src/routes/api/v1/advice/settings/[municipality=municipality]/+server.ts';

let t: TestDatabase;
let officer: SessionUser;
let brandweer: SessionUser;
let ghor: SessionUser;
let beheerder: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	officer = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	brandweer = await createUser(t.db, { grants: [{ role: 'adviseur', municipality: 'haarlem', discipline: 'brandweer' }] });
	ghor = await createUser(t.db, { grants: [{ role: 'adviseur', municipality: 'haarlem', discipline: 'ghor' }] });
	beheerder = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: 'haarlem' }] });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

type Handler = (event: never) => Promise<Response> | Response;

async function call(handler: Handler | undefined, options: { user: SessionUser | null; params?: Record<string, string>; body?: unknown; method?: string; contentType?: string }) {
	const init: RequestInit = { method: options.method ?? 'POST' };
	if (options.body !== undefined) {
		init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		init.headers = { 'content-type': options.contentType ?? 'application/json' };
	}
	const event = {
		locals: { ...requestLocals(t.db), user: options.user },
		params: options.params ?? {},
		request: new Request('http://paraat.test/api', init),
		url: new URL('http://paraat.test/api'),
		getClientAddress: () => '192.0.2.1'
	};
	const response = await handler!(event as never);
	return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('/api/v1/events/:id/advice and /api/v1/advice', () => {
	it('asks advice with an empty body: 201 with the requests; then lists them', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B });
		const created = await call(eventAdviceRoute.POST, { user: officer, params: { id: app.id } });
		expect(created.status).toBe(201);
		expect(created.body.requests.map((r: { discipline: string }) => r.discipline)).toEqual(['brandweer', 'ghor', 'politie']);
		const listed = await call(eventAdviceRoute.GET, { user: officer, params: { id: app.id }, method: 'GET' });
		expect(listed).toMatchObject({ status: 200, body: { requests: created.body.requests } });
		const again = await call(eventAdviceRoute.POST, { user: officer, params: { id: app.id }, body: {} });
		expect(again).toMatchObject({ status: 409, body: { error: { code: 'advice_already_requested' } } });
	});

	it('401 without a session, 404 for an officer elsewhere, 400 naming a wrong discipline', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.A });
		expect((await call(eventAdviceRoute.POST, { user: null, params: { id: app.id } })).status).toBe(401);
		const elsewhere = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'velsen' }] });
		expect((await call(eventAdviceRoute.POST, { user: elsewhere, params: { id: app.id } })).status).toBe(404);
		const wrong = await call(eventAdviceRoute.POST, { user: officer, params: { id: app.id }, body: { disciplines: ['ambulance'] } });
		expect(wrong.status).toBe(400);
		expect(wrong.body.error.fields).toEqual([{ field: 'disciplines.0', message: expect.stringMatching(/Onbekende discipline/) }]);
		const classA = await call(eventAdviceRoute.POST, { user: officer, params: { id: app.id } });
		expect(classA).toMatchObject({ status: 409, body: { error: { code: 'no_advice_required' } } });
		const voluntary = await call(eventAdviceRoute.POST, { user: officer, params: { id: app.id }, body: { disciplines: ['ghor'] } });
		expect(voluntary.status).toBe(201);
		expect(await call(eventAdviceRoute.POST, { user: officer, params: { id: app.id }, body: 'geen json' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
	});

	it('the adviser reads the inbox and the request, answers; a stale answer gets 409 with current', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B, organiser: { email: 'geheim@example.org', phone: '020-1234567' } });
		const { body } = await call(eventAdviceRoute.POST, { user: officer, params: { id: app.id } });
		const request = body.requests[0];
		const inbox = await call(inboxRoute.GET, { user: brandweer, method: 'GET' });
		expect(inbox.status).toBe(200);
		expect(inbox.body.requests.map((r: { id: string }) => r.id)).toContain(request.id);
		expect((await call(inboxRoute.GET, { user: officer, method: 'GET' })).status).toBe(403);

		const detail = await call(requestRoute.GET, { user: brandweer, params: { id: request.id }, method: 'GET' });
		expect(detail.status).toBe(200);
		expect(detail.body).toMatchObject({ request: { id: request.id }, answeringAs: 'brandweer', application: { organiser: { name: 'Eva Organisator' } } });
		expect(detail.body.scan.reasons.length).toBeGreaterThan(0);
		expect(detail.body.routing.disciplines.brandweer.required).toBe(true);
		expect(detail.body.others).toHaveLength(2);
		expect(JSON.stringify(detail.body)).not.toMatch(/geheim@example.org|020-1234567/);

		const bad = await call(answerRoute.POST, { user: brandweer, params: { id: request.id }, body: { advice: 'kort', conclusion: 'ja' } });
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['advice', 'conclusion', 'version']);

		const forbidden = await call(answerRoute.POST, { user: ghor, params: { id: request.id }, body: { version: 1, advice: 'Dit is niet mijn advies.', conclusion: 'positief' } });
		expect(forbidden.status).toBe(403);

		const answered = await call(answerRoute.POST, {
			user: brandweer,
			params: { id: request.id },
			body: { version: 1, advice: 'Akkoord met de tentopstelling.', conditions: ['Blusmiddelen bij elke kraam'], conclusion: 'positief_met_voorwaarden' }
		});
		expect(answered).toMatchObject({ status: 200, body: { status: 'uitgebracht', version: 2, conditions: ['Blusmiddelen bij elke kraam'] } });
		const stale = await call(answerRoute.POST, { user: brandweer, params: { id: request.id }, body: { version: 1, advice: 'Nog een keer advies.', conclusion: 'negatief' } });
		expect(stale).toMatchObject({ status: 409, body: { error: { code: 'version_conflict' }, current: { id: request.id, version: 2, status: 'uitgebracht' } } });
	});

	it('withdraws, lists what is due, and reads and changes the terms', async () => {
		const app = await insertApplication(t.db, { scan: SCANS.B_POLITIE });
		const { body } = await call(eventAdviceRoute.POST, { user: officer, params: { id: app.id } });
		const due = await call(dueRoute.GET, { user: officer, method: 'GET' });
		expect(due.status).toBe(200);
		expect(Array.isArray(due.body.requests)).toBe(true);
		const withdrawn = await call(withdrawRoute.POST, { user: officer, params: { id: body.requests[0].id }, body: { version: 1, reason: 'Afgelast' } });
		expect(withdrawn).toMatchObject({ status: 200, body: { status: 'ingetrokken' } });

		const terms = await call(settingsRoute.GET, { user: beheerder, params: { municipality: 'haarlem' }, method: 'GET' });
		expect(terms).toMatchObject({ status: 200, body: { municipality: 'haarlem', termDaysB: 21, termDaysC: 28 } });
		const changed = await call(settingsRoute.PUT, { user: beheerder, params: { municipality: 'haarlem' }, method: 'PUT', body: { version: terms.body.version, termDaysB: 15, termDaysC: 30 } });
		expect(changed).toMatchObject({ status: 200, body: { termDaysB: 15, termDaysC: 30 } });
		const bad = await call(settingsRoute.PUT, { user: beheerder, params: { municipality: 'haarlem' }, method: 'PUT', body: { version: 1, termDaysB: 0, termDaysC: 'lang' } });
		expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['termDaysB', 'termDaysC']);
		expect((await call(settingsRoute.PUT, { user: officer, params: { municipality: 'haarlem' }, method: 'PUT', body: { version: 2, termDaysB: 15, termDaysC: 30 } })).status).toBe(403);
		expect((await call(settingsRoute.GET, { user: beheerder, params: { municipality: 'atlantis' }, method: 'GET' })).status).toBe(404);
	});

	it('is described in the OpenAPI document from the same schemas', () => {
		const doc = openApiDocument('http://localhost:3000') as unknown as {
			paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
			components: { schemas: Record<string, { required?: string[] }> };
		};
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining(['/api/v1/events/{id}/advice', '/api/v1/advice', '/api/v1/advice/{id}', '/api/v1/advice/{id}/answer', '/api/v1/advice/due'])
		);
		expect(doc.paths['/api/v1/advice/{id}/answer']!.post!.responses).toHaveProperty('409');
		expect(doc.components.schemas.AdviceAnswer!.required).toEqual(expect.arrayContaining(['version', 'advice', 'conclusion']));
		expect(() => JSON.stringify(doc)).not.toThrow();
	});
});
