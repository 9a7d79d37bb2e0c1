// The provider sends the browser back here with a code; a session, a second-factor step, or a
// sentence on /inloggen about what went wrong.
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { OIDC_COOKIE, deleteOidcCookie, setChallengeCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { ServiceError } from '$lib/server/errors';

export const GET: RequestHandler = async ({ url, cookies, request, locals }) => {
	const token = cookies.get(OIDC_COOKIE);
	deleteOidcCookie(cookies, url);
	let next: string;
	try {
		const result = await locals.services.identity.finishOidcLogin(token, url, { ip: locals.ctx.ip, userAgent: request.headers.get('user-agent') });
		const query = result.target !== '/' ? `?naar=${encodeURIComponent(result.target)}` : '';
		if (result.kind === 'session') {
			setSessionCookie(cookies, url, result.token, result.session.expiresAt);
			next = result.target;
		} else {
			// The organisation's sign-in stands for the password; Bibob still asks Paraat's own second factor.
			const challenge = await locals.services.auth.createChallenge(result.userId, result.purpose);
			setChallengeCookie(cookies, url, challenge.token, challenge.expiresAt);
			next = `/inloggen/tweede-factor${result.purpose === 'instellen' ? '/instellen' : ''}${query}`;
		}
	} catch (err) {
		if (!(err instanceof ServiceError)) throw err;
		next = `/inloggen?sso=${encodeURIComponent(err.code)}`;
	}
	redirect(303, next);
};
