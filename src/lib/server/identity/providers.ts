// The identity providers users may sign in with: the one from the environment (PARAAT_OIDC_*) and
// those a beheerder configured on /beheer/inlogdiensten, read at every sign-in so a change needs no
// restart. The OpenID client configuration (discovery) is kept per provider for a few minutes and
// made again when the provider's settings change. Framework-free.
import * as client from 'openid-client';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { config, type Config } from '../config.ts';
import { openSecret } from '../auth/secret-box.ts';
import { groupRolesSchema, parseGroupRoles, type GroupRoles } from './group-mapping.ts';
import { findProviderRow, listProviderRows } from './identity-queries.ts';

export interface SignInProvider {
	/** 'omgeving' for the environment's provider, else the beheer page's slug. */
	key: string;
	name: string;
	issuer: string;
	clientId: string;
	clientSecret: string;
	groupsClaim: string;
	groupRoles: GroupRoles;
	/** Whether the provider's own multi-factor authentication counts as Paraat's second factor. */
	trustMfa: boolean;
	/** Changes whenever a setting changes: the cached client configuration is made again. */
	version: string;
}

export const ENV_PROVIDER_KEY = 'omgeving';
/** Discovery and token requests give up after this; a provider that is down must not hang the login page. */
const PROVIDER_TIMEOUT_SECONDS = 5;
const DISCOVERY_CACHE_MS = 10 * 60 * 1000;

/** The provider PARAAT_OIDC_* describes, or undefined when single sign-on is not configured there. */
export function environmentProvider(c: Config = config()): SignInProvider | undefined {
	if (!c.PARAAT_OIDC_ISSUER || !c.PARAAT_OIDC_CLIENT_ID || !c.PARAAT_OIDC_CLIENT_SECRET || !c.PARAAT_OIDC_GROUP_ROLES) return undefined;
	const mapping = parseGroupRoles(c.PARAAT_OIDC_GROUP_ROLES);
	if (!mapping.ok) return undefined; // loadConfig refused it already
	return {
		key: ENV_PROVIDER_KEY,
		name: c.PARAAT_OIDC_NAME ?? 'Organisatie',
		issuer: c.PARAAT_OIDC_ISSUER,
		clientId: c.PARAAT_OIDC_CLIENT_ID,
		clientSecret: c.PARAAT_OIDC_CLIENT_SECRET,
		groupsClaim: c.PARAAT_OIDC_GROUPS_CLAIM,
		groupRoles: mapping.value,
		trustMfa: c.PARAAT_OIDC_TRUST_MFA === '1',
		version: 'omgeving'
	};
}

type ProviderRow = NonNullable<Awaited<ReturnType<typeof findProviderRow>>>;

function fromRow(row: ProviderRow): SignInProvider | undefined {
	const mapping = groupRolesSchema.safeParse(row.groupRoles);
	if (!row.active || !mapping.success) return undefined;
	return {
		key: row.slug,
		name: row.name,
		issuer: row.issuer,
		clientId: row.clientId,
		clientSecret: new TextDecoder().decode(openSecret(row.clientSecret)),
		groupsClaim: row.groupsClaim,
		groupRoles: mapping.data,
		trustMfa: row.trustMfa,
		version: row.updatedAt.toISOString()
	};
}

/** Every provider a user can choose now (names and keys for the login page). */
export async function signInChoices(db: Kysely<DB>): Promise<{ key: string; name: string }[]> {
	const env = environmentProvider();
	const rows = await listProviderRows(db);
	return [...(env ? [{ key: env.key, name: env.name }] : []), ...rows.filter((r) => r.active).map((r) => ({ key: r.slug, name: r.name }))];
}

export async function findSignInProvider(db: Kysely<DB>, key: string): Promise<SignInProvider | undefined> {
	if (key === ENV_PROVIDER_KEY) return environmentProvider();
	const row = await findProviderRow(db, key);
	return row ? fromRow(row) : undefined;
}

const configurations = new Map<string, { version: string; at: number; configuration: Promise<client.Configuration> }>();

/**
 * The provider's OpenID client configuration, from its discovery document. `fresh` asks the
 * provider again: a sign-in starts with that, so a provider that went down is noticed here, with a
 * sentence on /inloggen, instead of as a browser error page at the provider's address.
 */
export function clientConfiguration(provider: SignInProvider, options: { fresh?: boolean } = {}): Promise<client.Configuration> {
	const cached = configurations.get(provider.key);
	if (!options.fresh && cached && cached.version === provider.version && Date.now() - cached.at < DISCOVERY_CACHE_MS) return cached.configuration;
	const url = new URL(provider.issuer);
	const configuration = client.discovery(url, provider.clientId, provider.clientSecret, undefined, {
		timeout: PROVIDER_TIMEOUT_SECONDS,
		execute: [
			// http only for a provider on this machine (tests, a local Keycloak); the config schema refuses http elsewhere.
			...(url.protocol === 'http:' ? [client.allowInsecureRequests] : []),
			// Check the ID token's signature against the provider's published keys too, not only TLS
			// (OpenID Connect allows skipping it on the back channel; ASVS asks for it).
			client.enableNonRepudiationChecks
		]
	});
	configurations.set(provider.key, { version: provider.version, at: Date.now(), configuration });
	// A failed discovery is not kept: the next sign-in asks again.
	configuration.catch(() => {
		if (configurations.get(provider.key)?.configuration === configuration) configurations.delete(provider.key);
	});
	return configuration;
}
