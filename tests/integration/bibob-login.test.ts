// The second factor for Bibob officers: login with TOTP or a recovery code, the API's 401
// second_factor_required, enrolment through a challenge, replay and rate limits, and sessions
// without the second factor never carrying a Bibob grant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHOTP } from '@oslojs/otp';
import type { Cookies } from '@sveltejs/kit';
import { login, SecondFactorError } from '../../src/lib/server/auth/login.ts';
import { completeEnrolment, completeSecondFactor, createChallenge, enrolmentSecret, findChallenge } from '../../src/lib/server/auth/login-challenge.ts';
import { DEMO_TOTP_SECRET, currentStep, replaceRecoveryCodes, saveTotp, secretFromBase32 } from '../../src/lib/server/auth/second-factor.ts';
import { validateSessionToken } from '../../src/lib/server/auth/session.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';
import { closeSharedDb } from '../../src/lib/server/db/index.ts';
import { createTestDatabase, createUser, loginAs, type TestDatabase } from '../support/test-db.ts';
import * as sessionRoute from '../../src/routes/api/v1/session/+server.ts';

const PASSWORD = 'bibob-wachtwoord-123';
const secret = secretFromBase32(DEMO_TOTP_SECRET);
const code = (offset = 0) => generateHOTP(secret, BigInt(currentStep() + offset), 6);

let t: TestDatabase;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
});

afterAll(async () => {
	await closeSharedDb();
	await t?.drop();
});

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
	const err = await promise.then(
		() => {
			throw new Error('expected a refusal');
		},
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(ServiceError);
	return err as ServiceError;
}

async function bibobOfficer(email: string, enrolled = true) {
	const user = await createUser(t.db, { email, password: PASSWORD, grants: [{ role: 'bibob', municipality: 'haarlem' }] });
	if (enrolled) await saveTotp(t.db, user.id, secret, 0);
	return user;
}

const attempt = (email: string, extra: { totp?: string; recoveryCode?: string } = {}) =>
	login(t.db, { email, password: PASSWORD, ip: '192.0.2.20', userAgent: 'vitest', ...extra });

function fakeCookies() {
	const set = new Map<string, string>();
	return { set: (name: string, value: string) => void set.set(name, value), get: (name: string) => set.get(name), jar: set } as unknown as Cookies & { jar: Map<string, string> };
}

async function postSession(body: unknown) {
	const cookies = fakeCookies();
	const response = await sessionRoute.POST({
		request: new Request('http://paraat.test/api/v1/session', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
		cookies,
		url: new URL('http://paraat.test/api/v1/session'),
		getClientAddress: () => '192.0.2.21'
	} as never);
	return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string }; user?: { roles: { role: string }[] } }, cookies };
}

describe('login with a second factor', () => {
	it('keeps the TOTP secret sealed at rest: the row does not hold the secret itself', async () => {
		const officer = await bibobOfficer('bibob-sealed@paraat.test');
		const row = await t.db.selectFrom('userTotp').select('secret').where('userId', '=', officer.id).executeTakeFirstOrThrow();
		expect(Buffer.from(row.secret).includes(Buffer.from(secret))).toBe(false);
		expect(row.secret.length).toBe(49);
		// And the code from the real secret still logs in.
		const session = await attempt('bibob-sealed@paraat.test', { totp: code() });
		expect(session).toBeTruthy();
	});

	it('leaves users without a Bibob grant as they were: password alone gives a session', async () => {
		await createUser(t.db, { email: 'waarnemer-2fa@paraat.test', password: PASSWORD, grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
		const api = await postSession({ email: 'waarnemer-2fa@paraat.test', password: PASSWORD });
		expect(api.status).toBe(200);
		expect(api.cookies.jar.get('paraat_sessie')).toBeTruthy();
	});

	it('answers a Bibob officer without a code with 401 second_factor_required in Dutch, and no cookie', async () => {
		const officer = await bibobOfficer('bibob-a@paraat.test');
		const err = await failure(attempt('bibob-a@paraat.test'));
		expect(err).toBeInstanceOf(SecondFactorError);
		expect((err as SecondFactorError).userId).toBe(officer.id);
		const api = await postSession({ email: 'bibob-a@paraat.test', password: PASSWORD });
		expect(api.status).toBe(401);
		expect(api.body.error).toMatchObject({ code: 'second_factor_required' });
		expect(api.body.error!.message).toMatch(/tweede factor verplicht/);
		expect(api.cookies.jar.has('paraat_sessie')).toBe(false);
		// A wrong password still says only that: the second factor is never revealed to a guesser.
		const wrong = await postSession({ email: 'bibob-a@paraat.test', password: 'fout-fout-fout' });
		expect(wrong.body.error?.code).toBe('invalid_credentials');
	});

	it('opens a session with a valid code, carrying the Bibob grant; a code works only once', async () => {
		await bibobOfficer('bibob-b@paraat.test');
		const first = code(-1);
		const api = await postSession({ email: 'bibob-b@paraat.test', password: PASSWORD, totp: first });
		expect(api.status).toBe(200);
		expect(api.body.user!.roles.map((r) => r.role)).toContain('bibob');
		const validated = await validateSessionToken(t.db, api.cookies.jar.get('paraat_sessie')!);
		expect(validated.user?.grants).toEqual([expect.objectContaining({ role: 'bibob', municipality: 'haarlem' })]);
		const replay = await failure(attempt('bibob-b@paraat.test', { totp: first }));
		expect(replay).toMatchObject({ status: 401, code: 'invalid_second_factor' });
		expect((await attempt('bibob-b@paraat.test', { totp: code(0) })).token).toBeTruthy();
		const audit = await t.db.selectFrom('auditLog').select(['action', 'details']).where('entityId', '=', validated.user!.id).execute();
		expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'session.created', details: { tweedeFactor: 'totp' } }), expect.objectContaining({ action: 'session.second_factor_failed' })]));
	});

	it('accepts each recovery code once, stored only as a hash', async () => {
		const officer = await bibobOfficer('bibob-c@paraat.test');
		const codes = await replaceRecoveryCodes(t.db, officer.id);
		expect(codes).toHaveLength(10);
		const stored = await t.db.selectFrom('userRecoveryCode').select('codeHash').where('userId', '=', officer.id).execute();
		expect(stored.map((s) => s.codeHash)).not.toContain(codes[0]);
		expect((await attempt('bibob-c@paraat.test', { recoveryCode: codes[0]!.toLowerCase() })).token).toBeTruthy();
		expect(await failure(attempt('bibob-c@paraat.test', { recoveryCode: codes[0] }))).toMatchObject({ code: 'invalid_second_factor' });
	});

	it('limits wrong codes to 5 per 15 minutes, even with the right password', async () => {
		await bibobOfficer('bibob-d@paraat.test');
		for (let i = 0; i < 5; i++) expect(await failure(attempt('bibob-d@paraat.test', { totp: '000000' }))).toMatchObject({ code: 'invalid_second_factor' });
		const limited = await failure(attempt('bibob-d@paraat.test', { totp: code(0) }));
		expect(limited).toMatchObject({ status: 429, code: 'rate_limited' });
	});

	it('sends a Bibob officer without TOTP to enrolment; the first code proves it and gives recovery codes', async () => {
		const officer = await bibobOfficer('bibob-e@paraat.test', false);
		expect(await failure(attempt('bibob-e@paraat.test'))).toMatchObject({ code: 'second_factor_enrolment_required' });
		const api = await postSession({ email: 'bibob-e@paraat.test', password: PASSWORD, totp: '123456' });
		expect(api.body.error?.code).toBe('second_factor_enrolment_required');

		const { token } = await createChallenge(t.db, officer.id, 'instellen');
		const challenge = (await findChallenge(t.db, token))!;
		const pending = await enrolmentSecret(t.db, challenge);
		// A reload shows the same secret.
		expect(await enrolmentSecret(t.db, (await findChallenge(t.db, token))!)).toEqual(pending);
		expect(await failure(completeEnrolment(t.db, token, '000000', { ip: null, userAgent: null }))).toMatchObject({ code: 'invalid_second_factor' });
		const done = await completeEnrolment(t.db, token, generateHOTP(pending, BigInt(currentStep()), 6), { ip: null, userAgent: null });
		expect(done.recoveryCodes).toHaveLength(10);
		expect((await validateSessionToken(t.db, done.token)).user?.grants.map((g) => g.role)).toEqual(['bibob']);
		// The challenge is used up.
		expect(await findChallenge(t.db, token)).toBeUndefined();
		expect(await failure(completeEnrolment(t.db, token, '123456', { ip: null, userAgent: null }))).toMatchObject({ code: 'challenge_expired' });
	});

	it('completes a browser login through the challenge', async () => {
		const officer = await bibobOfficer('bibob-f@paraat.test');
		const { token } = await createChallenge(t.db, officer.id, 'verifieren');
		expect(await failure(completeSecondFactor(t.db, token, '999999', { ip: null, userAgent: null }))).toMatchObject({ code: 'invalid_second_factor' });
		const done = await completeSecondFactor(t.db, token, code(1), { ip: null, userAgent: null });
		expect((await validateSessionToken(t.db, done.token)).user?.id).toBe(officer.id);
		expect(await failure(completeSecondFactor(t.db, token, code(1), { ip: null, userAgent: null }))).toMatchObject({ code: 'challenge_expired' });
	});

	it('never lets a session without the second factor carry a Bibob grant', async () => {
		const both = await createUser(t.db, { grants: [{ role: 'bibob', municipality: 'haarlem' }, { role: 'waarnemer', municipality: 'haarlem' }] });
		const token = await loginAs(t.db, both, { secondFactor: false });
		const validated = await validateSessionToken(t.db, token);
		expect(validated.user?.grants.map((g) => g.role)).toEqual(['waarnemer']);
	});
});
