// Every migration has a real `down`: a fresh database migrates up, all the way down to nothing,
// and up again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { NO_MIGRATIONS } from 'kysely/migration';
import pg from 'pg';
import { createMigrator, migrateDown, migrateToLatest, migrationFolder, NewerDatabaseError } from '../../src/lib/server/db/migrator.ts';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
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

function migrateCli(args: string[], databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
	const root = path.resolve(import.meta.dirname, '../..');
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(root, 'src/lib/server/runtime/migrate-cli.ts'), ...args], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: databaseUrl, PARAAT_DEMO: '0' }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

const executed = async () => (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
const names = migrationFiles.map((f) => f.replace(/\.(ts|js)$/, '')).sort();

describe('npm run db:migrate -- --down', () => {
	it('undoes exactly the last migration and says which', async () => {
		await migrateToLatest(db);
		const result = await migrateCli(['--down'], t.url);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout.trim()).toBe(`Migratie ${names.at(-1)} ongedaan gemaakt.`);
		expect(await executed()).toEqual(names.slice(0, -1));
		const second = await migrateCli(['--down'], t.url);
		expect(second.stdout.trim()).toBe(`Migratie ${names.at(-2)} ongedaan gemaakt.`);
		expect(await executed()).toEqual(names.slice(0, -2));
		await migrateToLatest(db);
		expect(await executed()).toEqual(names);
	}, 60_000);

	it('refuses an unknown option in one Dutch sentence', async () => {
		const result = await migrateCli(['--omlaag'], t.url);
		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toBe('Onbekende optie --omlaag: gebruik npm run db:migrate, of npm run db:migrate -- --down om één migratie ongedaan te maken.');
		expect(await executed()).toEqual(names);
	}, 30_000);
});

describe('a database migrated by a newer Paraat', () => {
	it('is refused by migrateToLatest (so by every start) and by migrateDown, naming the migration and the fix', async () => {
		await migrateToLatest(db);
		await sql`insert into kysely_migration (name, timestamp) values ('9999_uit_de_toekomst', ${new Date().toISOString()})`.execute(db);
		try {
			const err = await migrateToLatest(db).then(
				() => undefined,
				(e: unknown) => e
			);
			expect(err).toBeInstanceOf(NewerDatabaseError);
			expect((err as Error).message).toBe(
				'De database is bijgewerkt door een nieuwere versie van Paraat: migratie 9999_uit_de_toekomst staat in de database maar niet in deze code. ' +
					'Start de Paraat-versie die bij deze database hoort, of maak de migratie eerst ongedaan met de code van die nieuwere versie (npm run db:migrate -- --down).'
			);
			await expect(migrateDown(db)).rejects.toBeInstanceOf(NewerDatabaseError);
			// Nothing was undone.
			expect(await executed()).toEqual([...names, '9999_uit_de_toekomst']);
			const cli = await migrateCli([], t.url);
			expect(cli.code).toBe(1);
			expect(cli.stderr.trim()).toMatch(/^De database is bijgewerkt door een nieuwere versie van Paraat: migratie 9999_uit_de_toekomst/);
			expect(cli.stderr).not.toMatch(/\n\s+at /);
		} finally {
			await sql`delete from kysely_migration where name = '9999_uit_de_toekomst'`.execute(db);
		}
	}, 30_000);
});
