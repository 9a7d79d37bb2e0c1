// Signing in with the organisation's account: OpenID Connect's authorisation code flow with PKCE,
// state and nonce (openid-client does the protocol and checks the ID token's signature, issuer,
// audience, expiry and nonce). The browser holds a random token in an httpOnly cookie; the state,
// nonce and PKCE verifier stay in the database under its SHA-256 and are used once. Framework-free.
import * as client from 'openid-client';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../audit/audit.ts';
import { ServiceError } from '../errors.ts';
import { logger } from '../log.ts';
import { openSession, type SecondFactorUsed } from '../auth/login.ts';
import { hasTotp, needsSecondFactor } from '../auth/second-factor.ts';
import { generateSessionToken, sessionIdFromToken, type Session } from '../auth/session.ts';
import { assertsMultiFactor, grantsFromGroups, groupsFromClaim } from './group-mapping.ts';
import { clientConfiguration, findSignInProvider, type SignInProvider } from './providers.ts';
import {
	emailTaken,
	findIdentityUser,
	insertPendingLogin,
	insertProvisionedUser,
	replaceGroupGrants,
	takePendingLogin,
	touchIdentity
} from './identity-queries.ts';

/** Long enough to sign in at the provider with a password and a phone; short for a stolen link. */
export const OIDC_LOGIN_LIFETIME_MS = 10 * 60 * 1000;
export const OIDC_CALLBACK_PATH = '/inloggen/oidc/callback';

/**
 * What a failed single sign-on tells the user. The callback sends the browser back to /inloggen with
 * only the code in the address; the login page shows the sentence (and still offers the password).
 */
export const SSO_MESSAGES = {
	unknown_provider: 'Deze inlogdienst bestaat niet (meer). Kies een andere of log in met je Paraat-wachtwoord.',
	provider_unreachable: 'De inlogdienst van je organisatie is nu niet bereikbaar; log in met je Paraat-wachtwoord of probeer het later opnieuw.',
	oidc_login_expired: 'Deze inlogpoging is verlopen of al gebruikt. Kies opnieuw "Inloggen met je organisatie-account".',
	oidc_refused: 'Inloggen via je organisatie is niet gelukt: het antwoord van de inlogdienst was ongeldig of verlopen. Probeer het opnieuw.',
	no_mapped_group: 'Je organisatie-account hoort bij geen groep die toegang geeft tot Paraat; vraag je beheerder je aan de juiste groep toe te voegen.',
	account_blocked: 'Dit Paraat-account is geblokkeerd. Vraag je beheerder het weer te activeren.',
	email_missing: 'Je organisatie gaf geen e-mailadres door, en Paraat heeft dat nodig. Vraag je beheerder de claim email mee te sturen.',
	email_in_use: 'Er bestaat al een Paraat-account met jouw e-mailadres; vraag een beheerder het aan je organisatie-account te koppelen.'
} as const;

export type SsoFailure = keyof typeof SSO_MESSAGES;

const STATUS: Record<SsoFailure, number> = {
	unknown_provider: 404,
	provider_unreachable: 503,
	oidc_login_expired: 400,
	oidc_refused: 401,
	no_mapped_group: 403,
	account_blocked: 403,
	email_missing: 400,
	email_in_use: 409
};

export function ssoError(code: SsoFailure): ServiceError {
	return new ServiceError(STATUS[code], code, SSO_MESSAGES[code]);
}

/** The sentence for a failure code from the address, or undefined for anything else. */
export function ssoMessage(code: string | null): string | undefined {
	return code && Object.hasOwn(SSO_MESSAGES, code) ? SSO_MESSAGES[code as SsoFailure] : undefined;
}

/** A network failure or time-out, as opposed to an answer Paraat refused. */
function unreachable(err: unknown): boolean {
	return err instanceof Error && (err.name === 'TypeError' || err.name === 'AbortError' || err.name === 'TimeoutError');
}

async function configurationOf(provider: SignInProvider, fresh = false): Promise<client.Configuration> {
	try {
		return await clientConfiguration(provider, { fresh });
	} catch (err) {
		logger.warn({ provider: provider.key, err: err instanceof Error ? err.message : String(err) }, 'inlogdienst niet bereikbaar');
		throw ssoError('provider_unreachable');
	}
}

/** The first step: where to send the browser, and the token its cookie must carry back. */
export async function startOidcLogin(
	db: Kysely<DB>,
	providerKey: string,
	redirectUri: string,
	target: string
): Promise<{ url: URL; token: string; expiresAt: Date }> {
	const provider = await findSignInProvider(db, providerKey);
	if (!provider) throw ssoError('unknown_provider');
	const configuration = await configurationOf(provider, true);
	const codeVerifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const nonce = client.randomNonce();
	const token = generateSessionToken();
	const expiresAt = new Date(Date.now() + OIDC_LOGIN_LIFETIME_MS);
	await insertPendingLogin(db, { id: sessionIdFromToken(token), provider: provider.key, state, nonce, codeVerifier, target, expiresAt });
	const url = client.buildAuthorizationUrl(configuration, {
		redirect_uri: redirectUri,
		scope: 'openid profile email',
		response_type: 'code',
		code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce
	});
	return { url, token, expiresAt };
}

export type OidcLoginResult =
	| { kind: 'session'; token: string; session: Session; target: string }
	/** The account holds Bibob and the organisation's sign-in does not count as a second factor. */
	| { kind: 'second-factor'; userId: string; purpose: 'verifieren' | 'instellen'; target: string };

interface Meta {
	ip: string | null;
	userAgent: string | null;
}

/** The callback: checks the answer, finds or makes the user, sets the groups' roles, opens the session. */
export async function finishOidcLogin(db: Kysely<DB>, cookieToken: string | undefined, currentUrl: URL, meta: Meta): Promise<OidcLoginResult> {
	if (!cookieToken || !/^[a-z2-7]{32}$/.test(cookieToken)) throw ssoError('oidc_login_expired');
	const pending = await takePendingLogin(db, sessionIdFromToken(cookieToken));
	if (!pending || pending.expiresAt.getTime() <= Date.now()) throw ssoError('oidc_login_expired');
	const provider = await findSignInProvider(db, pending.provider);
	if (!provider) throw ssoError('unknown_provider');
	const configuration = await configurationOf(provider);

	let claims: client.IDToken;
	try {
		const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
			pkceCodeVerifier: pending.codeVerifier,
			expectedState: pending.state,
			expectedNonce: pending.nonce,
			idTokenExpected: true
		});
		const idClaims = tokens.claims();
		if (!idClaims) throw ssoError('oidc_refused');
		claims = idClaims;
	} catch (err) {
		if (err instanceof ServiceError) throw err;
		logger.warn({ provider: provider.key, err: err instanceof Error ? err.message : String(err) }, 'antwoord van inlogdienst geweigerd');
		await writeAudit(db, { actorId: null, action: 'session.sso_failed', entityType: 'inlogdienst', ip: meta.ip, details: { inlogdienst: provider.key, reden: err instanceof Error ? err.message.slice(0, 200) : 'onbekend' } });
		throw ssoError(unreachable(err) ? 'provider_unreachable' : 'oidc_refused');
	}
	return signIn(db, provider, claims, { ...meta, target: pending.target });
}

async function signIn(db: Kysely<DB>, provider: SignInProvider, claims: client.IDToken, meta: Meta & { target: string }): Promise<OidcLoginResult> {
	const groups = groupsFromClaim(claims[provider.groupsClaim]);
	const grants = grantsFromGroups(provider.groupRoles, groups);
	const issuer = claims.iss;
	const subject = claims.sub;

	const userId = await db.transaction().execute(async (trx) => {
		const known = await findIdentityUser(trx, issuer, subject);
		if (grants.length === 0) {
			// Removed from every mapped group: the roles those groups gave go, and no session opens.
			if (known) await replaceGroupGrants(trx, known.id, issuer, []);
			return null;
		}
		if (known) {
			if (!known.active) throw ssoError('account_blocked');
			await replaceGroupGrants(trx, known.id, issuer, grants);
			await touchIdentity(trx, issuer, subject);
			return known.id;
		}
		const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
		if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 254) {
			throw ssoError('email_missing');
		}
		// Matching by e-mail alone would let whoever controls a provider take over a local account.
		if (await emailTaken(trx, email)) {
			throw ssoError('email_in_use');
		}
		const name = (typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email).slice(0, 120);
		const id = await insertProvisionedUser(trx, { email, name, issuer, subject });
		await replaceGroupGrants(trx, id, issuer, grants);
		await writeAudit(trx, { actorId: id, action: 'user.created_via_sso', entityType: 'gebruiker', entityId: id, ip: meta.ip, details: { inlogdienst: provider.key, groepen: groups.slice(0, 50) } });
		return id;
	});

	if (!userId) {
		await writeAudit(db, { actorId: null, action: 'session.sso_refused', entityType: 'inlogdienst', ip: meta.ip, details: { inlogdienst: provider.key, groepen: groups.slice(0, 50) } });
		throw ssoError('no_mapped_group');
	}

	let secondFactor: SecondFactorUsed | null = null;
	if (await needsSecondFactor(db, userId)) {
		if (!(provider.trustMfa && assertsMultiFactor(claims))) {
			return { kind: 'second-factor', userId, purpose: (await hasTotp(db, userId)) ? 'verifieren' : 'instellen', target: meta.target };
		}
		secondFactor = 'organisatie-mfa';
	}
	const opened = await openSession(db, userId, { ip: meta.ip, userAgent: meta.userAgent, secondFactor, via: provider.key });
	return { kind: 'session', token: opened.token, session: opened.session, target: meta.target };
}
