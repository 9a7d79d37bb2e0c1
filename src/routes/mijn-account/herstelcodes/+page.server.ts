import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/http/guards';
import { clientAddress } from '$lib/server/http/api';
import { secondFactorInput } from '$lib/server/auth/login-input';
import { hasTotp } from '$lib/server/auth/second-factor';
import { renewRecoveryCodes } from '$lib/server/auth/recovery-renewal';
import { ServiceError } from '$lib/server/errors';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { enrolled: await hasTotp(getDb(), user.id) };
};

export const actions: Actions = {
	default: async ({ locals, url, request, getClientAddress }) => {
		const user = requireUser(locals, url);
		const parsed = secondFactorInput.safeParse({ code: String((await request.formData()).get('code') ?? '') });
		if (!parsed.success) return fail(400, { message: parsed.error.issues[0]?.message ?? 'Vul de code uit je authenticator-app in.' });
		try {
			// Shown once, on this answer only; the database keeps their hashes.
			return { recoveryCodes: await renewRecoveryCodes(getDb(), user.id, parsed.data.code, clientAddress(getClientAddress)) };
		} catch (err) {
			if (err instanceof ServiceError) return fail(err.status, { message: err.message });
			throw err;
		}
	}
};
