// Every migration has a real `down`: a fresh database migrates up, all the way down to nothing,
// and up again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { NO_MIGRATIONS } from 'kysely/migration';
import pg from 'pg';
import { createMigrator, migrateToLatest, migrationFolder } from '../../src/lib/server/db/migrator.ts';
import { readdirSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';

let t: TestDatabase;
let db: Kysely<unknown>;

const BOOKKEEPING = ['kysely_migration', 'kysely_migration_lock'];

beforeAll(async () => {
	// Not from the template: an empty database, as on a fresh server.
	t = await createTestDatabase({ template: null });
	db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: t.url, max: 2 }) }) });
});

afterAll(async () => {
	await db?.destroy();
	await t?.drop();
});

async function userTables(): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = 'public' order by table_name`.execute(db);
	return rows.map((r) => r.name).filter((n) => !BOOKKEEPING.includes(n));
}

async function userObjects(): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'
		union all
		select t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
			where n.nspname = 'public' and t.typtype in ('e', 'd')
		union all
		select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('S', 'v', 'm', 'i')
			and c.relname not like 'kysely_migration%'`.execute(db);
	return rows.map((r) => r.name);
}

const migrationFiles = readdirSync(migrationFolder).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'));

describe('migrations', () => {
	it('start from an empty database', async () => {
		expect(await userTables()).toEqual([]);
		expect(migrationFiles.length).toBeGreaterThan(0);
	});

	it('migrate up to the latest', async () => {
		const { results } = await migrateToLatest(db);
		expect(results?.map((r) => r.status)).toEqual(migrationFiles.map(() => 'Success'));
		const tables = await userTables();
		for (const table of ['municipality', 'app_user', 'role_grant', 'user_session', 'audit_log', 'realtime_topic', 'realtime_event', 'notice']) {
			expect(tables).toContain(table);
		}
		expect(await userObjects()).toContain('audit_log_append_only');
	});

	it('migrate all the way down, one step at a time, leaving nothing behind', async () => {
		const migrator = createMigrator(db);
		for (let step = 0; step < migrationFiles.length; step++) {
			const { error, results } = await migrator.migrateDown();
			expect(error).toBeUndefined();
			expect(results).toHaveLength(1);
			expect(results![0]!.direction).toBe('Down');
			expect(results![0]!.status).toBe('Success');
		}
		const migrations = await migrator.getMigrations();
		expect(migrations.every((m) => m.executedAt === undefined)).toBe(true);
		expect(await userTables()).toEqual([]);
		expect(await userObjects()).toEqual([]);
	});

	it('migrate up again, and down to NO_MIGRATIONS in one go', async () => {
		await migrateToLatest(db);
		expect(await userTables()).toContain('audit_log');
		const { error } = await createMigrator(db).migrateTo(NO_MIGRATIONS);
		expect(error).toBeUndefined();
		expect(await userTables()).toEqual([]);
		expect(await userObjects()).toEqual([]);
		const { results } = await migrateToLatest(db);
		expect(results?.every((r) => r.status === 'Success')).toBe(true);
		expect(await userTables()).toContain('realtime_event');
	});
});
