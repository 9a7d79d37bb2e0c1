import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { RateLimitedError, SecondFactorError } from '$lib/server/auth/login';
import { loginInput } from '$lib/server/auth/login-input';
import { setChallengeCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { ServiceError } from '$lib/server/errors';

import { safeTarget } from '$lib/server/http/safe-target';
import { ssoMessage } from '$lib/server/identity/oidc-login';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeTarget(url.searchParams.get('naar')));
	return {
		// The organisations' providers (none in demo mode: passwords only).
		providers: await locals.services.identity.signInChoices(),
		ssoMessage: ssoMessage(url.searchParams.get('sso'))
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const parsed = loginInput.pick({ email: true, password: true }).safeParse({ email, password: String(form.get('password') ?? '') });
		if (!parsed.success) {
			return fail(400, { email, message: parsed.error.issues[0]?.message ?? 'Vul je e-mailadres en wachtwoord in.' });
		}
		try {
			const { token, session } = await locals.services.auth.login({
				...parsed.data,
				ip: locals.ctx.ip,
				userAgent: request.headers.get('user-agent')
			});
			setSessionCookie(cookies, url, token, session.expiresAt);
		} catch (err) {
			if (err instanceof SecondFactorError) {
				// Password right, second factor still to come: a challenge, not a session.
				const purpose = err.code === 'second_factor_required' ? 'verifieren' : 'instellen';
				const challenge = await locals.services.auth.createChallenge(err.userId, purpose);
				setChallengeCookie(cookies, url, challenge.token, challenge.expiresAt);
				const next = url.searchParams.get('naar');
				const query = next ? `?naar=${encodeURIComponent(safeTarget(next))}` : '';
				redirect(303, `/inloggen/tweede-factor${purpose === 'instellen' ? '/instellen' : ''}${query}`);
			}
			if (err instanceof RateLimitedError || err instanceof ServiceError) {
				return fail(err.status, { email, message: err.message });
			}
			throw err;
		}
		redirect(303, safeTarget(url.searchParams.get('naar')));
	}
};
