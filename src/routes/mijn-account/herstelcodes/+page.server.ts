import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http/guards';
import { secondFactorInput } from '$lib/server/auth/login-input';
import { ServiceError } from '$lib/server/errors';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { enrolled: await locals.services.auth.hasTotp(user.id) };
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = secondFactorInput.safeParse({ code: String((await request.formData()).get('code') ?? '') });
		if (!parsed.success) return fail(400, { message: parsed.error.issues[0]?.message ?? 'Vul de code uit je authenticator-app in.' });
		try {
			// Shown once, on this answer only; the database keeps their hashes.
			return { recoveryCodes: await locals.services.auth.renewRecoveryCodes(user.id, parsed.data.code, locals.ctx.ip) };
		} catch (err) {
			if (err instanceof ServiceError) return fail(err.status, { message: err.message });
			throw err;
		}
	}
};
