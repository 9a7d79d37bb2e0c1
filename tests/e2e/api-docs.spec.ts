// The API as the Logius API Design Rules see it, over real HTTP against the production build:
// every operation of the OpenAPI document answers with the API-Version header and, when it
// refuses, with a Dutch problem answer — also the framework's own refusals (unknown address,
// wrong method, too large, wrong media type) and the exports; and /api/docs shows the same
// document in Chromium with assets from Paraat itself.
import { test, expect, type APIResponse } from '@playwright/test';
import { apiLogin } from './support/app';
import { BASE_URL, demoEmail } from './support/env';
import { problemTitle } from '../../src/lib/server/http/problem';

const ANY_ID = '00000000-0000-4000-8000-000000000000';

interface OpenApi {
	info: { version: string };
	paths: Record<string, Record<string, unknown>>;
}

async function expectProblem(response: APIResponse, status: number, code?: string) {
	expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
	const headers = response.headers();
	expect(headers['content-type']).toBe('application/problem+json');
	expect(headers['api-version']).toMatch(/^\d+\.\d+\.\d+$/);
	const body = (await response.json()) as { type: string; title: string; status: number; detail: string; code: string };
	expect(body.status).toBe(status);
	expect(body.title).toBe(problemTitle(status)); // the Dutch title of the status
	expect(body.type).toBe(`urn:paraat:probleem:${body.code}`);
	if (code) expect(body.code).toBe(code);
	// Dutch, not the framework's English.
	expect(body.detail.length).toBeGreaterThan(10);
	expect(body.detail).not.toMatch(/\b(not found|method not allowed|payload too large|content too large|unauthorized)\b/i);
}

/** A concrete address for a documented path: ids filled in, the step of a Bibob file named. */
function concrete(route: string): string {
	return route.replace(/\{step\}/g, 'parties').replace(/\{municipality\}/g, 'haarlem').replace(/\{section\}/g, 'samenvatting').replace(/\{number\}/g, '1').replace(/\{[^}]+\}/g, ANY_ID);
}

test.describe('API Design Rules over HTTP', () => {
	test('every documented operation answers with API-Version; without a session every refusal is a Dutch problem', async ({ request }) => {
		const doc = (await (await request.get('/api/v1/openapi.json')).json()) as OpenApi;
		let checked = 0;
		for (const [route, operations] of Object.entries(doc.paths)) {
			if (!route.startsWith('/api/v1/')) continue;
			for (const method of Object.keys(operations).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))) {
				const response = await request.fetch(concrete(route), { method, data: method === 'get' || method === 'delete' ? undefined : {} });
				expect(response.headers()['api-version'], `${method} ${route}`).toBe(doc.info.version);
				if (response.status() >= 400) await expectProblem(response, response.status());
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(80);
	});

	test('the framework\'s own refusals: 404, 405, 413, 415, 401 — and 404 for an id that is no id', async ({ request }) => {
		await expectProblem(await request.get('/api/v1/bestaat-niet'), 404, 'not_found');
		await expectProblem(await request.get('/api/v1/incidents/geen-uuid'), 404, 'not_found');
		await expectProblem(await request.delete('/api/v1/me'), 405, 'method_not_allowed');
		await expectProblem(await request.fetch('/api/v1/openapi.json', { method: 'PUT', data: {} }), 405, 'method_not_allowed');
		// Over the API's own limit (64 kB); far over the server's body limit (512 kB) at the end.
		await expectProblem(await request.post('/api/v1/session', { data: { email: 'x'.repeat(70 * 1024), password: 'y' } }), 413, 'payload_too_large');
		await expectProblem(await request.post('/api/v1/session', { headers: { 'content-type': 'application/xml' }, data: '<login/>' }), 415, 'unsupported_media_type');
		await expectProblem(await request.get('/api/v1/me'), 401, 'unauthenticated');
		await expectProblem(await request.get('/api/v1/calendar.ics?sleutel=onbekend'), 401, 'invalid_feed_key');
		// Last: the server answers before reading such a body and then closes the connection.
		await expectProblem(await request.post('/api/v1/session', { headers: { 'content-type': 'application/json' }, data: 'x'.repeat(2 * 1024 * 1024) }), 413, 'payload_too_large');
	});

	test('exports carry API-Version too: CSV, Excel, ICS and PDF', async ({ request }) => {
		await apiLogin(request, demoEmail('crisisteam', 'haarlem'));
		const incidents = (await (await request.get('/api/v1/incidents')).json()) as { incidents: { id: string }[] };
		const incident = incidents.incidents[0]!.id;
		for (const [path, type] of [
			['/api/v1/calendar.csv', 'text/csv; charset=utf-8'],
			['/api/v1/calendar.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
			['/api/v1/calendar.ics', 'text/calendar; charset=utf-8'],
			[`/api/v1/incidents/${incident}/timeline/csv`, 'text/csv; charset=utf-8'],
			[`/api/v1/incidents/${incident}/timeline/xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
			[`/api/v1/incidents/${incident}/timeline/pdf`, 'application/pdf']
		] as const) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			expect(response.headers()['content-type'], path).toBe(type);
			expect(response.headers()['api-version'], path).toMatch(/^\d+\.\d+\.\d+$/);
		}
	});
});

test('/api/docs shows the OpenAPI document in Chromium, from Paraat alone, within its CSP', async ({ page }) => {
	const foreign: string[] = [];
	const problems: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith(BASE_URL) && !r.url().startsWith('data:')) foreign.push(r.url());
	});
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(m.text());
	});
	page.on('pageerror', (e) => problems.push(e.message));
	const response = await page.goto('/api/docs');
	expect(response!.status()).toBe(200);
	expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
	await expect(page).toHaveTitle('API-documentatie — Paraat');
	await expect(page.getByRole('heading', { level: 1, name: 'API-documentatie van Paraat (v1)' })).toBeVisible();
	// Swagger UI rendered the document: its title with the version, the changelog, the operations.
	await expect(page.locator('.swagger-ui .info .title')).toContainText('Paraat API', { timeout: 20_000 });
	await expect(page.locator('.swagger-ui .info')).toContainText('Wijzigingslog');
	const operation = page.locator('.opblock').filter({ hasText: '/api/v1/risicoscan' }).first();
	await expect(operation).toBeVisible();
	await operation.locator('.opblock-summary').click();
	await expect(page.locator('.opblock-body').first()).toContainText('application/problem+json');
	expect(foreign).toEqual([]);
	expect(problems).toEqual([]);
});
