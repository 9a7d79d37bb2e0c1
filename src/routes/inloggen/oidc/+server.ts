// "Inloggen met je organisatie-account": to the chosen provider, with state, nonce and PKCE.
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { setOidcCookie } from '$lib/server/auth/cookie';
import { OIDC_CALLBACK_PATH } from '$lib/server/identity/oidc-login';
import { ServiceError } from '$lib/server/errors';
import { safeTarget } from '$lib/server/http/safe-target';

export const GET: RequestHandler = async ({ url, cookies, locals }) => {
	const key = url.searchParams.get('aanbieder') ?? '';
	const target = safeTarget(url.searchParams.get('naar'));
	let destination: URL;
	try {
		const started = await locals.services.identity.startOidcLogin(key, new URL(OIDC_CALLBACK_PATH, url.origin).href, target);
		setOidcCookie(cookies, url, started.token, started.expiresAt);
		destination = started.url;
	} catch (err) {
		if (!(err instanceof ServiceError)) throw err;
		redirect(303, `/inloggen?sso=${encodeURIComponent(err.code)}`);
	}
	redirect(303, destination.href);
};
