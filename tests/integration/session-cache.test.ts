// Cached sessions (#19) against real PostgreSQL and a real LISTEN connection: while the realtime
// listener is up, a validated session is served from memory without a query, and every change that
// ends or narrows a session takes effect on the next request, also when it was made elsewhere (plain
// SQL here, as another node or an operator would: the triggers of migration 0023 announce it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from '../../src/lib/server/db/schema.ts';
import { sessionIdFromToken, validateSessionToken } from '../../src/lib/server/auth/session.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createTestDatabase, createUser, loginAs, waitFor, type TestDatabase } from '../support/test-db.ts';
import { startRealtimeServer, type TestRealtimeNode } from '../support/realtime-server.ts';

let t: TestDatabase;
let node: TestRealtimeNode | undefined;
/** A second connection that counts its queries, to see whether a lookup reached PostgreSQL. */
let counted: Kysely<DB>;
let queries = 0;

beforeAll(async () => {
	t = await createTestDatabase();
	counted = new Kysely<DB>({
		dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: t.url, max: 2 }) }),
		plugins: [new CamelCasePlugin()],
		log: () => void queries++
	});
});

afterAll(async () => {
	await node?.close();
	await counted?.destroy();
	await t?.drop();
});

async function user(name: string): Promise<SessionUser> {
	return createUser(t.db, { name, grants: [{ role: 'crisisteam', municipality: null }] });
}

async function queriesFor(token: string) {
	const before = queries;
	const result = await validateSessionToken(counted, token);
	return { result, queries: queries - before };
}

describe('without a listener', () => {
	it('every lookup asks PostgreSQL (nothing could tell this process about a change)', async () => {
		const token = await loginAs(t.db, await user('Zonder Luisteraar'));
		await validateSessionToken(counted, token);
		expect((await queriesFor(token)).queries).toBeGreaterThan(0);
	});
});

describe('with the realtime listener up', () => {
	beforeAll(async () => {
		node = await startRealtimeServer(t);
	});

	it('serves a validated session from memory, without a query', async () => {
		const token = await loginAs(t.db, await user('Anna Cache'));
		const first = await queriesFor(token);
		expect(first.result.session).not.toBeNull();
		expect(first.queries).toBeGreaterThan(0);
		// The grants just written announce the user (a NOTIFY that may arrive after the first lookup
		// began, which then is not stored); from the next lookup on, none asks PostgreSQL.
		await waitFor(async () => (await queriesFor(token)).queries === 0, { what: 'een opzoeking zonder query' });
		const cached = await queriesFor(token);
		expect(cached.queries).toBe(0);
		expect(cached.result.user?.id).toBe(first.result.user?.id);
		expect(cached.result.session?.id).toBe(sessionIdFromToken(token));
	});

	it('a session deleted elsewhere (another node, an operator) is refused on the next lookup', async () => {
		const token = await loginAs(t.db, await user('Bas Uitgelogd'));
		expect((await validateSessionToken(counted, token)).session).not.toBeNull();
		await sql`delete from user_session where id = ${sessionIdFromToken(token)}`.execute(t.db);
		await waitFor(async () => (await validateSessionToken(counted, token)).session === null, { what: 'de sessie is geweigerd' });
	});

	it('a revoked role is gone on the next lookup', async () => {
		const someone = await createUser(t.db, { name: 'Cor Rollen', grants: [{ role: 'crisisteam', municipality: null }, { role: 'waarnemer', municipality: 'haarlem' }] });
		const token = await loginAs(t.db, someone);
		expect((await validateSessionToken(counted, token)).user?.grants).toHaveLength(2);
		await sql`delete from role_grant where user_id = ${someone.id} and role = 'waarnemer'`.execute(t.db);
		await waitFor(async () => (await validateSessionToken(counted, token)).user?.grants.length === 1, { what: 'de rol is weg' });
	});

	it('a blocked user is refused on the next lookup', async () => {
		const someone = await user('Dirk Geblokkeerd');
		const token = await loginAs(t.db, someone);
		expect((await validateSessionToken(counted, token)).session).not.toBeNull();
		await sql`update app_user set active = false where id = ${someone.id}`.execute(t.db);
		await waitFor(async () => (await validateSessionToken(counted, token)).session === null, { what: 'de gebruiker is geweigerd' });
	});

	it('a new password hash ends the cached sessions of that user', async () => {
		const someone = await user('Eva Wachtwoord');
		const token = await loginAs(t.db, someone);
		await waitFor(async () => (await queriesFor(token)).queries === 0, { what: 'een opzoeking zonder query' });
		// The password change itself ends the other sessions (a delete: announced too); the
		// changed hash alone already drops what this process remembered of the user.
		await sql`update app_user set password_hash = 'x' where id = ${someone.id}`.execute(t.db);
		await waitFor(async () => (await queriesFor(token)).queries > 0, { what: 'de sessie wordt opnieuw gelezen' });
	});

	it('with the listener gone the cache is off again', async () => {
		const token = await loginAs(t.db, await user('Fien Zonder'));
		await waitFor(async () => (await queriesFor(token)).queries === 0, { what: 'een opzoeking zonder query' });
		await node!.close();
		node = undefined;
		expect((await queriesFor(token)).queries).toBeGreaterThan(0);
	});
});
