// The beheer page's side of single sign-on: a regional beheerder adds, changes and removes the
// organisations' identity providers. The client secret is sealed at rest (secret-box) and never
// shown again; every change is audited. Sign-ins read the table each time: no restart needed.
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { can } from '../auth/permissions.ts';
import { sealSecret } from '../auth/secret-box.ts';
import { writeAudit } from '../audit/audit.ts';
import { ServiceError, forbidden, notFound } from '../errors.ts';
import { safeText } from '../../validation/fields.ts';
import { ENV_PROVIDER_KEY } from './providers.ts';
import { parseGroupRoles } from './group-mapping.ts';
import { deleteProviderRow, findProviderRow, insertProviderRow, listProviderRows, updateProviderRow } from './identity-queries.ts';

function isIssuerUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname));
	} catch {
		return false;
	}
}

/** A checkbox: 'on' when ticked, absent (empty) when not; true/false from code. */
const checkbox = z.union([z.boolean(), z.string()]).transform((v) => v === true || v === 'on');

export const providerInput = z
	.object({
		slug: safeText()
			.trim()
			.toLowerCase()
			.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'De korte naam bestaat uit kleine letters, cijfers en streepjes (hoogstens 40), bijvoorbeeld gemeente-haarlem.' })
			.refine((s) => s !== ENV_PROVIDER_KEY, { error: `De korte naam ${ENV_PROVIDER_KEY} is voor de inlogdienst uit de omgeving; kies een andere.` }),
		name: safeText().trim().min(2, { error: 'Vul de naam van de organisatie in.' }).max(100, { error: 'De naam is te lang (hoogstens 100 tekens).' }),
		issuer: safeText().trim().max(500).refine(isIssuerUrl, { error: 'De issuer is het https-adres van de inlogdienst, bijvoorbeeld https://login.microsoftonline.com/<tenant-id>/v2.0.' }),
		clientId: safeText().trim().min(1, { error: 'Vul de client-id in.' }).max(300, { error: 'De client-id is te lang.' }),
		// Empty when changing a provider: the stored secret stays.
		clientSecret: safeText().trim().max(2000, { error: 'Het clientgeheim is te lang.' }),
		groupsClaim: safeText()
			.trim()
			.regex(/^[A-Za-z0-9_:/.-]{1,200}$/, { error: 'De groepsclaim is de naam van een claim, bijvoorbeeld groups of roles.' }),
		groupRoles: safeText().max(20_000, { error: 'De groepskoppeling is te lang.' }),
		trustMfa: checkbox,
		active: checkbox
	})
	.transform((v, ctx) => {
		const mapping = parseGroupRoles(v.groupRoles);
		if (!mapping.ok) {
			ctx.addIssue({ code: 'custom', path: ['groupRoles'], message: mapping.message });
			return z.NEVER;
		}
		return { ...v, groupRoles: mapping.value };
	});

export type ProviderInput = z.output<typeof providerInput>;

interface Ctx {
	ip: string | null;
}

function requireManager(actor: SessionUser): void {
	if (!can(actor, 'identity.providers.manage')) throw forbidden('Alleen een regionale beheerder beheert de inlogdiensten van organisaties.');
}

/** The providers as the beheer page shows them: everything but the secret. */
export async function providersForAdmin(db: Kysely<DB>, actor: SessionUser) {
	requireManager(actor);
	const rows = await listProviderRows(db);
	return rows.map(({ clientSecret: _secret, ...row }) => ({ ...row, groupRoles: JSON.stringify(row.groupRoles, null, 2) }));
}

export async function saveProvider(db: Kysely<DB>, actor: SessionUser, input: ProviderInput, ctx: Ctx): Promise<void> {
	requireManager(actor);
	const values = {
		slug: input.slug,
		name: input.name,
		issuer: input.issuer,
		clientId: input.clientId,
		groupsClaim: input.groupsClaim,
		groupRoles: input.groupRoles,
		trustMfa: input.trustMfa,
		active: input.active
	};
	await db.transaction().execute(async (trx) => {
		const existing = await findProviderRow(trx, input.slug);
		if (existing) {
			await updateProviderRow(trx, { ...values, ...(input.clientSecret ? { clientSecret: Buffer.from(sealSecret(new TextEncoder().encode(input.clientSecret))) } : {}) });
		} else {
			if (!input.clientSecret) throw new ServiceError(400, 'validation_failed', 'Vul het clientgeheim in.', [{ field: 'clientSecret', message: 'Vul het clientgeheim in.' }]);
			await insertProviderRow(trx, { ...values, clientSecret: Buffer.from(sealSecret(new TextEncoder().encode(input.clientSecret))) });
		}
		await writeAudit(trx, {
			actorId: actor.id,
			action: existing ? 'identity_provider.updated' : 'identity_provider.created',
			entityType: 'inlogdienst',
			ip: ctx.ip,
			details: { inlogdienst: input.slug, issuer: input.issuer, groepen: Object.keys(input.groupRoles), mfaVertrouwd: input.trustMfa, actief: input.active, nieuwGeheim: !!input.clientSecret }
		});
	});
}

export async function removeProvider(db: Kysely<DB>, actor: SessionUser, slug: string, ctx: Ctx): Promise<void> {
	requireManager(actor);
	await db.transaction().execute(async (trx) => {
		if (!(await deleteProviderRow(trx, slug))) throw notFound('Deze inlogdienst bestaat niet (meer).');
		await writeAudit(trx, { actorId: actor.id, action: 'identity_provider.deleted', entityType: 'inlogdienst', ip: ctx.ip, details: { inlogdienst: slug } });
	});
}
