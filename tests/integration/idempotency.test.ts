// The idempotency store (migration 0026) on real PostgreSQL, and the two writes the offline queue
// sends with an `Idempotency-Key` (a task change, a log entry), called as SvelteKit calls them: a
// retry after a lost answer gets the first answer and writes nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import type { IncidentRecord } from '../../src/lib/server/incidents/incident-queries.ts';
import {
	claimIdempotencyKey,
	completeIdempotencyKey,
	IDEMPOTENCY_STALE_CLAIM_SECONDS,
	releaseIdempotencyKey
} from '../../src/lib/server/http/idempotency-store.ts';
import { newTaskInput } from '../../src/lib/server/tasks/task-input.ts';
import { createTask } from '../../src/lib/server/tasks/task-service.ts';
import * as taskRoute from '../../src/routes/api/v1/tasks/[id=uuid]/+server.ts';
import * as logRoute from '../../src/routes/api/v1/incidents/[id=uuid]/log/+server.ts';
import * as tasksRoute from '../../src/routes/api/v1/incidents/[id=uuid]/tasks/+server.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { makeIncident, parse } from '../support/incident-fixtures.ts';

let t: TestDatabase;
let crisis: SessionUser;
let other: SessionUser;
let incident: IncidentRecord;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
	other = await createUser(t.db, { name: 'Olaf Ander', grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
	incident = await makeIncident(t.db, crisis, { title: 'Stroomstoring Haarlem' });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

type Handler = (event: never) => Response | Promise<Response>;

async function call(handler: Handler, user: SessionUser, params: Record<string, string>, method: string, body: unknown, key?: string) {
	const url = new URL('http://localhost/api/v1/test');
	const request = new Request(url, {
		method,
		headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
		body: JSON.stringify(body)
	});
	const event = { locals: { ...requestLocals(t.db), user, session: null, requestId: 'test' }, params, url, request, getClientAddress: () => '192.0.2.7' };
	const response = await handler(event as never);
	return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: await response.json() };
}

const answer = (statusCode: number, body: string) => ({ statusCode, contentType: 'application/json', body });

describe('idempotency store', () => {
	it('claims a new key once, replays the stored answer, and refuses the key for another request', async () => {
		expect(await claimIdempotencyKey(t.db, crisis.id, 'sleutel-aaa-1', 'fp-1')).toEqual({ kind: 'claimed' });
		// While the first request is answered, a retry is told to wait.
		expect(await claimIdempotencyKey(t.db, crisis.id, 'sleutel-aaa-1', 'fp-1')).toEqual({ kind: 'in_progress' });
		await completeIdempotencyKey(t.db, crisis.id, 'sleutel-aaa-1', answer(201, '{"ok":1}'));
		expect(await claimIdempotencyKey(t.db, crisis.id, 'sleutel-aaa-1', 'fp-1')).toEqual({ kind: 'replay', statusCode: 201, contentType: 'application/json', body: '{"ok":1}' });
		expect(await claimIdempotencyKey(t.db, crisis.id, 'sleutel-aaa-1', 'fp-2')).toEqual({ kind: 'mismatch' });
		// Keys are per user: another user's identical key is a key of its own.
		expect(await claimIdempotencyKey(t.db, other.id, 'sleutel-aaa-1', 'fp-1')).toEqual({ kind: 'claimed' });
	});

	it('lets exactly one of many simultaneous requests claim a key', async () => {
		const claims = await Promise.all(Array.from({ length: 8 }, () => claimIdempotencyKey(t.db, crisis.id, 'sleutel-race-1', 'fp')));
		expect(claims.filter((c) => c.kind === 'claimed')).toHaveLength(1);
		expect(claims.filter((c) => c.kind === 'in_progress')).toHaveLength(7);
	});

	it('forgets a claim whose answer was a server error or that was released, so a retry may try again', async () => {
		await claimIdempotencyKey(t.db, crisis.id, 'sleutel-fout-1', 'fp');
		await completeIdempotencyKey(t.db, crisis.id, 'sleutel-fout-1', answer(503, '{}'));
		expect(await claimIdempotencyKey(t.db, crisis.id, 'sleutel-fout-1', 'fp')).toEqual({ kind: 'claimed' });
		await releaseIdempotencyKey(t.db, crisis.id, 'sleutel-fout-1');
		expect(await claimIdempotencyKey(t.db, crisis.id, 'sleutel-fout-1', 'fp')).toEqual({ kind: 'claimed' });
	});

	it('takes over an unanswered claim only once it is stale, and prunes keys older than a day', async () => {
		await claimIdempotencyKey(t.db, crisis.id, 'sleutel-oud-1', 'fp');
		await sql`update idempotency_key set claimed_at = now() - make_interval(secs => ${IDEMPOTENCY_STALE_CLAIM_SECONDS + 5}) where key = 'sleutel-oud-1'`.execute(t.db);
		expect(await claimIdempotencyKey(t.db, crisis.id, 'sleutel-oud-1', 'fp')).toEqual({ kind: 'claimed' });
		expect(await claimIdempotencyKey(t.db, crisis.id, 'sleutel-oud-1', 'fp')).toEqual({ kind: 'in_progress' });

		await claimIdempotencyKey(t.db, crisis.id, 'sleutel-dag-1', 'fp');
		await completeIdempotencyKey(t.db, crisis.id, 'sleutel-dag-1', answer(200, '{}'));
		await sql`update idempotency_key set claimed_at = now() - interval '25 hours' where key = 'sleutel-dag-1'`.execute(t.db);
		await claimIdempotencyKey(t.db, crisis.id, 'sleutel-ander-1', 'fp');
		const left = await t.db.selectFrom('idempotencyKey').select('key').where('key', '=', 'sleutel-dag-1').execute();
		expect(left).toEqual([]);
	});

	it('refuses a stored answer without its moment and a key of the wrong length (constraints)', async () => {
		await expect(sql`insert into idempotency_key (user_id, key, fingerprint, status_code) values (${crisis.id}, 'sleutel-cc-1', 'fp', 200)`.execute(t.db)).rejects.toThrow(/idempotency_key_answer_complete/);
		await expect(sql`insert into idempotency_key (user_id, key, fingerprint) values (${crisis.id}, 'kort', 'fp')`.execute(t.db)).rejects.toThrow(/check/);
	});
});

describe('the offline queue’s writes with an Idempotency-Key', () => {
	it('changes a task once: the retry gets the first answer, a stale version still gets 409', async () => {
		const task = await createTask(t.db, crisis, incident.id, parse(newTaskInput, { process: 'publieke_zorg', title: 'Noodstroom opvang' }), { ip: null });
		const change = { version: task.version, status: 'in_uitvoering' };
		const first = await call(taskRoute.PATCH as Handler, crisis, { id: task.id }, 'PATCH', change, 'taak-wijziging-0001');
		expect(first).toMatchObject({ status: 200, replayed: null, body: { status: 'in_uitvoering', version: task.version + 1 } });
		const retry = await call(taskRoute.PATCH as Handler, crisis, { id: task.id }, 'PATCH', change, 'taak-wijziging-0001');
		expect(retry).toMatchObject({ status: 200, replayed: 'true', body: first.body });
		const history = await t.db.selectFrom('taskChange').select('version').where('taskId', '=', task.id).execute();
		expect(history).toHaveLength(2); // created and the one change
		// A new key with the version it saw is an ordinary stale write: 409 with the current task.
		const stale = await call(taskRoute.PATCH as Handler, crisis, { id: task.id }, 'PATCH', change, 'taak-wijziging-0002');
		expect(stale.status).toBe(409);
		expect(stale.body.current).toMatchObject({ id: task.id, version: task.version + 1 });
		// The same key with another body is refused, in Dutch.
		const reused = await call(taskRoute.PATCH as Handler, crisis, { id: task.id }, 'PATCH', { ...change, status: 'gereed' }, 'taak-wijziging-0001');
		expect(reused.status).toBe(422);
		expect(reused.body.error.message).toBe('Deze Idempotency-Key is al gebruikt voor een ander verzoek.');
	});

	it('adds a log entry once, however often the same request arrives at once or later', async () => {
		const body = { kind: 'melding', discipline: 'algemeen', text: 'Stroom terug in Schalkwijk' };
		const answers = await Promise.all(Array.from({ length: 3 }, () => call(logRoute.POST as Handler, crisis, { id: incident.id }, 'POST', body, 'logregel-000000001')));
		const created = answers.find((a) => a.status === 201)!;
		expect(answers.filter((a) => a.status === 201 && a.replayed === null)).toHaveLength(1);
		for (const a of answers.filter((x) => x !== created)) expect([409, 201]).toContain(a.status);
		const later = await call(logRoute.POST as Handler, crisis, { id: incident.id }, 'POST', body, 'logregel-000000001');
		expect(later).toMatchObject({ status: 201, replayed: 'true', body: { id: created.body.id } });
		const rows = await t.db.selectFrom('logEntry').select('id').where('incidentId', '=', incident.id).where('text', '=', body.text).execute();
		expect(rows).toHaveLength(1);
	});

	it('creates a task once when its creation is retried', async () => {
		const body = { process: 'nafase', title: 'Aggregaten terugbrengen' };
		const first = await call(tasksRoute.POST as Handler, crisis, { id: incident.id }, 'POST', body, 'nieuwe-taak-000001');
		const retry = await call(tasksRoute.POST as Handler, crisis, { id: incident.id }, 'POST', body, 'nieuwe-taak-000001');
		expect(first).toMatchObject({ status: 201, replayed: null });
		expect(retry).toMatchObject({ status: 201, replayed: 'true', body: { id: first.body.id } });
		expect(await t.db.selectFrom('task').select('id').where('title', '=', body.title).execute()).toHaveLength(1);
	});

	it('answers a malformed key with a Dutch 400 and writes nothing; without a key nothing changes', async () => {
		const body = { kind: 'melding', discipline: 'algemeen', text: 'Sleutel te kort' };
		const bad = await call(logRoute.POST as Handler, crisis, { id: incident.id }, 'POST', body, 'kort');
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe('invalid_idempotency_key');
		expect(await t.db.selectFrom('logEntry').select('id').where('text', '=', body.text).execute()).toEqual([]);
		const plain = await call(logRoute.POST as Handler, crisis, { id: incident.id }, 'POST', body);
		expect(plain.status).toBe(201);
	});
});
