// The personal agenda link: a feed key opens the ICS feed (public fields only) without a session;
// a new key revokes the old one, revoking or deactivating the account stops it, and a wrong key
// is a 401 with a Dutch message. Only the key's hash is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { requestLocals } from '../support/request-locals.ts';
import { insertApplication, SECRET_ORGANISER } from '../support/calendar-fixtures.ts';
import { feedKeyState, issueFeedKey, revokeFeedKey } from '../../src/lib/server/calendar/feed-key-service.ts';
import * as icsRoute from '../../src/routes/api/v1/calendar.ics/+server.ts';

let t: TestDatabase;
let officer: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	officer = await createUser(t.db, { grants: [{ role: 'vergunningverlener', municipality: 'velsen' }] });
	const soon = Date.now() + 20 * 86_400_000;
	await insertApplication(t.db, { name: 'Havenfestival IJmuiden', municipality: 'velsen', category: 'C', startsAt: new Date(soon).toISOString(), endsAt: new Date(soon + 8 * 3_600_000).toISOString() });
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

/** The feed as an agenda app asks for it: no session, only the query string. */
async function feed(query: string) {
	const url = new URL(`http://paraat.test/api/v1/calendar.ics${query}`);
	const event = { locals: { ...requestLocals(t.db), user: null }, params: {}, url, request: new Request(url), getClientAddress: () => '192.0.2.1' };
	const response = await (icsRoute.GET as (e: never) => Promise<Response>)(event as never);
	return { status: response.status, text: await response.text() };
}

describe('agenda link (calendar feed key)', () => {
	it('opens the feed without a session, with public fields only, and records its use', async () => {
		expect(await feedKeyState(t.db, officer)).toEqual({ exists: false, createdAt: null, lastUsedAt: null });
		const key = await issueFeedKey(t.db, officer);
		const res = await feed(`?sleutel=${key}`);
		expect(res.status).toBe(200);
		expect(res.text).toContain('BEGIN:VCALENDAR');
		expect(res.text).toContain('Havenfestival IJmuiden');
		for (const value of Object.values(SECRET_ORGANISER)) expect(res.text).not.toContain(value);
		const state = await feedKeyState(t.db, officer);
		expect(state.exists).toBe(true);
		expect(state.lastUsedAt).not.toBeNull();
		// Only the hash is kept.
		const stored = await t.db.selectFrom('calendarFeedKey').select('keyHash').where('userId', '=', officer.id).executeTakeFirstOrThrow();
		expect(stored.keyHash).not.toBe(key);
		expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);
	});

	it('filters per municipality like the session feed', async () => {
		const key = await issueFeedKey(t.db, officer);
		expect((await feed(`?sleutel=${key}&municipality=velsen`)).text).toContain('Havenfestival IJmuiden');
		expect((await feed(`?sleutel=${key}&municipality=haarlem`)).text).not.toContain('Havenfestival IJmuiden');
		const wrong = await feed(`?sleutel=${key}&municipality=amsterdam`);
		expect(wrong.status).toBe(400);
	});

	it('a new key revokes the old one; revoking stops the feed', async () => {
		const first = await issueFeedKey(t.db, officer);
		const second = await issueFeedKey(t.db, officer);
		expect((await feed(`?sleutel=${first}`)).status).toBe(401);
		expect((await feed(`?sleutel=${second}`)).status).toBe(200);
		expect(await revokeFeedKey(t.db, officer)).toBe(true);
		const gone = await feed(`?sleutel=${second}`);
		expect(gone.status).toBe(401);
		expect(JSON.parse(gone.text).error).toEqual({ code: 'invalid_feed_key', message: expect.stringContaining('agendasleutel') });
		const audit = await t.db.selectFrom('auditLog').select('action').where('actorId', '=', officer.id).orderBy('id').execute();
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['calendar.feed_key.created', 'calendar.feed_key.revoked']));
	});

	it('stops when the account is deactivated; nonsense keys and no key are refused', async () => {
		const user = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: null }] });
		const key = await issueFeedKey(t.db, user);
		expect((await feed(`?sleutel=${key}`)).status).toBe(200);
		await t.db.updateTable('appUser').set({ active: false }).where('id', '=', user.id).execute();
		expect((await feed(`?sleutel=${key}`)).status).toBe(401);
		expect((await feed('?sleutel=ABC%27--')).status).toBe(401);
		expect((await feed('')).status).toBe(401);
	});
});
