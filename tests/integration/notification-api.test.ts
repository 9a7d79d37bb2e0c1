// The notification API routes, called as SvelteKit calls them: push subscriptions (only a push
// service's https address; a 400 in Dutch naming the wrong field, never a 500), the public VAPID
// key made once and kept, the user's choices, and the outbox for the regional beheerder only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { queueNotifications, htmlFromText } from '../../src/lib/server/notifications/notification-outbox.ts';
import { openApiDocument } from '../../src/lib/server/http/openapi.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import * as subscriptionsRoute from '../../src/routes/api/v1/push-subscriptions/+server.ts';
import * as publicKeyRoute from '../../src/routes/api/v1/push-subscriptions/public-key/+server.ts';
import * as preferencesRoute from '../../src/routes/api/v1/notification-preferences/+server.ts';
import * as outboxRoute from '../../src/routes/api/v1/outbox/+server.ts';
import * as retryRoute from '../../src/routes/api/v1/outbox/[id=uuid]/retry/+server.ts';

let t: TestDatabase;
let anna: SessionUser;
let regionBeheerder: SessionUser;
let haarlemBeheerder: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	anna = await createUser(t.db, { name: 'Anna', grants: [{ role: 'bevolkingszorg', municipality: 'haarlem' }] });
	regionBeheerder = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: null }] });
	haarlemBeheerder = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: 'haarlem' }] });
});

afterAll(async () => {
	await t?.drop();
});

type Handler = (event: never) => Promise<Response> | Response;

async function call(handler: Handler | undefined, options: { user: SessionUser | null; params?: Record<string, string>; body?: unknown; method?: string; query?: string }) {
	const init: RequestInit = { method: options.method ?? 'POST' };
	if (options.body !== undefined) {
		init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		init.headers = { 'content-type': 'application/json', 'user-agent': 'vitest' };
	}
	const url = `http://paraat.test/api${options.query ?? ''}`;
	const event = { locals: { ...requestLocals(t.db), user: options.user }, params: options.params ?? {}, request: new Request(url, init), url: new URL(url), getClientAddress: () => '192.0.2.1' };
	const response = await handler!(event as never);
	const text = await response.text();
	return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const KEYS = { p256dh: 'B' + 'A'.repeat(86), auth: 'AAAAAAAAAAAAAAAAAAAAAA' };

describe('/api/v1/push-subscriptions', () => {
	it('stores this browser’s subscription (201), renews it, and removes it (204, then 404)', async () => {
		const endpoint = 'https://fcm.googleapis.com/fcm/send/abc123';
		const created = await call(subscriptionsRoute.POST, { user: anna, body: { endpoint, keys: KEYS, expirationTime: null } });
		expect(created).toMatchObject({ status: 201, body: { devices: 1 } });
		const again = await call(subscriptionsRoute.POST, { user: anna, body: { endpoint, keys: KEYS } });
		expect(again).toMatchObject({ status: 201, body: { id: created.body.id, devices: 1 } });
		expect(await t.db.selectFrom('pushSubscription').select(['userId', 'userAgent']).execute()).toEqual([{ userId: anna.id, userAgent: 'vitest' }]);
		expect((await call(subscriptionsRoute.DELETE, { user: anna, method: 'DELETE', body: { endpoint } })).status).toBe(204);
		const gone = await call(subscriptionsRoute.DELETE, { user: anna, method: 'DELETE', body: { endpoint } });
		expect(gone.status).toBe(404);
		expect(gone.body.detail).toContain('geen pushabonnement');
	});

	it('refuses bad input with 400 in Dutch naming the field, never a 500, and writes nothing', async () => {
		const cases: [unknown, string][] = [
			[{ endpoint: 'http://push.example.org/x', keys: KEYS }, 'endpoint'],
			[{ endpoint: 'https://10.0.0.1/x', keys: KEYS }, 'endpoint'],
			[{ endpoint: 'https://push.example.org/x', keys: { p256dh: 'kort', auth: KEYS.auth } }, 'keys.p256dh'],
			[{ endpoint: 'https://push.example.org/x' }, 'keys'],
			[{ keys: KEYS }, 'endpoint'],
			['niet eens json', '(body)']
		];
		for (const [body, field] of cases) {
			const answer = await call(subscriptionsRoute.POST, { user: anna, body });
			expect(answer.status, JSON.stringify(body)).toBe(400);
			if (field !== '(body)') expect(answer.body['invalid-params'] ?? answer.body.invalidParams ?? answer.body.error?.fields, JSON.stringify(answer.body)).toBeTruthy();
			expect(JSON.stringify(answer.body)).toMatch(field === '(body)' ? /JSON/ : new RegExp(field.replace('.', '\\.')));
		}
		expect(await t.db.selectFrom('pushSubscription').select('id').execute()).toEqual([]);
		expect((await call(subscriptionsRoute.POST, { user: null, body: { endpoint: 'https://push.example.org/x', keys: KEYS } })).status).toBe(401);
	});

	it('gives the public VAPID key, made once and the same on every call', async () => {
		const first = await call(publicKeyRoute.GET, { user: anna, method: 'GET' });
		expect(first.status).toBe(200);
		expect(Buffer.from(first.body.publicKey, 'base64url')).toHaveLength(65);
		expect((await call(publicKeyRoute.GET, { user: anna, method: 'GET' })).body.publicKey).toBe(first.body.publicKey);
		expect(await t.db.selectFrom('vapidKey').select('publicKey').execute()).toEqual([{ publicKey: first.body.publicKey }]);
		expect((await call(publicKeyRoute.GET, { user: null, method: 'GET' })).status).toBe(401);
	});
});

describe('/api/v1/notification-preferences', () => {
	it('reads the defaults, changes some, and refuses a choice for alerts', async () => {
		const defaults = await call(preferencesRoute.GET, { user: anna, method: 'GET' });
		expect(defaults.body.preferences).toHaveLength(4);
		expect(defaults.body.preferences.every((p: { email: boolean; push: boolean }) => p.email && p.push)).toBe(true);
		const changed = await call(preferencesRoute.PUT, { user: anna, method: 'PUT', body: { preferences: [{ category: 'task_assigned', email: false, push: true }] } });
		expect(changed.status).toBe(200);
		expect(changed.body.preferences).toContainEqual({ category: 'task_assigned', email: false, push: true });
		expect(changed.body.preferences).toContainEqual({ category: 'advice_requested', email: true, push: true });
		const alert = await call(preferencesRoute.PUT, { user: anna, method: 'PUT', body: { preferences: [{ category: 'alert', email: false, push: false }] } });
		expect(alert.status).toBe(400);
		expect(JSON.stringify(alert.body)).toContain('alarmeringen komen altijd');
		const twice = await call(preferencesRoute.PUT, { user: anna, method: 'PUT', body: { preferences: [{ category: 'task_assigned', email: true, push: true }, { category: 'task_assigned', email: false, push: true }] } });
		expect(twice.status).toBe(400);
	});
});

describe('/api/v1/outbox', () => {
	it('shows the regional beheerder subject, recipient and state without the body; others get 403', async () => {
		await queueNotifications(t.db, [{ userId: anna.id, category: 'alert', subject: 'Alarmering test', text: 'Geheime inhoud', html: htmlFromText('Geheime inhoud'), url: '/' }]);
		const list = await call(outboxRoute.GET, { user: regionBeheerder, method: 'GET' });
		expect(list.status).toBe(200);
		expect(list.body.messages[0]).toMatchObject({ recipient: 'Anna', subject: 'Alarmering test', status: 'wachtend', channel: 'email' });
		expect(JSON.stringify(list.body)).not.toContain('Geheime inhoud');
		expect((await call(outboxRoute.GET, { user: haarlemBeheerder, method: 'GET' })).status).toBe(403);
		expect((await call(outboxRoute.GET, { user: anna, method: 'GET' })).status).toBe(403);
		expect((await call(outboxRoute.GET, { user: regionBeheerder, method: 'GET', query: '?status=kwijt' })).status).toBe(400);
		const waiting = list.body.messages[0].id as string;
		expect((await call(retryRoute.POST, { user: regionBeheerder, params: { id: waiting } })).status).toBe(404);
		await t.db.updateTable('notificationOutbox').set({ status: 'mislukt' }).where('id', '=', waiting).execute();
		expect((await call(retryRoute.POST, { user: haarlemBeheerder, params: { id: waiting } })).status).toBe(403);
		expect((await call(retryRoute.POST, { user: regionBeheerder, params: { id: waiting } })).status).toBe(204);
	});

	it('is in the OpenAPI document', () => {
		const doc = openApiDocument('http://localhost:3000') as unknown as { paths: Record<string, Record<string, unknown>> };
		for (const path of ['/api/v1/push-subscriptions', '/api/v1/push-subscriptions/public-key', '/api/v1/notification-preferences', '/api/v1/outbox', '/api/v1/outbox/{id}/retry']) {
			expect(doc.paths, path).toHaveProperty([path]);
		}
	});
});
