import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';
import { CHALLENGE_COOKIE } from './login-challenge';

/**
 * httpOnly, SameSite=Lax, path /. Secure whenever the app is served over HTTPS — in production
 * behind TLS (adapter-node learns the protocol from ORIGIN or PROTOCOL_HEADER); plain
 * http://localhost in demo mode and tests cannot carry a Secure cookie for every client.
 */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.set(SESSION_COOKIE, '', {
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		path: '/',
		maxAge: 0
	});
}

/** The login challenge between password and second factor: only the /inloggen pages read it. */
export function setChallengeCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(CHALLENGE_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', path: '/inloggen', expires: expiresAt });
}

export function deleteChallengeCookie(cookies: Cookies, url: URL): void {
	cookies.set(CHALLENGE_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', path: '/inloggen', maxAge: 0 });
}

/** A single sign-on under way: only the /inloggen/oidc routes read it; SameSite=Lax so the provider's redirect back carries it. */
export const OIDC_COOKIE = 'paraat_sso';

export function setOidcCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(OIDC_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', path: '/inloggen/oidc', expires: expiresAt });
}

export function deleteOidcCookie(cookies: Cookies, url: URL): void {
	cookies.set(OIDC_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', path: '/inloggen/oidc', maxAge: 0 });
}
