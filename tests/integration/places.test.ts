// The address search: the Locatieserver client against a local server that answers in the
// Locatieserver's documented format (no internet), the search in Paraat's own data by permission,
// and what happens when the Locatieserver cannot be reached (one sentence; own data still found).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { LocatieserverUnavailable, lookup, suggest } from '../../src/lib/server/map/locatieserver.ts';
import { ADDRESS_SEARCH_UNAVAILABLE, lookupPlace, searchPlaces } from '../../src/lib/server/map/place-service.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';
import * as placesRoute from '../../src/routes/api/v1/places/+server.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { makeIncident } from '../support/incident-fixtures.ts';
import { makeApplication } from '../support/event-fixtures.ts';
import { startFakeLocatieserver, type FakeLocatieserver } from '../support/fake-locatieserver.ts';

let t: TestDatabase;
let fake: FakeLocatieserver;
/** An address nothing listens on: connection refused. */
let unreachable: string;
let crisis: SessionUser;
let vergunningHaarlem: SessionUser;
let vergunningVelsen: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	fake = await startFakeLocatieserver();
	const closed = createServer();
	await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
	unreachable = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/locatieserver`;
	await new Promise<void>((resolve) => closed.close(() => resolve()));
	crisis = await createUser(t.db, { grants: [{ role: 'crisisteam', municipality: 'haarlem' }] });
	vergunningHaarlem = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'haarlem' }] });
	vergunningVelsen = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'velsen' }] });
	await makeIncident(t.db, crisis, { title: 'Strandrellen Zandvoort', municipalities: ['zandvoort'] });
	await makeApplication(t.db, vergunningHaarlem, { name: 'Zandvoort Jazz aan Zee', municipality: 'haarlem' });
});

afterAll(async () => {
	await fake?.close();
	await closeSharedDb();
	await t?.drop();
});

describe('the Locatieserver client', () => {
	it('asks suggest with q, rows and a type filter, and reads the documented answer', async () => {
		const hits = await suggest(fake.url, 'zandvoort');
		expect(hits).toEqual([
			{ id: 'adr-0473200000054321', type: 'adres', label: 'Burgemeester Engelbertsstraat 2, 2042AZ Zandvoort' },
			{ id: 'wpl-2975', type: 'woonplaats', label: 'Zandvoort, Zandvoort, Noord-Holland' }
		]);
		const asked = new URL(fake.requests.at(-1)!, 'http://x');
		expect(asked.pathname).toBe('/bzk/locatieserver/search/v3_1/suggest');
		expect(Object.fromEntries(asked.searchParams)).toEqual({ q: 'zandvoort', rows: '8', fq: 'type:(gemeente OR woonplaats OR weg OR postcode OR adres)' });
	});

	it('looks one up and reads its position from centroide_ll', async () => {
		expect(await lookup(fake.url, 'adr-0392200000012345')).toEqual({ id: 'adr-0392200000012345', type: 'adres', label: 'Grote Markt 2, 2011RD Haarlem', position: { lat: 52.3812, lon: 4.6365 } });
		expect(await lookup(fake.url, 'bestaat-niet')).toBeUndefined();
	});

	it('says "unavailable" for a refused connection, an error status and an answer of another shape', async () => {
		await expect(suggest(unreachable, 'haarlem')).rejects.toBeInstanceOf(LocatieserverUnavailable);
		await expect(suggest(`${fake.url}/verkeerd`, 'haarlem')).rejects.toBeInstanceOf(LocatieserverUnavailable);
		const odd = createServer((_req, res) => res.end(JSON.stringify({ hits: [] })));
		await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
		try {
			await expect(suggest(`http://127.0.0.1:${(odd.address() as AddressInfo).port}`, 'haarlem')).rejects.toBeInstanceOf(LocatieserverUnavailable);
		} finally {
			await new Promise<void>((resolve) => odd.close(() => resolve()));
		}
	});

	it('gives up on a Locatieserver that does not answer in time', async () => {
		const silent = createServer(() => {});
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		try {
			const started = Date.now();
			await expect(suggest(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`, 'haarlem', { timeoutMs: 300 })).rejects.toBeInstanceOf(LocatieserverUnavailable);
			expect(Date.now() - started).toBeLessThan(3000);
		} finally {
			silent.closeAllConnections();
			await new Promise<void>((resolve) => silent.close(() => resolve()));
		}
	});
});

describe('searchPlaces', () => {
	it('finds addresses and, by permission, Paraat’s own records', async () => {
		const forCrisis = await searchPlaces(t.db, crisis, 'zandvoort', { endpoint: fake.url });
		expect(forCrisis).toMatchObject({ addressesAvailable: true, message: null });
		expect(forCrisis.addresses.map((a) => a.type)).toEqual(['adres', 'woonplaats']);
		// The crisis team sees incidents and the refill points of the bluswater board, not event applications.
		expect(forCrisis.own.map((o) => [o.kind, o.label])).toEqual([
			['incident', 'Strandrellen Zandvoort'],
			['vulpunt', 'Bluswaterput Zandvoort-Noord']
		]);
		expect(forCrisis.own[0]!.href).toMatch(/^\/crisis\//);

		const forHaarlem = await searchPlaces(t.db, vergunningHaarlem, 'zandvoort', { endpoint: fake.url });
		expect(forHaarlem.own.map((o) => [o.kind, o.label])).toEqual([['evenement', 'Zandvoort Jazz aan Zee']]);
		expect(forHaarlem.own[0]).toMatchObject({ detail: expect.stringContaining('Evenement in Haarlem'), position: { lat: 52.37, lon: 4.64 } });

		const forVelsen = await searchPlaces(t.db, vergunningVelsen, 'zandvoort', { endpoint: fake.url });
		// A permit officer reads neither incidents nor the water board, and only their own municipality's events.
		expect(forVelsen.own).toEqual([]);
	});

	it('still finds Paraat’s own records when the Locatieserver cannot be reached, and says so in one sentence', async () => {
		const result = await searchPlaces(t.db, crisis, 'strandrellen', { endpoint: unreachable });
		expect(result).toMatchObject({ addresses: [], addressesAvailable: false, message: ADDRESS_SEARCH_UNAVAILABLE });
		expect(ADDRESS_SEARCH_UNAVAILABLE.split(/[.!?]\s/)).toHaveLength(1);
		expect(result.own.map((o) => o.label)).toEqual(['Strandrellen Zandvoort']);
	});

	it('takes LIKE characters literally', async () => {
		expect((await searchPlaces(t.db, crisis, '%_%', { endpoint: fake.url })).own).toEqual([]);
	});

	it('looks a place up, or answers 404 / 503 in Dutch', async () => {
		expect((await lookupPlace(t.db, crisis, 'wpl-2975', { endpoint: fake.url })).position).toEqual({ lat: 52.3733, lon: 4.5336 });
		await expect(lookupPlace(t.db, crisis, 'weg-0', { endpoint: fake.url })).rejects.toMatchObject({ status: 404 });
		const down = await lookupPlace(t.db, crisis, 'wpl-2975', { endpoint: unreachable }).catch((e: unknown) => e);
		expect(down).toBeInstanceOf(ServiceError);
		expect(down).toMatchObject({ status: 503, message: ADDRESS_SEARCH_UNAVAILABLE });
	});
});

describe('GET /api/v1/places', () => {
	async function get(user: SessionUser | null, query: string) {
		const url = new URL(`http://localhost/api/v1/places${query}`);
		const event = { locals: { ...requestLocals(t.db), user, session: null, requestId: 'test' }, params: {}, url, request: new Request(url), getClientAddress: () => '192.0.2.7' };
		const response = await (placesRoute.GET as (e: never) => Promise<Response>)(event as never);
		return { status: response.status, body: await response.json() };
	}

	it('refuses a query that is too short or too long in Dutch, and strangers', async () => {
		expect(await get(crisis, '?q=a')).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/minstens 2 tekens/) } });
		expect(await get(crisis, `?q=${'x'.repeat(101)}`)).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/hoogstens 100 tekens/) } });
		expect((await get(null, '?q=haarlem')).status).toBe(401);
	});
});
