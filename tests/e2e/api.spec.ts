// Contract of the JSON API (/api/v1): status codes, errors as problem details (with the
// earlier { error: { code, message } } member kept beside them), the session cookie and the
// origin check. Every test gets a fresh `request` context.
import { test, expect, type APIResponse } from '@playwright/test';
import { apiLogin } from './support/app';
import { BASE_URL, DEMO_PASSWORD, demoEmail } from './support/env';

interface ApiErrorBody {
	type: string;
	title: string;
	status: number;
	detail: string;
	code: string;
	invalidParams?: { name: string; reason: string; code?: string }[];
	error: { code: string; message: string; fields?: { field: string; message: string }[] };
}

async function expectApiError(response: APIResponse, status: number, code: string): Promise<ApiErrorBody['error']> {
	expect(response.status(), await response.text()).toBe(status);
	expect(response.headers()['content-type']).toBe('application/problem+json');
	expect(response.headers()['api-version']).toMatch(/^\d+\.\d+\.\d+$/);
	const body = (await response.json()) as ApiErrorBody;
	expect(body).toEqual(
		expect.objectContaining({ type: `urn:paraat:probleem:${code}`, title: expect.any(String), status, detail: expect.any(String), code, error: expect.objectContaining({ code, message: body.detail }) })
	);
	expect(body.error.message.length).toBeGreaterThan(0);
	if (body.invalidParams) expect(body.error.fields).toEqual(body.invalidParams.map((p) => ({ field: p.name, message: p.reason })));
	return body.error;
}

function sessionCookieHeader(response: APIResponse): string {
	const cookies = response
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value);
	const session = cookies.find((c) => c.startsWith('paraat_sessie='));
	expect(session, `Set-Cookie: ${cookies.join(' | ')}`).toBeDefined();
	return session!;
}

test.describe('API /api/v1', () => {
	test('inloggen geeft 200 met de gebruiker en een httpOnly SameSite=Lax sessiecookie', async ({ request }) => {
		const email = demoEmail('vergunningverlener', 'bloemendaal');
		const response = await request.post('/api/v1/session', { data: { email, password: DEMO_PASSWORD } });
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('application/json');

		const body = (await response.json()) as { user: { email: string; name: string; roles: { role: string; municipality: string }[] }; expiresAt: string };
		expect(body.user.email).toBe(email);
		expect(body.user.name).toEqual(expect.any(String));
		expect(body.user.roles).toContainEqual(expect.objectContaining({ role: 'vergunningverlener', municipality: 'bloemendaal' }));
		expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());

		const cookie = sessionCookieHeader(response);
		expect(cookie).toMatch(/;\s*HttpOnly(;|$)/i);
		expect(cookie).toMatch(/;\s*SameSite=Lax(;|$)/i);
		expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
		expect(cookie).not.toMatch(/paraat_sessie=;/); // a real token

		// The cookie works: /me answers for this user.
		const me = await request.get('/api/v1/me');
		expect(me.status()).toBe(200);
		expect(((await me.json()) as { email: string }).email).toBe(email);
	});

	test('een verkeerd wachtwoord geeft 401 met { error: { code, message } }', async ({ request }) => {
		const response = await request.post('/api/v1/session', {
			data: { email: demoEmail('bibob', 'heemskerk'), password: 'niet-het-wachtwoord' }
		});
		const error = await expectApiError(response, 401, 'invalid_credentials');
		expect(error.message).toBe('Onjuist e-mailadres of wachtwoord.');
		expect(response.headersArray().some((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('paraat_sessie=') && !/Max-Age=0|paraat_sessie=;/i.test(h.value))).toBe(false);
	});

	test('ongeldige JSON geeft 400', async ({ request }) => {
		const response = await request.post('/api/v1/session', {
			headers: { 'content-type': 'application/json' },
			// A Buffer is sent byte for byte (a string would be JSON-encoded by Playwright).
			data: Buffer.from('{"email": "crisisteam@paraat.test", "password": ')
		});
		await expectApiError(response, 400, 'invalid_json');
	});

	test('velden van het verkeerde type geven 400 met de namen van die velden', async ({ request }) => {
		const response = await request.post('/api/v1/session', { data: { email: 42, password: ['paraat-demo'] } });
		const error = await expectApiError(response, 400, 'validation_failed');
		const fields = (error.fields ?? []).map((f) => f.field);
		expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
		expect(error.message).toContain('email');
		expect(error.message).toContain('password');

		// The same for a notice, by someone allowed to post.
		await apiLogin(request, demoEmail('crisisteam', 'haarlem'));
		const notice = await request.post('/api/v1/notices', { data: { text: 12, severity: 'heel erg' } });
		const noticeError = await expectApiError(notice, 400, 'validation_failed');
		expect((noticeError.fields ?? []).map((f) => f.field)).toEqual(expect.arrayContaining(['text', 'severity']));
	});

	test('GET /api/v1/me zonder sessie geeft 401', async ({ request }) => {
		const response = await request.get('/api/v1/me');
		await expectApiError(response, 401, 'unauthenticated');
	});

	test('een onbekend API-adres geeft 404 in JSON', async ({ request }) => {
		const response = await request.get('/api/v1/bestaat-niet');
		const error = await expectApiError(response, 404, 'not_found');
		expect(error.message).toContain('/api/v1/bestaat-niet');
		await expectApiError(await request.post('/api/v1/bestaat/ook/niet', { data: {} }), 404, 'not_found');
	});

	test('een POST met een vreemde Origin geeft 403', async ({ request }) => {
		const login = await request.post('/api/v1/session', {
			headers: { origin: 'https://kwaadwillend.example' },
			data: { email: demoEmail('crisisteam', 'haarlem'), password: DEMO_PASSWORD }
		});
		await expectApiError(login, 403, 'foreign_origin');
		expect(login.headersArray().some((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('paraat_sessie=') && !/Max-Age=0|paraat_sessie=;/i.test(h.value))).toBe(false);

		// Also with a valid session: the session cookie alone does not make a cross-site post OK.
		await apiLogin(request, demoEmail('crisisteam', 'haarlem'));
		const notice = await request.post('/api/v1/notices', {
			headers: { origin: 'https://kwaadwillend.example' },
			data: { text: 'Dit mag niet geplaatst worden' }
		});
		await expectApiError(notice, 403, 'foreign_origin');

		// The app's own origin is fine.
		const own = await request.post('/api/v1/notices', {
			headers: { origin: BASE_URL },
			data: { text: 'Bericht vanaf de eigen herkomst (e2e)' }
		});
		expect(own.status(), await own.text()).toBe(201);
	});

	test('na DELETE /api/v1/session geeft /me 401, ook met het oude token', async ({ request, playwright }) => {
		const login = await request.post('/api/v1/session', {
			data: { email: demoEmail('brandweer', 'velsen'), password: DEMO_PASSWORD }
		});
		expect(login.status()).toBe(200);
		const token = /^paraat_sessie=([^;]+)/.exec(sessionCookieHeader(login))![1]!;
		expect((await request.get('/api/v1/me')).status()).toBe(200);

		const logout = await request.delete('/api/v1/session');
		expect(logout.status()).toBe(204);
		await expectApiError(await request.get('/api/v1/me'), 401, 'unauthenticated');

		// The server really ended the session: replaying the old cookie does not work either.
		const replay = await playwright.request.newContext({
			baseURL: BASE_URL,
			extraHTTPHeaders: { cookie: `paraat_sessie=${token}` }
		});
		try {
			await expectApiError(await replay.get('/api/v1/me'), 401, 'unauthenticated');
		} finally {
			await replay.dispose();
		}
	});

	test('GET /healthz geeft 200 (leeft), GET /readyz 200 met de controles', async ({ request }) => {
		const health = await request.get('/healthz');
		expect(health.status()).toBe(200);
		expect(await health.json()).toEqual({ status: 'ok' });
		const ready = await request.get('/readyz');
		expect(ready.status()).toBe(200);
		expect(await ready.json()).toMatchObject({ ready: true, checks: { database: { ok: true }, migrations: { ok: true }, realtime: { ok: true } } });
	});
});
