// SQL for single sign-on: configured providers, linked identities, sign-ins under way, and the
// grants an organisation's groups give. Framework-free.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { RoleGrant } from '../auth/roles.ts';

type Db = Kysely<DB>;

const PROVIDER_COLUMNS = ['id', 'slug', 'name', 'issuer', 'clientId', 'clientSecret', 'groupsClaim', 'groupRoles', 'trustMfa', 'active', 'updatedAt'] as const;

export async function listProviderRows(db: Db) {
	return db.selectFrom('oidcProvider').select(PROVIDER_COLUMNS).orderBy('name').execute();
}

export async function findProviderRow(db: Db, slug: string) {
	return db.selectFrom('oidcProvider').select(PROVIDER_COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

export interface ProviderValues {
	slug: string;
	name: string;
	issuer: string;
	clientId: string;
	groupsClaim: string;
	groupRoles: unknown;
	trustMfa: boolean;
	active: boolean;
}

export async function insertProviderRow(db: Db, values: ProviderValues & { clientSecret: Buffer }): Promise<void> {
	await db
		.insertInto('oidcProvider')
		.values({ ...values, groupRoles: JSON.stringify(values.groupRoles) })
		.execute();
}

/** Updates a provider; the secret only when a new one is given. False when the slug is unknown. */
export async function updateProviderRow(db: Db, values: ProviderValues & { clientSecret?: Buffer }): Promise<boolean> {
	const { slug, ...rest } = values;
	const result = await db
		.updateTable('oidcProvider')
		.set({ ...rest, groupRoles: JSON.stringify(values.groupRoles), updatedAt: new Date() })
		.where('slug', '=', slug)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function deleteProviderRow(db: Db, slug: string): Promise<boolean> {
	const result = await db.deleteFrom('oidcProvider').where('slug', '=', slug).executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

export async function insertPendingLogin(
	db: Db,
	row: { id: string; provider: string; state: string; nonce: string; codeVerifier: string; target: string; expiresAt: Date }
): Promise<void> {
	// Sign-ins abandoned at the provider are cleared on the way.
	await db.deleteFrom('oidcLogin').where('expiresAt', '<', new Date()).execute();
	await db.insertInto('oidcLogin').values(row).execute();
}

/** Takes a sign-in under way out of the table: it is used once, whatever the outcome. */
export async function takePendingLogin(db: Db, id: string) {
	return db.deleteFrom('oidcLogin').where('id', '=', id).returningAll().executeTakeFirst();
}

export async function findIdentityUser(db: Db, issuer: string, subject: string) {
	return db
		.selectFrom('userIdentity')
		.innerJoin('appUser', 'appUser.id', 'userIdentity.userId')
		.select(['appUser.id', 'appUser.active', 'appUser.email'])
		.where('userIdentity.issuer', '=', issuer)
		.where('userIdentity.subject', '=', subject)
		.executeTakeFirst();
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
	return !!(await db.selectFrom('appUser').select('id').where('email', '=', email).executeTakeFirst());
}

/** A user made at their first single sign-on: no password, found by (issuer, subject) from now on. */
export async function insertProvisionedUser(db: Db, values: { email: string; name: string; issuer: string; subject: string }): Promise<string> {
	const user = await db.insertInto('appUser').values({ email: values.email, name: values.name, passwordHash: null }).returning('id').executeTakeFirstOrThrow();
	await db.insertInto('userIdentity').values({ issuer: values.issuer, subject: values.subject, userId: user.id }).execute();
	return user.id;
}

export async function touchIdentity(db: Db, issuer: string, subject: string): Promise<void> {
	await db.updateTable('userIdentity').set({ lastLoginAt: new Date() }).where('issuer', '=', issuer).where('subject', '=', subject).execute();
}

/** Grants from this issuer's groups, replaced as a whole; grants a beheerder gave are left alone. */
export async function replaceGroupGrants(db: Db, userId: string, source: string, grants: RoleGrant[]): Promise<void> {
	await db.deleteFrom('roleGrant').where('userId', '=', userId).where('source', '=', source).execute();
	if (grants.length === 0) return;
	await db
		.insertInto('roleGrant')
		.values(grants.map((g) => ({ userId, role: g.role, municipalityCode: g.municipality, discipline: g.discipline, source, confirmedAt: new Date() })))
		.execute();
}

export async function groupGrantsOf(db: Db, userId: string, source: string) {
	return db.selectFrom('roleGrant').select(['role', 'municipalityCode', 'discipline']).where('userId', '=', userId).where('source', '=', source).execute();
}
