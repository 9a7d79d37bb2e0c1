// The request context: the hook puts every capability's services (bound to the database) and the
// request's audit context on `event.locals`, and a route's call through them reaches PostgreSQL
// with the caller's address in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { handle } from '../../src/hooks.server.ts';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { bindDb } from '../../src/lib/server/app/bind-db.ts';
import { createRequestServices } from '../../src/lib/server/app/request-services.ts';
import * as taskService from '../../src/lib/server/tasks/task-service.ts';
import { createTestDatabase, createUser, loginAs, type TestDatabase } from '../support/test-db.ts';

let t: TestDatabase;
let crisis: SessionUser;
let token: string;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url; // the hook's services look the database up through getDb()
	crisis = await createUser(t.db, { name: 'Chris Crisis', grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
	token = await loginAs(t.db, crisis);
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

function cookieJar(values: Record<string, string>): Cookies {
	const jar = new Map(Object.entries(values));
	return {
		get: (name: string) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name),
		serialize: (name: string, value: string) => `${name}=${value}`
	} as Cookies;
}

/** One request through the handle hook, as SvelteKit makes it; `route` plays the route. */
async function throughHook(path: string, cookies: Record<string, string>, route: (event: RequestEvent) => Promise<Response>) {
	const url = new URL(path, 'http://paraat.test');
	const event = {
		url,
		request: new Request(url),
		cookies: cookieJar(cookies),
		locals: {},
		params: {},
		route: { id: path },
		getClientAddress: () => '192.0.2.44'
	} as unknown as RequestEvent;
	return handle({ event, resolve: route as never });
}

describe('event.locals.services', () => {
	it('is built for every request, with the caller, the audit context and services that reach the database', async () => {
		let seen: App.Locals | undefined;
		const response = await throughHook('/crisis', { [SESSION_COOKIE]: token }, async ({ locals }) => {
			seen = locals;
			const incident = await locals.services.incidents.createIncident(locals.user!, { title: 'Brand Spaarne', kind: 'crisis', municipalities: ['haarlem'] }, locals.ctx);
			return Response.json(incident, { status: 201 });
		});
		expect(response.status).toBe(201);
		expect(seen?.user?.id).toBe(crisis.id); // the session was validated through the services too
		expect(seen?.ctx).toEqual({ ip: '192.0.2.44' });
		expect(Object.isFrozen(seen?.ctx)).toBe(true);

		const { id } = (await response.json()) as { id: string };
		const stored = await t.db.selectFrom('incident').select('title').where('id', '=', id).executeTakeFirstOrThrow();
		expect(stored.title).toBe('Brand Spaarne');
		const audit = await t.db.selectFrom('auditLog').select(['actorId', 'ip']).where('entityId', '=', id).execute();
		expect(audit.length).toBeGreaterThan(0);
		expect(audit.every((row) => row.actorId === crisis.id && row.ip === '192.0.2.44')).toBe(true);
	});

	it('is there for an anonymous request too, and is the same object on every request (built once)', async () => {
		const seen: App.Locals[] = [];
		for (let i = 0; i < 2; i++) {
			await throughHook('/inloggen', {}, async ({ locals }) => {
				seen.push(locals);
				return new Response('ok');
			});
		}
		const [first, second] = seen;
		expect(first?.user).toBeNull();
		expect(typeof first?.services.auth.login).toBe('function');
		expect(second?.services).toBe(first?.services);
	});

	it('binds every capability a route needs', () => {
		const services = createRequestServices(() => t.db);
		expect(Object.keys(services).sort()).toEqual(
			['advice', 'alerting', 'audit', 'auth', 'bibob', 'bluswater', 'calendar', 'events', 'home', 'idempotency', 'identity', 'incidents', 'injects', 'logbook', 'map', 'notices', 'notifications', 'realtime', 'safetyPlan', 'tasks', 'users'].sort()
		);
		expect(Object.isFrozen(services.tasks)).toBe(true);
	});
});

describe('bindDb', () => {
	it('passes the database first and the caller’s arguments after it', async () => {
		const tasks = bindDb(() => t.db, taskService);
		// A fresh user has no tasks; the query ran against the test database, not some other one.
		expect(await tasks.myTasks(crisis)).toEqual(await taskService.myTasks(t.db, crisis));
	});

	it('leaves out what does not take the database: error classes, constants', () => {
		const tasks = bindDb(() => t.db, taskService) as Record<string, unknown>;
		expect(tasks.TaskConflictError).toBeUndefined();
		expect(Object.values(tasks).every((value) => typeof value === 'function')).toBe(true);
	});

	it('refuses two modules of one capability that export the same name', () => {
		expect(() => bindDb(() => t.db, taskService, taskService)).toThrow(/myTasks|twee modules/);
	});
});
