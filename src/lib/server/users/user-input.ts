import { z } from 'zod';
import { safeText } from '../../validation/fields.ts';
import { DISCIPLINES, ROLES } from '../auth/roles';
import { PASSWORD_MIN_LENGTH } from '../auth/password';
import { roleTakesDiscipline } from '../auth/permissions';
import { KENNEMERLAND } from '../../domain/region';

const municipalityCodes = KENNEMERLAND.map((m) => m.code) as [string, ...string[]];

export const grantInput = z
	.object({
		role: z.enum(ROLES, { error: 'Kies een bestaande rol.' }),
		// '' or 'regio' in a form means the whole region.
		municipality: z
			.union([z.enum(municipalityCodes, { error: 'Kies een gemeente van Kennemerland of de regio.' }), z.literal('regio'), z.literal('')])
			.transform((v) => (v === 'regio' || v === '' ? null : v)),
		discipline: z
			.union([z.enum(DISCIPLINES, { error: 'Kies brandweer, GHOR of politie.' }), z.literal('')])
			.optional()
			.transform((v) => (v ? v : null))
	})
	.superRefine((v, ctx) => {
		if (roleTakesDiscipline(v.role) && !v.discipline) {
			ctx.addIssue({ code: 'custom', path: ['discipline'], message: 'Een adviseur heeft een discipline: brandweer, GHOR of politie.' });
		}
		if (!roleTakesDiscipline(v.role) && v.discipline) {
			ctx.addIssue({ code: 'custom', path: ['discipline'], message: 'Alleen een adviseur heeft een discipline.' });
		}
	});

export const newUserInput = z
	.object({
		name: safeText().trim().min(2, { error: 'Vul de naam in (minstens 2 tekens).' }).max(120, { error: 'De naam is te lang (hoogstens 120 tekens).' }),
		email: safeText()
			.trim()
			.toLowerCase()
			.max(254, { error: 'Het e-mailadres is te lang.' })
			.pipe(z.email({ error: 'Vul een geldig e-mailadres in.' })),
		password: safeText()
			.min(PASSWORD_MIN_LENGTH, { error: `Het wachtwoord moet minstens ${PASSWORD_MIN_LENGTH} tekens hebben.` })
			.max(256, { error: 'Het wachtwoord is te lang.' })
	})
	.and(grantInput);

export type GrantInput = z.output<typeof grantInput>;
export type NewUserInput = z.output<typeof newUserInput>;

/** Why a beheerder resets someone's second factor: it goes into the audit log. */
export const resetReasonInput = z.object({
	userId: z.uuid({ error: 'Onbekende gebruiker.' }),
	reason: safeText()
		.trim()
		.min(5, { error: 'Schrijf waarom je de tweede factor reset (minstens 5 tekens), bijvoorbeeld "telefoon verloren, gebeld op 7 december".' })
		.max(500, { error: 'De reden is te lang (hoogstens 500 tekens).' })
});
