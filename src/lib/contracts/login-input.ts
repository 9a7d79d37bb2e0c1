import { z } from 'zod';
import { safeText } from '../validation/fields.ts';

export const loginInput = z.object({
	email: safeText({ error: 'Vul je e-mailadres in.' })
		.trim()
		.min(1, { error: 'Vul je e-mailadres in.' })
		.max(254, { error: 'Dit e-mailadres is te lang.' }),
	password: safeText({ error: 'Vul je wachtwoord in.' })
		.min(1, { error: 'Vul je wachtwoord in.' })
		.max(256, { error: 'Dit wachtwoord is te lang.' }),
	// Bibob officers only: the second factor, either a 6-digit code or a recovery code.
	totp: safeText({ error: 'De code uit je authenticator-app is tekst van 6 cijfers.' })
		.trim()
		.regex(/^\d{6}$/, { error: 'De code uit je authenticator-app bestaat uit 6 cijfers.' })
		.optional(),
	recoveryCode: safeText({ error: 'Een herstelcode is tekst.' })
		.trim()
		.min(8, { error: 'Deze herstelcode is te kort.' })
		.max(40, { error: 'Deze herstelcode is te lang.' })
		.optional()
});

/** The second step of a login in the browser: one field that takes either kind of code. */
export const secondFactorInput = z.object({
	code: safeText({ error: 'Vul de code in.' })
		.trim()
		.min(6, { error: 'Vul de code uit je authenticator-app in (6 cijfers) of een herstelcode.' })
		.max(40, { error: 'Deze code is te lang.' })
});
