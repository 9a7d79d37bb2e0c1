import { fail, redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import type { Actions, PageServerLoad } from './$types';
import { CHALLENGE_COOKIE } from '$lib/server/auth/login-challenge';
import { secretToBase32, totpUri } from '$lib/server/auth/second-factor';
import { secondFactorInput } from '$lib/server/auth/login-input';
import { deleteChallengeCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { ServiceError } from '$lib/server/errors';
import { safeTarget } from '$lib/server/http/safe-target';

export const load: PageServerLoad = async ({ cookies, url, locals }) => {
	const challenge = await locals.services.auth.findChallenge(cookies.get(CHALLENGE_COOKIE));
	if (!challenge || challenge.purpose !== 'instellen') {
		// Right after enrolment (the same request without JavaScript): show the recovery codes.
		if (locals.user) return { done: true as const, email: locals.user.email, secret: '', qr: '', next: safeTarget(url.searchParams.get('naar')) };
		redirect(303, `/inloggen${url.search}`);
	}
	const secret = await locals.services.auth.enrolmentSecret(challenge);
	const uri = totpUri(challenge.email, secret);
	return {
		done: false as const,
		email: challenge.email,
		// Grouped by four for reading aloud or typing; apps ignore the spaces.
		secret: secretToBase32(secret).match(/.{1,4}/g)!.join(' '),
		qr: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 }),
		next: safeTarget(url.searchParams.get('naar'))
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals }) => {
		const parsed = secondFactorInput.safeParse({ code: String((await request.formData()).get('code') ?? '') });
		if (!parsed.success) return fail(400, { message: parsed.error.issues[0]?.message ?? 'Vul de code in.', expired: false });
		try {
			const { token, session, recoveryCodes } = await locals.services.auth.completeEnrolment(cookies.get(CHALLENGE_COOKIE), parsed.data.code, {
				ip: locals.ctx.ip,
				userAgent: request.headers.get('user-agent')
			});
			deleteChallengeCookie(cookies, url);
			setSessionCookie(cookies, url, token, session.expiresAt);
			const validated = await locals.services.auth.validateSessionToken(token);
			locals.user = validated.user;
			locals.session = validated.session;
			// Shown once, here; only their hashes are stored.
			return { recoveryCodes, next: safeTarget(url.searchParams.get('naar')) };
		} catch (err) {
			if (err instanceof ServiceError) {
				if (err.code === 'challenge_expired') deleteChallengeCookie(cookies, url);
				return fail(err.status, { message: err.message, expired: err.code === 'challenge_expired' });
			}
			throw err;
		}
	}
};
