// The provider sends the browser back here with a code; a session, a second-factor step, or a
// sentence on /inloggen about what went wrong.
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { OIDC_COOKIE, deleteOidcCookie, setChallengeCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { createChallenge } from '$lib/server/auth/login-challenge';
import { finishOidcLogin } from '$lib/server/identity/oidc-login';
import { ServiceError } from '$lib/server/errors';
import { clientAddress } from '$lib/server/http/api';

export const GET: RequestHandler = async ({ url, cookies, request, getClientAddress }) => {
	const token = cookies.get(OIDC_COOKIE);
	deleteOidcCookie(cookies, url);
	let next: string;
	try {
		const result = await finishOidcLogin(getDb(), token, url, { ip: clientAddress(getClientAddress), userAgent: request.headers.get('user-agent') });
		const query = result.target !== '/' ? `?naar=${encodeURIComponent(result.target)}` : '';
		if (result.kind === 'session') {
			setSessionCookie(cookies, url, result.token, result.session.expiresAt);
			next = result.target;
		} else {
			// The organisation's sign-in stands for the password; Bibob still asks Paraat's own second factor.
			const challenge = await createChallenge(getDb(), result.userId, result.purpose);
			setChallengeCookie(cookies, url, challenge.token, challenge.expiresAt);
			next = `/inloggen/tweede-factor${result.purpose === 'instellen' ? '/instellen' : ''}${query}`;
		}
	} catch (err) {
		if (!(err instanceof ServiceError)) throw err;
		next = `/inloggen?sso=${encodeURIComponent(err.code)}`;
	}
	redirect(303, next);
};
