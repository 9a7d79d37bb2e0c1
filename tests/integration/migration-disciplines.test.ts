// Migration 0013 (GHOR and politie roles, four-eyes grants): grants made before it keep working
// after it, and its `down` really goes back — the new roles and pending grants go, the rest stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { migrateTo } from '../../src/lib/server/db/migrator.ts';
import { seedReferenceData } from '../../src/lib/server/runtime/seed.ts';
import { findGrants } from '../../src/lib/server/auth/session-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';

let t: TestDatabase;
let db: Kysely<unknown>;

beforeAll(async () => {
	t = await createTestDatabase({ template: null });
	db = t.db as unknown as Kysely<unknown>;
});

afterAll(async () => {
	await t?.drop();
});

async function userWith(email: string, role: string): Promise<string> {
	const { rows } = await sql<{ id: string }>`insert into app_user (email, name, password_hash) values (${email}, ${email}, 'x') returning id`.execute(db);
	const id = rows[0]!.id;
	await sql`insert into role_grant (user_id, role, municipality_code) values (${id}, ${role}, 'haarlem')`.execute(db);
	return id;
}

describe('migration 0013_disciplines', () => {
	it('keeps existing grants working, and its down removes only what the old schema cannot hold', async () => {
		await migrateTo(db, '0012_calendar_feed');
		await seedReferenceData(t.db);
		await expect(userWith('ghor-te-vroeg@paraat.test', 'ghor')).rejects.toThrow(/role_grant_role_check/);
		const brandweer = await userWith('brandweer-oud@paraat.test', 'brandweer');

		await migrateTo(db, '0013_disciplines');
		expect(await findGrants(t.db, brandweer)).toEqual([{ role: 'brandweer', municipality: 'haarlem', discipline: null }]);
		const ghor = await userWith('ghor-nieuw@paraat.test', 'ghor');
		expect((await findGrants(t.db, ghor)).map((g) => g.role)).toEqual(['ghor']);
		await sql`insert into role_grant (user_id, role, municipality_code, confirmed_at) values (${brandweer}, 'bibob', 'haarlem', null)`.execute(db);
		expect((await findGrants(t.db, brandweer)).map((g) => g.role)).toEqual(['brandweer']);

		await migrateTo(db, '0012_calendar_feed');
		const { rows } = await sql<{ role: string }>`select role from role_grant order by role`.execute(db);
		expect(rows.map((r) => r.role)).toEqual(['brandweer']);
		const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'role_grant' and column_name like 'confirmed%'`.execute(db);
		expect(columns.rows).toEqual([]);
	});
});
