// Nothing half-written: a refused request leaves no record, no audit line and no realtime event.
// Representative refusals from issue 14 (a NUL in text, a lone surrogate, integers beyond
// PostgreSQL's `integer`, a non-object body), called as SvelteKit calls the routes, against real
// PostgreSQL; each answers a Dutch 400 in the problem format naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import { createTask } from '../../src/lib/server/tasks/task-service.ts';
import * as noticesRoute from '../../src/routes/api/v1/notices/+server.ts';
import * as incidentsRoute from '../../src/routes/api/v1/incidents/+server.ts';
import * as sectionRoute from '../../src/routes/api/v1/incidents/[id=uuid]/picture/[section]/+server.ts';
import * as notesRoute from '../../src/routes/api/v1/tasks/[id=uuid]/notes/+server.ts';
import * as waterRoute from '../../src/routes/api/v1/bluswater/incidents/[id=uuid]/requests/+server.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { makeIncident } from '../support/incident-fixtures.ts';
import { englishIn } from '../support/english.ts';

const TABLES = ['notice', 'incident', 'situation_section', 'task', 'task_note', 'water_request', 'audit_log', 'realtime_event'] as const;

let t: TestDatabase;
let crisis: SessionUser;
let incident: IncidentRecord;
let taskId: string;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url; // getDb() of the routes
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: null }] });
	incident = await makeIncident(t.db, crisis, { title: 'Brand Spaarne' });
	const task = await createTask(t.db, crisis, incident.id, { process: 'publieke_zorg', title: 'Opvang regelen' }, { ip: null });
	taskId = task.id;
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

async function counts(): Promise<Record<string, number>> {
	const result: Record<string, number> = {};
	for (const table of TABLES) {
		const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db);
		result[table] = Number(rows[0]!.n);
	}
	return result;
}

type Handler = (event: never) => Response | Promise<Response>;

async function post(handler: Handler | undefined, params: Record<string, string>, rawBody: string, method = 'POST') {
	const url = new URL('http://localhost/api/v1/test');
	const request = new Request(url, { method, headers: { 'content-type': 'application/json' }, body: rawBody });
	const event = { locals: { ...requestLocals(t.db), user: crisis, session: null, requestId: 'test' }, params, url, request, getClientAddress: () => '192.0.2.7' };
	const response = await handler!(event as never);
	return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as Record<string, unknown> };
}

describe('refused input leaves nothing behind', () => {
	const cases: [string, () => { handler: Handler | undefined; params: Record<string, string>; body: string; method?: string }, string][] = [
		['a notice with a NUL', () => ({ handler: noticesRoute.POST, params: {}, body: '{"text":"Let op\\u0000"}' }), 'text'],
		['a notice whose body is null', () => ({ handler: noticesRoute.POST, params: {}, body: 'null' }), '(body)'],
		['an incident with affectedPeople 2147483648', () => ({ handler: incidentsRoute.POST, params: {}, body: JSON.stringify({ title: 'Brand haven', kind: 'crisis', municipalities: ['haarlem'], affectedPeople: 2_147_483_648 }) }), 'affectedPeople'],
		['an incident with a NUL in its location', () => ({ handler: incidentsRoute.POST, params: {}, body: JSON.stringify({ title: 'Brand haven', kind: 'crisis', municipalities: ['haarlem'], location: 'Kade\u0000' }) }), 'location'],
		['a picture section with version 2147483648', () => ({ handler: sectionRoute.PUT, params: { id: incident.id, section: 'samenvatting' }, body: '{"text":"Brand","version":2147483648}', method: 'PUT' }), 'version'],
		['a task note with a lone surrogate', () => ({ handler: notesRoute.POST, params: { id: taskId }, body: '{"text":"Bel \\ud800 terug"}' }), 'text'],
		['a water request with a NUL in its place', () => ({ handler: waterRoute.POST, params: { id: incident.id }, body: '{"place":"Grote Markt\\u0000","demandLpm":1000}' }), 'place']
	];

	it.each(cases)('%s', async (_, make, field) => {
		const before = await counts();
		const { handler, params, body, method } = make();
		const answer = await post(handler, params, body, method);

		expect(answer.status).toBe(400);
		expect(answer.type).toBe('application/problem+json');
		expect(answer.body).toMatchObject({ status: 400, code: 'validation_failed', title: 'Ongeldig verzoek', error: { code: 'validation_failed' } });
		const invalid = answer.body.invalidParams as { name: string; reason: string }[];
		expect(invalid.map((p) => p.name)).toContain(field);
		for (const p of invalid) expect(englishIn(p.reason), p.reason).toBeNull();
		expect(englishIn(String(answer.body.detail))).toBeNull();

		expect(await counts()).toEqual(before);
	});
});
