// From an identity provider's group claim to Paraat's role grants. Pure and framework-free: the
// environment configuration, the beheer page and the sign-in all use the same schema and rules.
import { z } from 'zod';
import { DISCIPLINES, ROLES, type RoleGrant } from '../auth/roles.ts';
import { roleTakesDiscipline } from '../auth/permissions.ts';
import { KENNEMERLAND } from '../../domain/region.ts';

const municipalityCodes = KENNEMERLAND.map((m) => m.code) as [string, ...string[]];

const mappedGrant = z
	.object({
		role: z.enum(ROLES, { error: () => `Onbekende rol; kies uit ${ROLES.join(', ')}.` }),
		// Left out: a grant for the whole region.
		municipality: z.enum(municipalityCodes, { error: () => `Onbekende gemeente; kies uit ${municipalityCodes.join(', ')}, of laat haar weg voor de regio.` }).optional(),
		discipline: z.enum(DISCIPLINES, { error: () => 'Een discipline is brandweer, ghor of politie.' }).optional()
	})
	.strict()
	.refine((g) => roleTakesDiscipline(g.role) === (g.discipline !== undefined), {
		error: () => 'Een adviseur heeft een discipline (brandweer, ghor of politie); andere rollen niet.'
	});

/** group name → the grants its members get. */
export const groupRolesSchema = z.record(
	z.string().trim().min(1, { error: () => 'Een groepsnaam mag niet leeg zijn.' }).max(300),
	z.array(mappedGrant).min(1, { error: () => 'Geef per groep minstens één rol.' })
);

export type GroupRoles = z.output<typeof groupRolesSchema>;

/** Reads the mapping from JSON text; a Dutch sentence when it is not valid. */
export function parseGroupRoles(text: string, name = 'De groepskoppeling'): { ok: true; value: GroupRoles } | { ok: false; message: string } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, message: `${name} is geen geldige JSON, bijvoorbeeld {"paraat-beheer": [{"role": "beheerder"}]}.` };
	}
	const parsed = groupRolesSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.length ? ` (bij ${issue.path.join('.')})` : '';
		return { ok: false, message: `${name} klopt niet${where}: ${issue?.message ?? 'onbekende fout'}` };
	}
	return { ok: true, value: parsed.data };
}

/** The claim's groups: providers send a list, a single string, or nothing. */
export function groupsFromClaim(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
	return [];
}

/** The grants a member of these groups gets; duplicates (two groups, one role) once. */
export function grantsFromGroups(mapping: GroupRoles, groups: string[]): RoleGrant[] {
	const seen = new Map<string, RoleGrant>();
	for (const group of groups) {
		for (const g of mapping[group] ?? []) {
			const grant: RoleGrant = { role: g.role, municipality: g.municipality ?? null, discipline: g.discipline ?? null };
			seen.set(`${grant.role}|${grant.municipality ?? ''}|${grant.discipline ?? ''}`, grant);
		}
	}
	return [...seen.values()];
}

/** `acr` values that name a multi-factor level (Keycloak's step-up level names, ADFS/Entra's URI). */
const MULTI_FACTOR_ACR = ['mfa', 'http://schemas.microsoft.com/claims/multipleauthn', 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract'];

/**
 * Whether the ID token says the user passed multi-factor authentication: an `amr` with `mfa` (RFC
 * 8176, what Entra ID and Keycloak send), or a hardware key / one-time password beside something
 * else, or an `acr` naming a multi-factor level.
 */
export function assertsMultiFactor(claims: { readonly [claim: string]: unknown }): boolean {
	const amr = Array.isArray(claims.amr) ? claims.amr.filter((m): m is string => typeof m === 'string') : [];
	if (amr.includes('mfa')) return true;
	const second = ['otp', 'hwk', 'swk', 'fido', 'sms', 'face', 'fpt'];
	if (amr.some((m) => second.includes(m)) && amr.length >= 2) return true;
	const acr = typeof claims.acr === 'string' ? claims.acr : '';
	return MULTI_FACTOR_ACR.includes(acr);
}
