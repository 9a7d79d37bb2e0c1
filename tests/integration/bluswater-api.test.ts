// The /api/v1/bluswater routes, called as SvelteKit calls them: status codes and Dutch errors
// for bad input (4xx, never 500), the 409s, and the shapes the board and events share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { openApiDocument } from '../../src/lib/server/http/openapi.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { makeIncident } from '../support/incident-fixtures.ts';
import { unitByCode } from '../support/bluswater-fixtures.ts';
import * as unitsRoute from '../../src/routes/api/v1/bluswater/units/+server.ts';
import * as unitRoute from '../../src/routes/api/v1/bluswater/units/[id=uuid]/+server.ts';
import * as statusRoute from '../../src/routes/api/v1/bluswater/units/[id=uuid]/status/+server.ts';
import * as requestsRoute from '../../src/routes/api/v1/bluswater/incidents/[id=uuid]/requests/+server.ts';
import * as assignmentsRoute from '../../src/routes/api/v1/bluswater/requests/[id=uuid]/assignments/+server.ts';
import * as assignmentRoute from '../../src/routes/api/v1/bluswater/assignments/[id=uuid]/+server.ts';

let t: TestDatabase;
let brandweer: SessionUser;
let waarnemer: SessionUser;
let crisis: IncidentRecord;

beforeAll(async () => {
	t = await createTestDatabase();
	// The routes use the process-wide database; this file's worker points it at its own.
	process.env.DATABASE_URL = t.url;
	brandweer = await createUser(t.db, { grants: [{ role: 'brandweer', municipality: null }] });
	waarnemer = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: null }] });
	const crisisteam = await createUser(t.db, { grants: [{ role: 'crisisteam', municipality: null }] });
	crisis = await makeIncident(t.db, crisisteam, { title: 'Brand boerderij', municipalities: ['haarlemmermeer'] });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

type Handler = (event: never) => Promise<Response> | Response;

async function call(handler: Handler | undefined, options: { user?: SessionUser | null; params?: Record<string, string>; body?: unknown; contentType?: string; method?: string }) {
	const init: RequestInit = { method: options.method ?? 'POST' };
	if (options.body !== undefined) {
		init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		init.headers = { 'content-type': options.contentType ?? 'application/json' };
	}
	const event = {
		locals: { ...requestLocals(t.db), user: options.user === undefined ? brandweer : options.user },
		params: options.params ?? {},
		request: new Request('http://paraat.test/api', init),
		url: new URL('http://paraat.test/api'),
		getClientAddress: () => '192.0.2.1'
	};
	const response = await handler!(event as never);
	return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('/api/v1/bluswater', () => {
	it('lists the fleet for a reader; 401 without a session; 403 without the role', async () => {
		const ok = await call(unitsRoute.GET, { user: waarnemer, method: 'GET' });
		expect(ok.status).toBe(200);
		expect(ok.body.units).toHaveLength(10);
		expect((await call(unitsRoute.GET, { user: null, method: 'GET' })).status).toBe(401);
		// Every crisis discipline reads the board (issue 15); a permit officer does not.
		const permits = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
		const refused = await call(unitsRoute.GET, { user: permits, method: 'GET' });
		expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: 'Je hebt geen toegang tot het bluswaterbord.' } } });
	});

	it('a negative demand is a 400 naming demandLpm, in Dutch', async () => {
		const res = await call(requestsRoute.POST, { params: { id: crisis.id }, body: { place: 'Hoofdweg 1', demandLpm: -500 } });
		expect(res.status).toBe(400);
		expect(res.body.error).toMatchObject({
			code: 'validation_failed',
			message: 'De invoer is niet geldig: demandLpm: De waterbehoefte moet groter zijn dan 0 l/min.',
			fields: [{ field: 'demandLpm', message: 'De waterbehoefte moet groter zijn dan 0 l/min.' }]
		});
	});

	it('refuses a body that is not JSON (415) or not valid JSON (400)', async () => {
		expect((await call(requestsRoute.POST, { params: { id: crisis.id }, body: 'place=x', contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
		expect((await call(requestsRoute.POST, { params: { id: crisis.id }, body: '{"place":' })).body.error.code).toBe('invalid_json');
	});

	it('creates a request (201), assigns a unit (201) and refuses it twice (409)', async () => {
		const created = await call(requestsRoute.POST, { params: { id: crisis.id }, body: { place: 'Hoofdweg 1' } });
		expect(created).toMatchObject({ status: 201, body: { demandLpm: 500, targetSource: 'gemeente', version: 1 } });
		const unit = await unitByCode(t.db, 'WTW 12-3');
		const assigned = await call(assignmentsRoute.POST, { params: { id: created.body.id }, body: { unitId: unit.id } });
		expect(assigned.status).toBe(201);
		expect(assigned.body.assignments).toHaveLength(1);
		const twice = await call(assignmentsRoute.POST, { params: { id: created.body.id }, body: { unitId: unit.id } });
		expect(twice).toMatchObject({ status: 409, body: { error: { code: 'unit_busy', message: 'WTW 12-3 is al ingezet op dit waterverzoek.' } } });

		const listed = await call(requestsRoute.GET, { params: { id: crisis.id }, method: 'GET' });
		const request = listed.body.requests.find((r: { id: string }) => r.id === created.body.id);
		// Rijsenhout to the centre of Haarlemmermeer: the unit is alarmed, its water on the way.
		expect(request.water.picture).toMatchObject({ litresOnScene: 0, litresOnTheWay: 17_000, gauge: 'rood' });
		expect(request.water.picture.warning).toMatch(/^Nog geen water ter plaatse; WTW 12-3 is er over \d+ min\.$/);

		const released = await call(assignmentRoute.DELETE, { params: { id: assigned.body.assignments[0].id }, method: 'DELETE' });
		expect(released.status).toBe(200);
		expect(released.body.assignments[0].endedAt).not.toBeNull();
	});

	it('PATCH status: an unknown status is 400, a stale version 409 with `current`, unknown unit 404', async () => {
		const unit = await unitByCode(t.db, 'WTW 12-5');
		const unknown = await call(statusRoute.PATCH, { params: { id: unit.id }, body: { version: unit.version, status: 'kwijt' }, method: 'PATCH' });
		expect(unknown.status).toBe(400);
		expect(unknown.body.error.fields[0]).toMatchObject({ field: 'status' });
		expect(unknown.body.error.message).toMatch(/Deze status bestaat niet/);

		const ok = await call(statusRoute.PATCH, { params: { id: unit.id }, body: { version: unit.version, status: 'buiten_dienst' }, method: 'PATCH' });
		expect(ok).toMatchObject({ status: 200, body: { status: 'buiten_dienst', version: unit.version + 1 } });
		const stale = await call(statusRoute.PATCH, { params: { id: unit.id }, body: { version: unit.version, status: 'beschikbaar' }, method: 'PATCH' });
		expect(stale).toMatchObject({ status: 409, body: { error: { code: 'version_conflict' }, current: { status: 'buiten_dienst' } } });

		const detail = await call(unitRoute.GET, { user: waarnemer, params: { id: unit.id }, method: 'GET' });
		expect(detail.body.history[0]).toMatchObject({ from: 'beschikbaar', to: 'buiten_dienst' });

		const missing = await call(statusRoute.PATCH, { params: { id: 'geen-id' }, body: { version: 1, status: 'beschikbaar' }, method: 'PATCH' });
		expect(missing.status).toBe(404);
	});

	it('is described in the OpenAPI document', () => {
		const doc = openApiDocument('http://localhost:3000');
		expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/bluswater/units', '/api/v1/bluswater/units/{id}/status', '/api/v1/bluswater/incidents/{id}/requests']));
		const input = doc.components.schemas.WaterRequestInput as { properties: Record<string, { default?: number }>; required: string[] };
		expect(input.required).toEqual(['place']);
		expect(input.properties.demandLpm?.default).toBe(500);
		expect(() => JSON.stringify(doc)).not.toThrow();
	});

	it('answers an unsupported method with 405', async () => {
		expect((await call(unitsRoute.fallback, { method: 'DELETE' })).status).toBe(405);
	});
});
