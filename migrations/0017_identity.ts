import { type Kysely, sql } from 'kysely';

// Signing in with the organisation's own account (OpenID Connect, issue #21):
// - oidc_provider: the identity providers a beheerder configured (one per organisation), with the
//   client secret sealed like TOTP seeds, the group → role mapping, and whether the provider's own
//   multi-factor authentication counts for Bibob.
// - user_identity: a Paraat user is found by (issuer, subject), never by e-mail alone.
// - oidc_login: a sign-in on its way to the provider (state, nonce, PKCE verifier), used once.
// - role_grant.source: NULL for a grant a beheerder gave, else the issuer whose groups gave it;
//   those are replaced at every sign-in through that issuer.
// - user_session.last_used_at: what the sessions page shows.
// - app_user.password_hash becomes optional: someone made at their first single sign-on has none.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('oidc_provider')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('slug', 'text', (c) => c.notNull().unique().check(sql`slug ~ '^[a-z0-9][a-z0-9-]{0,39}$'`))
		.addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 100`))
		.addColumn('issuer', 'text', (c) => c.notNull().check(sql`length(issuer) between 8 and 500`))
		.addColumn('client_id', 'text', (c) => c.notNull().check(sql`length(client_id) between 1 and 300`))
		.addColumn('client_secret', 'bytea', (c) => c.notNull())
		.addColumn('groups_claim', 'text', (c) => c.notNull().defaultTo('groups'))
		.addColumn('group_roles', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('trust_mfa', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('user_identity')
		.addColumn('issuer', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_login_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('user_identity_pkey', ['issuer', 'subject'])
		.execute();
	await db.schema.createIndex('user_identity_user_id').on('user_identity').column('user_id').execute();

	await db.schema
		.createTable('oidc_login')
		.addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the browser's cookie token, hex
		.addColumn('provider', 'text', (c) => c.notNull()) // 'omgeving' or an oidc_provider slug
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('nonce', 'text', (c) => c.notNull())
		.addColumn('code_verifier', 'text', (c) => c.notNull())
		.addColumn('target', 'text', (c) => c.notNull().defaultTo('/'))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.execute();

	await db.schema.alterTable('role_grant').addColumn('source', 'text').execute();
	await sql`drop index role_grant_unique`.execute(db);
	await sql`create unique index role_grant_unique on role_grant
		(user_id, role, coalesce(municipality_code, ''), coalesce(discipline, ''), coalesce(source, ''))`.execute(db);

	await db.schema.alterTable('user_session').addColumn('last_used_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`)).execute();
	await sql`update user_session set last_used_at = created_at`.execute(db);

	await db.schema.alterTable('app_user').alterColumn('password_hash', (c) => c.dropNotNull()).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	// Accounts made by single sign-on have no password; they cannot exist without one.
	await sql`delete from app_user where password_hash is null`.execute(db);
	await db.schema.alterTable('app_user').alterColumn('password_hash', (c) => c.setNotNull()).execute();
	await db.schema.alterTable('user_session').dropColumn('last_used_at').execute();
	await sql`delete from role_grant where source is not null`.execute(db);
	await sql`drop index role_grant_unique`.execute(db);
	await db.schema.alterTable('role_grant').dropColumn('source').execute();
	await sql`create unique index role_grant_unique on role_grant
		(user_id, role, coalesce(municipality_code, ''), coalesce(discipline, ''))`.execute(db);
	await db.schema.dropTable('oidc_login').execute();
	await db.schema.dropTable('user_identity').execute();
	await db.schema.dropTable('oidc_provider').execute();
}
