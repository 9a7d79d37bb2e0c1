import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { CHALLENGE_COOKIE } from '$lib/server/auth/login-challenge';
import { secondFactorInput } from '$lib/server/auth/login-input';
import { deleteChallengeCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { ServiceError } from '$lib/server/errors';
import { safeTarget } from '$lib/server/http/safe-target';

export const load: PageServerLoad = async ({ cookies, url, locals }) => {
	const challenge = await locals.services.auth.findChallenge(cookies.get(CHALLENGE_COOKIE));
	if (!challenge || challenge.purpose !== 'verifieren') redirect(303, `/inloggen${url.search}`);
	return { email: challenge.email };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals }) => {
		const parsed = secondFactorInput.safeParse({ code: String((await request.formData()).get('code') ?? '') });
		if (!parsed.success) return fail(400, { message: parsed.error.issues[0]?.message ?? 'Vul de code in.', expired: false });
		try {
			const { token, session } = await locals.services.auth.completeSecondFactor(cookies.get(CHALLENGE_COOKIE), parsed.data.code, {
				ip: locals.ctx.ip,
				userAgent: request.headers.get('user-agent')
			});
			deleteChallengeCookie(cookies, url);
			setSessionCookie(cookies, url, token, session.expiresAt);
		} catch (err) {
			if (err instanceof ServiceError) {
				if (err.code === 'challenge_expired') deleteChallengeCookie(cookies, url);
				return fail(err.status, { message: err.message, expired: err.code === 'challenge_expired' });
			}
			throw err;
		}
		redirect(303, safeTarget(url.searchParams.get('naar')));
	}
};
