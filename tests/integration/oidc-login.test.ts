// Single sign-on against a real OpenID provider (oidc-provider on localhost): the whole flow with
// PKCE, state and nonce, and every way it must fail — wrong state, a replayed code, expired and
// forged ID tokens, an unknown group, a provider that is down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishOidcLogin, startOidcLogin, SSO_MESSAGES, type OidcLoginResult } from '../../src/lib/server/identity/oidc-login.ts';
import { saveProvider, providerInput } from '../../src/lib/server/identity/provider-admin.ts';
import { signInChoices } from '../../src/lib/server/identity/providers.ts';
import { validateSessionToken } from '../../src/lib/server/auth/session.ts';
import { login, SecondFactorError } from '../../src/lib/server/auth/login.ts';
import { ServiceError } from '../../src/lib/server/errors.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { freePort } from '../support/free-port.ts';
import { signInAtProvider, startTestProvider, TEST_CLIENT, TEST_GROUP_ROLES, type TestProvider } from '../support/oidc-provider.ts';

const CALLBACK = 'http://paraat.test/inloggen/oidc/callback';
const meta = { ip: '192.0.2.44', userAgent: 'vitest' };

let t: TestDatabase;
let idp: TestProvider;
let beheerder: SessionUser;

async function configure(slug: string, issuer: string, options: { trustMfa?: boolean; groupRoles?: unknown } = {}) {
	const input = providerInput.parse({
		slug,
		name: `Organisatie ${slug}`,
		issuer,
		clientId: TEST_CLIENT.id,
		clientSecret: TEST_CLIENT.secret,
		groupsClaim: 'groups',
		groupRoles: JSON.stringify(options.groupRoles ?? TEST_GROUP_ROLES),
		trustMfa: options.trustMfa ?? false,
		active: true
	});
	await saveProvider(t.db, beheerder, input, { ip: null });
}

/** Start at Paraat, sign in at the provider, and hand the redirect back to Paraat. */
async function signIn(account: string, provider = 'test'): Promise<OidcLoginResult> {
	const { callback, token } = await reachCallback(account, provider);
	return finishOidcLogin(t.db, token, callback, meta);
}

async function reachCallback(account: string, provider = 'test') {
	const started = await startOidcLogin(t.db, provider, CALLBACK, '/evenementen');
	const who = idp.accounts[account]!;
	const callback = await signInAtProvider(started.url, who.sub, who.password, CALLBACK);
	return { callback, token: started.token, started };
}

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
	const err = await promise.then(
		() => new Error('verwacht: geweigerd'),
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(ServiceError);
	return err as ServiceError;
}

beforeAll(async () => {
	t = await createTestDatabase();
	beheerder = await createUser(t.db, { grants: [{ role: 'beheerder', municipality: null }] });
	idp = await startTestProvider({ port: await freePort(), redirectUris: [CALLBACK] });
	await configure('test', idp.issuer);
	await configure('test-mfa', idp.issuer, { trustMfa: true });
});

afterAll(async () => {
	await idp?.stop();
	await t?.drop();
});

describe('single sign-on', () => {
	it('offers the configured providers on the login page', async () => {
		expect(await signInChoices(t.db)).toEqual([
			{ key: 'test', name: 'Organisatie test' },
			{ key: 'test-mfa', name: 'Organisatie test-mfa' }
		]);
	});

	it('signs a new user in with PKCE, state and nonce, provisions them with the roles of their groups', async () => {
		const { started, callback, token } = await reachCallback('ambtenaar');
		expect(started.url.searchParams.get('code_challenge_method')).toBe('S256');
		expect(started.url.searchParams.get('state')).toBeTruthy();
		expect(started.url.searchParams.get('nonce')).toBeTruthy();
		const result = await finishOidcLogin(t.db, token, callback, meta);
		expect(result.kind).toBe('session');
		if (result.kind !== 'session') return;
		expect(result.target).toBe('/evenementen');
		const { user } = await validateSessionToken(t.db, result.token);
		expect(user?.email).toBe('ambtenaar@haarlem.idp.test');
		expect(user?.grants).toEqual([{ role: 'vergunningverlener', municipality: 'haarlem', discipline: null }]);
		const identity = await t.db.selectFrom('userIdentity').selectAll().where('userId', '=', user!.id).executeTakeFirstOrThrow();
		expect(identity).toMatchObject({ issuer: idp.issuer, subject: 'sub-ambtenaar-1' });
		// No password: the account cannot be opened with one.
		await expect(login(t.db, { email: 'ambtenaar@haarlem.idp.test', password: 'paraat-timing-equaliser', ...meta })).rejects.toMatchObject({ code: 'invalid_credentials' });
	});

	it('finds the same user by issuer and subject at the next sign-in, not by e-mail', async () => {
		const first = await signIn('ambtenaar');
		const second = await signIn('ambtenaar');
		if (first.kind !== 'session' || second.kind !== 'session') throw new Error('verwacht: sessies');
		expect((await validateSessionToken(t.db, second.token)).user?.id).toBe((await validateSessionToken(t.db, first.token)).user?.id);
		expect(await t.db.selectFrom('appUser').select('id').where('email', '=', 'ambtenaar@haarlem.idp.test').execute()).toHaveLength(1);
	});

	it('replaces the groups’ roles at every sign-in and leaves a beheerder’s own grants alone', async () => {
		const first = await signIn('beheer');
		if (first.kind !== 'session') throw new Error('verwacht: sessie');
		const userId = (await validateSessionToken(t.db, first.token)).user!.id;
		await t.db.insertInto('roleGrant').values({ userId, role: 'crisisteam', municipalityCode: 'velsen' }).execute();
		// The organisation now maps its beheer group to a municipal role instead.
		await configure('test', idp.issuer, { groupRoles: { ...TEST_GROUP_ROLES, 'paraat-beheer': [{ role: 'beheerder', municipality: 'zandvoort' }] } });
		const second = await signIn('beheer');
		if (second.kind !== 'session') throw new Error('verwacht: sessie');
		const grants = (await validateSessionToken(t.db, second.token)).user!.grants;
		expect(grants).toEqual(
			expect.arrayContaining([
				{ role: 'beheerder', municipality: 'zandvoort', discipline: null },
				{ role: 'crisisteam', municipality: 'velsen', discipline: null }
			])
		);
		expect(grants.some((g) => g.role === 'beheerder' && g.municipality === null)).toBe(false);
		// Removed from every mapped group: the groups' role goes, the local grant stays, no session.
		await configure('test', idp.issuer, { groupRoles: { 'paraat-vergunningen-haarlem': TEST_GROUP_ROLES['paraat-vergunningen-haarlem'] } });
		const err = await refusal(signIn('beheer'));
		expect(err.code).toBe('no_mapped_group');
		const left = await t.db.selectFrom('roleGrant').select(['role', 'municipalityCode', 'source']).where('userId', '=', userId).execute();
		expect(left).toEqual([{ role: 'crisisteam', municipalityCode: 'velsen', source: null }]);
		await configure('test', idp.issuer);
	});

	it('refuses an account none of whose groups is mapped, in Dutch, and makes no user', async () => {
		const err = await refusal(signIn('onbekend'));
		expect(err.status).toBe(403);
		expect(err.message).toBe(SSO_MESSAGES.no_mapped_group);
		expect(await t.db.selectFrom('appUser').select('id').where('email', '=', 'onbekend@haarlem.idp.test').execute()).toEqual([]);
		expect(await t.db.selectFrom('auditLog').select('action').where('action', '=', 'session.sso_refused').execute()).not.toHaveLength(0);
	});

	it('refuses a wrong state', async () => {
		const { callback, token } = await reachCallback('ambtenaar');
		callback.searchParams.set('state', 'een-andere-state');
		const err = await refusal(finishOidcLogin(t.db, token, callback, meta));
		expect(err.code).toBe('oidc_refused');
	});

	it('refuses a callback without the browser’s own sign-in cookie (login CSRF)', async () => {
		const { callback } = await reachCallback('ambtenaar');
		expect((await refusal(finishOidcLogin(t.db, undefined, callback, meta))).code).toBe('oidc_login_expired');
	});

	it('refuses a replayed code: the sign-in is used up, and the provider refuses the code again', async () => {
		const { callback, token } = await reachCallback('ambtenaar');
		expect((await finishOidcLogin(t.db, token, callback, meta)).kind).toBe('session');
		expect((await refusal(finishOidcLogin(t.db, token, callback, meta))).code).toBe('oidc_login_expired');
		// The same code under a fresh sign-in (its own state): the provider refuses the used code.
		const fresh = await startOidcLogin(t.db, 'test', CALLBACK, '/');
		const replay = new URL(callback);
		replay.searchParams.set('state', fresh.url.searchParams.get('state')!);
		expect((await refusal(finishOidcLogin(t.db, fresh.token, replay, meta))).code).toBe('oidc_refused');
	});

	it('refuses an expired ID token', async () => {
		idp.tamper('expired');
		try {
			expect((await refusal(signIn('ambtenaar'))).code).toBe('oidc_refused');
		} finally {
			idp.tamper(null);
		}
	});

	it('refuses an ID token signed with another key', async () => {
		idp.tamper('forged');
		try {
			expect((await refusal(signIn('ambtenaar'))).code).toBe('oidc_refused');
		} finally {
			idp.tamper(null);
		}
		// Honest again: the same account signs in.
		expect((await signIn('ambtenaar')).kind).toBe('session');
	});

	it('says in one Dutch sentence that a provider is down, and local passwords still work', async () => {
		await configure('plat', `http://localhost:${await freePort()}`);
		const err = await refusal(startOidcLogin(t.db, 'plat', CALLBACK, '/'));
		expect(err.status).toBe(503);
		expect(err.message).toBe(SSO_MESSAGES.provider_unreachable);
		const local = await createUser(t.db, { email: 'lokaal@paraat.test', password: 'lokaal-wachtwoord-1', grants: [{ role: 'waarnemer', municipality: 'haarlem' }] });
		expect((await login(t.db, { email: 'lokaal@paraat.test', password: 'lokaal-wachtwoord-1', ...meta })).userId).toBe(local.id);
	});

	it('notices a provider that went down after an earlier sign-in', async () => {
		const brief = await startTestProvider({ port: await freePort(), redirectUris: [CALLBACK] });
		await configure('kortstondig', brief.issuer);
		await startOidcLogin(t.db, 'kortstondig', CALLBACK, '/');
		await brief.stop();
		expect((await refusal(startOidcLogin(t.db, 'kortstondig', CALLBACK, '/'))).code).toBe('provider_unreachable');
	});

	it('refuses an unknown provider', async () => {
		expect((await refusal(startOidcLogin(t.db, 'bestaat-niet', CALLBACK, '/'))).code).toBe('unknown_provider');
	});
});

describe('single sign-on and Bibob', () => {
	it('asks Paraat’s own second factor when the organisation’s sign-in is not trusted as one', async () => {
		const result = await signIn('bibob');
		expect(result).toMatchObject({ kind: 'second-factor', purpose: 'instellen' });
	});

	it('asks it even when the provider asserts MFA, unless that organisation’s setting trusts it', async () => {
		expect(await signIn('bibobMfa', 'test')).toMatchObject({ kind: 'second-factor' });
		const trusted = await signIn('bibobMfa', 'test-mfa');
		expect(trusted.kind).toBe('session');
		if (trusted.kind !== 'session') return;
		const { user } = await validateSessionToken(t.db, trusted.token);
		expect(user?.grants.map((g) => g.role).sort()).toEqual(['bibob', 'waarnemer']);
	});

	it('does not take a password-less provider account for MFA on a trusting provider', async () => {
		expect(await signIn('bibob', 'test-mfa')).toMatchObject({ kind: 'second-factor' });
	});

	it('a password alone never opens Bibob for a local account either', async () => {
		const officer = await createUser(t.db, { email: 'bibob-lokaal@paraat.test', password: 'bibob-wachtwoord-1', grants: [{ role: 'bibob', municipality: 'haarlem' }] });
		const err = await refusal(login(t.db, { email: officer.email, password: 'bibob-wachtwoord-1', ...meta }));
		expect(err).toBeInstanceOf(SecondFactorError);
	});
});
