// Fuzz test of issue 14: malformed bodies, paths, query strings and headers to every route in
// the OpenAPI document, broken and unstorable bodies to every page form action, and garbage
// socket messages, as the demo's regional waarnemer (allowed to read nearly everything, to
// write nothing: the fuzz never changes the demo that later specs use). Every answer: no 5xx,
// under /api/ the problem format with Dutch text, elsewhere Dutch. Cases come from fast-check
// with a fixed seed (see support/fuzz.ts); the whole file stays within about two minutes.
import { test, expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { apiLogin } from './support/app';
import { BASE_URL, demoEmail } from './support/env';
import { badQueryValue, badSegment, formActions, jsonBodies, judge, operationsOf, sample, unstorableText, type Operation } from './support/fuzz';
import { englishIn } from '../support/english';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let api: APIRequestContext;
let ops: Operation[];
const ids: Record<string, string> = {};
const NO_SUCH_ID = randomUUID();
const ORIGIN = { origin: BASE_URL };

/** Requests that would end the fuzz user's own session; everything else is fair game. */
const SKIPPED = new Set(['DELETE /api/v1/session']);

test.beforeAll(async () => {
	api = await playwrightRequest.newContext({ baseURL: BASE_URL });
	await apiLogin(api, demoEmail('waarnemer'));
	ops = operationsOf(await (await api.get('/api/v1/openapi.json')).json()).filter((op) => !SKIPPED.has(`${op.method} ${op.path}`));
	// Real ids make the routes go past "not found" to their validation and permission checks.
	const incidents = ((await (await api.get('/api/v1/incidents')).json()) as { incidents: { id: string }[] }).incidents;
	ids.incident = incidents[0]?.id ?? NO_SUCH_ID;
	const tasks = await api.get(`/api/v1/incidents/${ids.incident}/tasks`);
	ids.task = tasks.ok() ? (((await tasks.json()) as { tasks: { id: string }[] }).tasks[0]?.id ?? NO_SUCH_ID) : NO_SUCH_ID;
	const units = await api.get('/api/v1/bluswater/units');
	ids.unit = units.ok() ? (((await units.json()) as { units: { id: string }[] }).units[0]?.id ?? NO_SUCH_ID) : NO_SUCH_ID;
});

test.afterAll(async () => {
	await api?.dispose();
});

/** The path with real (or at least well-formed) values for its parameters. */
function concretePath(route: string): string {
	return route.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
		const before = route.slice(0, offset);
		if (name === 'id' && before.endsWith('/incidents/')) return ids.incident!;
		if (name === 'id' && before.endsWith('/tasks/')) return ids.task!;
		if (name === 'id' && before.endsWith('/units/')) return ids.unit!;
		if (name === 'municipality') return 'haarlem';
		if (name === 'section') return 'samenvatting';
		if (name === 'number') return '1';
		return NO_SUCH_ID;
	});
}

async function send(url: string, method: string, options: { headers?: Record<string, string>; body?: string | Buffer; as?: APIRequestContext } = {}): Promise<APIResponse> {
	return (options.as ?? api).fetch(url, { method, headers: { ...ORIGIN, ...options.headers }, data: options.body === undefined ? undefined : Buffer.from(options.body), maxRedirects: 0 });
}

async function expectNoViolations(run: (report: (what: string, problem: string | null) => void) => Promise<void>): Promise<number> {
	const violations: string[] = [];
	let checked = 0;
	await run((what, problem) => {
		checked++;
		if (problem) violations.push(`${what} → ${problem}`);
	});
	expect(violations.slice(0, 25), `${violations.length} van ${checked} antwoorden fout`).toEqual([]);
	// Still signed in: the cases above really ran as the waarnemer, not as a logged-out visitor.
	expect((await api.get('/api/v1/me')).status()).toBe(200);
	return checked;
}

test('malformed JSON bodies to every API route', async () => {
	const checked = await expectNoViolations(async (report) => {
		for (const [i, op] of ops.entries()) {
			if (op.method === 'GET') continue;
			// Login attempts count towards the rate limit: only bodies refused before any attempt.
			const alwaysRefused = op.path === '/api/v1/session';
			for (const body of jsonBodies(op.bodyProps, 10, i, alwaysRefused)) {
				const response = await send(concretePath(op.path), op.method, { headers: { 'content-type': 'application/json' }, body });
				report(`${op.method} ${op.path} ${JSON.stringify(body).slice(0, 80)}`, await judge(response, true));
			}
		}
	});
	expect(checked).toBeGreaterThan(300);
});

test('malformed paths and query strings to every API route', async () => {
	await expectNoViolations(async (report) => {
		for (const [i, op] of ops.entries()) {
			const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
			for (const param of params) {
				for (const segment of sample(badSegment, 3, 1000 + i)) {
					const url = concretePath(op.path.replace(`{${param}}`, '\u0001')).replace('\u0001', segment);
					const response = await send(url, op.method, op.method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' });
					report(`${op.method} ${url.slice(0, 120)}`, await judge(response, true));
				}
			}
			if (op.method !== 'GET') continue;
			const names = fc.constantFrom(...op.queryNames, 'limit', 'status', 'year', 'from', 'to', 'soort', 'gesloten', 'sleutel');
			const queries = sample(fc.array(fc.tuple(names, badQueryValue), { minLength: 1, maxLength: 3 }), 3, 2000 + i);
			for (const query of queries) {
				const url = `${concretePath(op.path)}?${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
				report(`GET ${url.slice(0, 120)}`, await judge(await send(url, 'GET'), true));
			}
		}
	});
});

test('odd headers to every API route', async () => {
	const variants: { name: string; headers: Record<string, string>; body?: string }[] = [
		{ name: 'JSON als UTF-16 aangekondigd', headers: { 'content-type': 'application/json; charset=utf-16' }, body: '{"text":"x"}' },
		{ name: 'multipart zonder boundary', headers: { 'content-type': 'multipart/form-data' }, body: 'x' },
		{ name: 'kapotte multipart', headers: { 'content-type': 'multipart/form-data; boundary=X' }, body: '--X\r\nbroken' },
		{ name: 'formulier met NUL', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=%00&version=2147483648' },
		{ name: 'tekst', headers: { 'content-type': 'text/plain' }, body: '\u0000' },
		{ name: 'HTML gevraagd', headers: { accept: 'text/html', 'content-type': 'application/json' }, body: 'null' },
		{ name: 'lange request-id', headers: { 'x-request-id': 'x'.repeat(4000) } },
		{ name: 'onzin-sessiecookie', headers: { cookie: 'paraat_sessie=%00%C0%AE' } },
		{ name: 'vreemde herkomst', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' }
	];
	// A bogus session cookie makes the server clear the cookie: sent from a context of its own.
	const stranger = await playwrightRequest.newContext({ baseURL: BASE_URL });
	try {
		await expectNoViolations(async (report) => {
			for (const [i, op] of ops.entries()) {
				for (const variant of sample(fc.constantFrom(...variants), 2, 3000 + i)) {
					const as = 'cookie' in variant.headers ? stranger : api;
					const response = await send(concretePath(op.path), op.method, { headers: variant.headers, body: op.method === 'GET' ? undefined : variant.body, as });
					report(`${op.method} ${op.path} (${variant.name})`, await judge(response, true));
				}
			}
		});
	} finally {
		await stranger.dispose();
	}
});

test('broken and unstorable bodies to every page form action', async () => {
	const actions = formActions();
	expect(actions.length, 'gevonden formulieracties').toBeGreaterThan(45);
	const enhanced = { 'x-sveltekit-action': 'true', accept: 'application/json' };
	await expectNoViolations(async (report) => {
		for (const [i, action] of actions.entries()) {
			if (action.route === '/uitloggen') continue; // would end the fuzz user's session
			const page = action.route.replace('[id=uuid]', action.route.startsWith('/crisis') ? ids.incident! : NO_SUCH_ID).replace('[number=int]', '1');
			const url = action.name === 'default' ? page : `${page}?/${action.name}`;
			const label = `${action.route} ?/${action.name}`;

			const broken = await send(url, 'POST', { headers: { ...enhanced, 'content-type': 'multipart/form-data; boundary=X' }, body: '--X\r\nbroken' });
			report(`${label} kapotte multipart`, broken.status() === 400 ? await judge(broken, false) : `status ${broken.status()} in plaats van 400`);

			// A form is sent as UTF-8, which has no lone surrogates (they arrive as U+FFFD): NUL is the case here.
			const [field, text] = sample(fc.tuple(fc.constantFrom(...action.fields), unstorableText.filter((t) => t.includes('\u0000'))), 1, 4000 + i)[0]!;
			const form = new URLSearchParams(action.fields.map((f) => [f, f === field ? text : '1']));
			const unstorable = await send(url, 'POST', { headers: { ...enhanced, 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
			report(`${label} ${field} onopslaanbaar`, unstorable.status() === 400 ? await judge(unstorable, false) : `status ${unstorable.status()} in plaats van 400`);

			if (action.route.startsWith('/inloggen')) continue; // a login attempt would count towards the rate limit
			const values = sample(fc.constantFrom('2147483648', '-1', '1e400', '', 'x'.repeat(5000), '9999-99-99', 'NaN', '1,5', 'regio', 'on'), action.fields.length, 5000 + i);
			const odd = new URLSearchParams(action.fields.map((f, j) => [f, values[j]!]));
			const confused = await send(url, 'POST', { headers: { ...enhanced, 'content-type': 'application/x-www-form-urlencoded' }, body: odd.toString() });
			report(`${label} vreemde waarden`, await judge(confused, false));
		}
	});

	// Without JavaScript the refusal is a Dutch page, and the login form refuses a NUL likewise.
	const page = await send('/crisis?/aanmaken', 'POST', { headers: { 'content-type': 'multipart/form-data; boundary=X' }, body: '--X\r\nbroken' });
	expect(page.status()).toBe(400);
	expect(await page.text()).toContain('lang="nl"');
	const login = await send('/inloggen', 'POST', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=%00&password=x' });
	expect(login.status()).toBe(400);
	expect(await login.text()).toContain('niet kan worden opgeslagen');
});

test('mistyped and overflowing values reach the database as a writer, on an exercise of its own', async () => {
	// The waarnemer's writes stop at the permission check; values that pass a schema only meet
	// PostgreSQL when someone may write. The crisis team gets a fresh exercise, fuzzes the routes
	// of that exercise, and closes and archives it afterwards, so it leaves every list.
	const writer = await playwrightRequest.newContext({ baseURL: BASE_URL });
	try {
		await apiLogin(writer, demoEmail('crisisteam'));
		const created = await writer.post('/api/v1/incidents', { headers: ORIGIN, data: { title: `Fuzzoefening ${Date.now()}`, kind: 'oefening', municipalities: ['haarlem'] } });
		expect(created.status()).toBe(201);
		const incident = ((await created.json()) as { id: string }).id;
		const task = await writer.post(`/api/v1/incidents/${incident}/tasks`, { headers: ORIGIN, data: { process: 'publieke_zorg', title: 'Fuzztaak' } });
		expect(task.status()).toBe(201);
		const taskId = ((await task.json()) as { id: string }).id;

		const scoped = ops.filter(
			(op) => op.method !== 'GET' && /^\/api\/v1\/(incidents\/\{id\}|tasks\/\{id\}|bluswater\/incidents\/\{id\})/.test(op.path) && !/\/(status|archive)$/.test(op.path)
		);
		expect(scoped.length).toBeGreaterThan(10);
		await expectNoViolations(async (report) => {
			for (const [i, op] of scoped.entries()) {
				const url = op.path
					.replace('/incidents/{id}', `/incidents/${incident}`)
					.replace('/tasks/{id}', `/tasks/${taskId}`)
					.replace('{section}', 'samenvatting')
					.replace(/\{\w+\}/g, NO_SUCH_ID);
				// One field at a time beyond PostgreSQL integer, the rest plausible, so the value gets as far as it can.
				const overflow = op.integerProps.flatMap((prop) => [2_147_483_648, -2_147_483_649].map((n) => JSON.stringify({ ...op.example, [prop]: n })));
				for (const body of [...jsonBodies(op.bodyProps, 8, 7000 + i, false), ...overflow]) {
					const response = await send(url, op.method, { headers: { 'content-type': 'application/json' }, body, as: writer });
					report(`${op.method} ${op.path} ${body.slice(0, 80)}`, await judge(response, true));
				}
			}
		});
		for (const step of [{ path: 'status', data: { status: 'gesloten' } }, { path: 'archive', data: {} }]) {
			const done = await writer.post(`/api/v1/incidents/${incident}/${step.path}`, { headers: ORIGIN, data: step.data });
			expect(done.status(), await done.text()).toBe(200);
		}
	} finally {
		await writer.dispose();
	}
});

test('garbage socket messages are refused cleanly and in Dutch', async () => {
	const cookie = (await api.storageState()).cookies.find((c) => c.name === 'paraat_sessie');
	expect(cookie).toBeDefined();
	const socket: Socket = io(BASE_URL, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie: `paraat_sessie=${cookie!.value}`, origin: BASE_URL }, reconnection: false });
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('connect_error', reject);
	});
	const special: unknown[] = [
		{ topic: 'incident:\u0000' },
		{ topic: `incident:${ids.incident}`, since: 1e300 },
		{ topic: 'region', since: -1 },
		{ topic: 'region', since: '5' },
		{ topic: 'x'.repeat(5000) },
		{ topic: '\ud800' },
		{ incident: 'x\u0000' },
		{ incident: 2147483648 }
	];
	const payloads = [...special, ...sample(fc.anything({ maxDepth: 2 }), 40, 6000)];
	const violations: string[] = [];
	try {
		for (const [i, payload] of payloads.entries()) {
			for (const event of ['subscribe', 'view', 'unsubscribe'] as const) {
				const ack = (await socket.timeout(5000).emitWithAck(event, payload)) as { ok?: unknown; code?: unknown; error?: unknown };
				const what = `${event} #${i} ${JSON.stringify(payload)?.slice(0, 60)}`;
				if (typeof ack?.ok !== 'boolean') violations.push(`${what}: antwoord ${JSON.stringify(ack)}`);
				else if (!ack.ok && event !== 'unsubscribe') {
					if (ack.code === 'server_error') violations.push(`${what}: storing`);
					if (typeof ack.error !== 'string' || englishIn(ack.error)) violations.push(`${what}: ${String(ack.error)}`);
				}
			}
		}
		// The server still serves this socket normally afterwards.
		const region = (await socket.timeout(5000).emitWithAck('subscribe', { topic: 'region' })) as { ok: boolean };
		expect(region.ok).toBe(true);
	} finally {
		socket.disconnect();
	}
	expect(violations.slice(0, 20)).toEqual([]);
	expect((await api.get('/healthz')).status()).toBe(200);
});
