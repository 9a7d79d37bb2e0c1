import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { CHALLENGE_COOKIE, completeSecondFactor, findChallenge } from '$lib/server/auth/login-challenge';
import { secondFactorInput } from '$lib/server/auth/login-input';
import { deleteChallengeCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { ServiceError } from '$lib/server/errors';
import { clientAddress } from '$lib/server/http/api';
import { safeTarget } from '$lib/server/http/safe-target';

export const load: PageServerLoad = async ({ cookies, url }) => {
	const challenge = await findChallenge(getDb(), cookies.get(CHALLENGE_COOKIE));
	if (!challenge || challenge.purpose !== 'verifieren') redirect(303, `/inloggen${url.search}`);
	return { email: challenge.email };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const parsed = secondFactorInput.safeParse({ code: String((await request.formData()).get('code') ?? '') });
		if (!parsed.success) return fail(400, { message: parsed.error.issues[0]?.message ?? 'Vul de code in.', expired: false });
		try {
			const { token, session } = await completeSecondFactor(getDb(), cookies.get(CHALLENGE_COOKIE), parsed.data.code, {
				ip: clientAddress(getClientAddress),
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
