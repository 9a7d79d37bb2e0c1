// Sessions against real PostgreSQL: validation, expiry, sliding renewal, logout, deactivation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
	SESSION_LIFETIME_MS,
	invalidateSession,
	sessionIdFromToken,
	validateSessionToken
} from '../../src/lib/server/auth/session.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createTestDatabase, createUser, loginAs, type TestDatabase } from '../support/test-db.ts';

const HOUR = 60 * 60 * 1000;

let t: TestDatabase;
let user: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	user = await createUser(t.db, {
		name: 'Sanne de Vries',
		grants: [
			{ role: 'crisisteam', municipality: 'haarlem' },
			{ role: 'adviseur', municipality: null, discipline: 'ghor' }
		]
	});
});

afterAll(async () => {
	await t?.drop();
});

async function storedExpiry(token: string): Promise<Date | undefined> {
	const row = await t.db
		.selectFrom('userSession')
		.select('expiresAt')
		.where('id', '=', sessionIdFromToken(token))
		.executeTakeFirst();
	return row?.expiresAt;
}

async function setExpiry(token: string, msFromNow: number): Promise<void> {
	await sql`update user_session set expires_at = now() + make_interval(secs => ${msFromNow / 1000})
		where id = ${sessionIdFromToken(token)}`.execute(t.db);
}

describe('sessions', () => {
	it('validates a new session and returns the user with all grants', async () => {
		const token = await loginAs(t.db, user);
		const result = await validateSessionToken(t.db, token);
		expect(result.session?.id).toBe(sessionIdFromToken(token));
		expect(result.session?.userId).toBe(user.id);
		expect(result.user).toMatchObject({ id: user.id, email: user.email, name: 'Sanne de Vries' });
		expect(result.user?.grants).toHaveLength(2);
		expect(result.user?.grants).toEqual(
			expect.arrayContaining([
				{ role: 'crisisteam', municipality: 'haarlem', discipline: null },
				{ role: 'adviseur', municipality: null, discipline: 'ghor' }
			])
		);
	});

	it('stores only the SHA-256 of the token, never the token itself', async () => {
		const token = await loginAs(t.db, user);
		const rows = await t.db.selectFrom('userSession').select('id').where('userId', '=', user.id).execute();
		expect(rows.map((r) => r.id)).toContain(sessionIdFromToken(token));
		expect(rows.map((r) => r.id)).not.toContain(token);
		expect(sessionIdFromToken(token)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('rejects an expired session and deletes it', async () => {
		const token = await loginAs(t.db, user);
		await setExpiry(token, -1000);
		const result = await validateSessionToken(t.db, token);
		expect(result).toEqual({ session: null, user: null });
		expect(await storedExpiry(token)).toBeUndefined();
	});

	it('extends a session when less than half of its lifetime is left', async () => {
		const token = await loginAs(t.db, user);
		await setExpiry(token, SESSION_LIFETIME_MS / 2 - HOUR);
		const before = Date.now();
		const result = await validateSessionToken(t.db, token);
		expect(result.session).not.toBeNull();
		const expected = before + SESSION_LIFETIME_MS;
		expect(result.session!.expiresAt.getTime()).toBeGreaterThanOrEqual(expected - 1000);
		const stored = await storedExpiry(token);
		expect(stored!.getTime()).toBeGreaterThanOrEqual(expected - 1000);
		expect(stored!.getTime()).toBeLessThanOrEqual(Date.now() + SESSION_LIFETIME_MS + 1000);
	});

	it('does not touch a session with more than half of its lifetime left', async () => {
		const token = await loginAs(t.db, user);
		await setExpiry(token, SESSION_LIFETIME_MS / 2 + HOUR);
		const stored = await storedExpiry(token);
		const result = await validateSessionToken(t.db, token);
		expect(result.session).not.toBeNull();
		expect(result.session!.expiresAt.getTime()).toBe(stored!.getTime());
		expect((await storedExpiry(token))!.getTime()).toBe(stored!.getTime());
	});

	it('invalidateSession ends the session', async () => {
		const token = await loginAs(t.db, user);
		const other = await loginAs(t.db, user);
		expect((await validateSessionToken(t.db, token)).session).not.toBeNull();
		await invalidateSession(t.db, sessionIdFromToken(token));
		expect(await validateSessionToken(t.db, token)).toEqual({ session: null, user: null });
		expect(await storedExpiry(token)).toBeUndefined();
		// The user's other session is untouched.
		expect((await validateSessionToken(t.db, other)).session).not.toBeNull();
	});

	it('rejects malformed and unknown tokens', async () => {
		const token = await loginAs(t.db, user);
		for (const bad of ['', 'abc', token.toUpperCase(), `${token}a`, token.slice(1), `${token.slice(0, 31)}1`, "' or 1=1 --"]) {
			expect(await validateSessionToken(t.db, bad)).toEqual({ session: null, user: null });
		}
		// Well-formed but never issued.
		expect(await validateSessionToken(t.db, 'a'.repeat(32))).toEqual({ session: null, user: null });
		// The real one still works.
		expect((await validateSessionToken(t.db, token)).session).not.toBeNull();
	});

	it('rejects the session of a deactivated user and deletes it', async () => {
		const other = await createUser(t.db, { grants: [{ role: 'waarnemer', municipality: 'velsen' }] });
		const token = await loginAs(t.db, other);
		expect((await validateSessionToken(t.db, token)).user?.id).toBe(other.id);
		await t.db.updateTable('appUser').set({ active: false }).where('id', '=', other.id).execute();
		expect(await validateSessionToken(t.db, token)).toEqual({ session: null, user: null });
		expect(await storedExpiry(token)).toBeUndefined();
	});
});
