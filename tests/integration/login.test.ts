// login(): argon2id check, audit records, per-account rate limit, case-insensitive e-mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, RateLimitedError } from '../../src/lib/server/auth/login.ts';
import { LOGIN_LIMITS } from '../../src/lib/server/auth/rate-limit.ts';
import { validateSessionToken } from '../../src/lib/server/auth/session.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';

const PASSWORD = 'correct-paard-batterij';

let t: TestDatabase;

beforeAll(async () => {
	t = await createTestDatabase();
});

afterAll(async () => {
	await t?.drop();
});

function attempt(email: string, password: string, ip = '192.0.2.10') {
	return login(t.db, { email, password, ip, userAgent: 'vitest' });
}

async function auditFor(action: string) {
	return t.db.selectFrom('auditLog').selectAll().where('action', '=', action).orderBy('id').execute();
}

async function expectServiceError(promise: Promise<unknown>): Promise<ServiceError> {
	const err = await promise.then(
		() => {
			throw new Error('expected login to fail');
		},
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(ServiceError);
	return err as ServiceError;
}

describe('login', () => {
	it('accepts the right password, creates a working session and audits it', async () => {
		const user = await createUser(t.db, { email: 'goed@paraat.test', password: PASSWORD, grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
		const result = await attempt('goed@paraat.test', PASSWORD);
		expect(result.userId).toBe(user.id);
		const validated = await validateSessionToken(t.db, result.token);
		expect(validated.user?.id).toBe(user.id);
		const audit = (await auditFor('session.created')).filter((a) => a.actorId === user.id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ entityType: 'gebruiker', entityId: user.id, ip: '192.0.2.10' });
	});

	it('refuses a wrong password with 401 and audits the failure', async () => {
		const user = await createUser(t.db, { email: 'fout@paraat.test', password: PASSWORD, grants: [] });
		const err = await expectServiceError(attempt('fout@paraat.test', 'niet-het-wachtwoord'));
		expect(err).not.toBeInstanceOf(RateLimitedError);
		expect(err.status).toBe(401);
		expect(err.code).toBe('invalid_credentials');
		const audit = (await auditFor('session.login_failed')).filter((a) => a.entityId === user.id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorId: null, details: { email: 'fout@paraat.test' } });
		const sessions = await t.db.selectFrom('userSession').select('id').where('userId', '=', user.id).execute();
		expect(sessions).toHaveLength(0);
	});

	it('refuses an unknown account with the same 401', async () => {
		const err = await expectServiceError(attempt('niemand@paraat.test', PASSWORD));
		expect(err.status).toBe(401);
		expect(err.code).toBe('invalid_credentials');
	});

	it('refuses a deactivated account even with the right password', async () => {
		const user = await createUser(t.db, { email: 'uit@paraat.test', password: PASSWORD, grants: [] });
		await t.db.updateTable('appUser').set({ active: false }).where('id', '=', user.id).execute();
		const err = await expectServiceError(attempt('uit@paraat.test', PASSWORD));
		expect(err.status).toBe(401);
	});

	it(`limits one account after ${LOGIN_LIMITS.account.max} failures, even with the right password`, async () => {
		expect(LOGIN_LIMITS.account.max).toBe(8);
		await createUser(t.db, { email: 'doelwit@paraat.test', password: PASSWORD, grants: [] });
		for (let i = 0; i < 8; i++) {
			// Different addresses, so only the per-account limit can be what stops it.
			const err = await expectServiceError(attempt('doelwit@paraat.test', `gok-${i}`, `198.51.100.${i}`));
			expect(err.status).toBe(401);
		}
		const err = await expectServiceError(attempt('doelwit@paraat.test', PASSWORD, '198.51.100.99'));
		expect(err).toBeInstanceOf(RateLimitedError);
		expect(err.status).toBe(429);
		expect((err as RateLimitedError).retryAfter).toBeGreaterThan(0);
		expect((err as RateLimitedError).retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.account.windowMs / 1000);
		// Upper case does not get around the limit.
		const upper = await expectServiceError(attempt('DOELWIT@paraat.test', PASSWORD, '198.51.100.98'));
		expect(upper.status).toBe(429);
		// Another account is not affected.
		await createUser(t.db, { email: 'buurman@paraat.test', password: PASSWORD, grants: [] });
		await expect(attempt('buurman@paraat.test', PASSWORD, '198.51.100.97')).resolves.toHaveProperty('token');
	});

	it('allows seven failures and then a successful login, which resets the count', async () => {
		await createUser(t.db, { email: 'bijna@paraat.test', password: PASSWORD, grants: [] });
		for (let i = 0; i < 7; i++) await expectServiceError(attempt('bijna@paraat.test', `gok-${i}`, `203.0.113.${i}`));
		await expect(attempt('bijna@paraat.test', PASSWORD, '203.0.113.50')).resolves.toHaveProperty('token');
		for (let i = 0; i < 7; i++) await expectServiceError(attempt('bijna@paraat.test', `gok-${i}`, `203.0.113.${i}`));
		await expect(attempt('bijna@paraat.test', PASSWORD, '203.0.113.51')).resolves.toHaveProperty('token');
	});

	it('treats the e-mail address case-insensitively and ignores surrounding spaces', async () => {
		const user = await createUser(t.db, { email: 'Hoofdletters@Paraat.test', password: PASSWORD, grants: [] });
		expect(user.email).toBe('hoofdletters@paraat.test');
		const result = await attempt('  HOOFDLETTERS@paraat.TEST ', PASSWORD);
		expect(result.userId).toBe(user.id);
	});
});

describe('login under a burst of parallel guesses', () => {
	// The limit must hold for attempts that arrive together too: otherwise an attacker who sends
	// 100 guesses at once gets 100 argon2 checks per window instead of 8.
	it(`evaluates at most ${LOGIN_LIMITS.account.max} passwords of one account, however they arrive`, async () => {
		await createUser(t.db, { email: 'burst@paraat.test', password: PASSWORD, grants: [] });
		const results = await Promise.allSettled(
			Array.from({ length: 30 }, (_, i) => attempt('burst@paraat.test', `gok-${i}`, `192.0.2.${100 + i}`))
		);
		const statuses = results.map((r) => (r.status === 'rejected' ? (r.reason as ServiceError).status : 200));
		expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
		expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LOGIN_LIMITS.account.max);
		const err = await expectServiceError(attempt('burst@paraat.test', PASSWORD, '192.0.2.200'));
		expect(err.status).toBe(429);
	});
});
