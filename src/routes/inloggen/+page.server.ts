import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { login, RateLimitedError } from '$lib/server/auth/login';
import { loginInput } from '$lib/server/auth/login-input';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { ServiceError } from '$lib/server/errors';
import { clientAddress } from '$lib/server/http/api';

/** Only same-site paths: never redirect to another host after login. */
function safeTarget(value: string | null): string {
	return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeTarget(url.searchParams.get('naar')));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const parsed = loginInput.safeParse({ email, password: String(form.get('password') ?? '') });
		if (!parsed.success) {
			return fail(400, { email, message: parsed.error.issues[0]?.message ?? 'Vul je e-mailadres en wachtwoord in.' });
		}
		try {
			const { token, session } = await login(getDb(), {
				...parsed.data,
				ip: clientAddress(getClientAddress),
				userAgent: request.headers.get('user-agent')
			});
			setSessionCookie(cookies, url, token, session.expiresAt);
		} catch (err) {
			if (err instanceof RateLimitedError || err instanceof ServiceError) {
				return fail(err.status, { email, message: err.message });
			}
			throw err;
		}
		redirect(303, safeTarget(url.searchParams.get('naar')));
	}
};
