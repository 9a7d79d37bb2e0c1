// Backup and restore round-trip the demo region: every table's rows (by content, not only by
// count), the whole audit log, a 10 MB document byte for byte, and the sequences. A restore
// refuses a database that is not empty and a damaged or foreign file, and then writes nothing.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { knownMigrations, migrateTo, migrateToLatest } from '../../src/lib/server/db/migrator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { seedDemoAccounts, seedReferenceData } from '../../src/lib/server/runtime/seed.ts';
import { seedDemoExercise } from '../../src/lib/server/demo/demo-exercise.ts';
import { seedDemoEvents } from '../../src/lib/server/demo/demo-events.ts';
import { seedDemoAdvice } from '../../src/lib/server/demo/demo-advice.ts';
import { writeBackup, type BackupResult } from '../../src/lib/server/backup/write-backup.ts';
import { restoreBackup } from '../../src/lib/server/backup/restore-backup.ts';
import { BackupError } from '../../src/lib/server/backup/backup-format.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
let source: TestDatabase;
let restored: TestDatabase;
const extra: TestDatabase[] = [];
let dir: string;
let backup: BackupResult;
let keyVerdict: string;
const bigDocument = randomBytes(10 * 1024 * 1024 - 1);

async function tables(db: Database): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = current_schema() and c.relkind = 'r' and c.relname not like 'kysely_migration%'
		order by 1`.execute(db);
	return rows.map((r) => r.name);
}

/** Per table its row count and a digest of every row (generated columns included). */
async function fingerprint(db: Database): Promise<Record<string, { rows: number; digest: string | null }>> {
	const result: Record<string, { rows: number; digest: string | null }> = {};
	for (const table of await tables(db)) {
		const { rows } = await sql<{ rows: number; digest: string | null }>`
			select count(*)::int as rows, md5(string_agg(t::text, E'\n' order by t::text)) as digest
			from ${sql.table(table)} t`.execute(db);
		result[table] = rows[0]!;
	}
	return result;
}

async function sequences(db: Database): Promise<Record<string, string>> {
	const { rows } = await sql<{ name: string }>`
		select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = current_schema() and c.relkind = 'S' order by 1`.execute(db);
	const result: Record<string, string> = {};
	for (const { name } of rows) {
		const state = await sql<{ v: string }>`select last_value::text || '/' || is_called::text as v from ${sql.table(name)}`.execute(db);
		result[name] = state.rows[0]!.v;
	}
	return result;
}

const auditLog = async (db: Database) => (await sql`select * from audit_log order by id`.execute(db)).rows;

async function emptyDatabase(): Promise<TestDatabase> {
	const t = await createTestDatabase({ template: null });
	extra.push(t);
	return t;
}

async function allTables(db: Database): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = current_schema() and c.relkind = 'r'`.execute(db);
	return rows.map((r) => r.name);
}

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(root, 'src/lib/server/runtime', script), ...args], {
			cwd: root,
			env: { ...process.env, ...env }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

beforeAll(async () => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'paraat-backup-test-'));
	source = await createTestDatabase();
	// The demo region, as `npm start` builds it (bootstrap, then the app's init hook).
	await seedReferenceData(source.db);
	await seedDemoAccounts(source.db);
	await seedDemoExercise(source.db);
	await seedDemoEvents(source.db);
	await seedDemoAdvice(source.db);
	const application = await source.db.selectFrom('eventApplication').select('id').limit(1).executeTakeFirstOrThrow();
	await source.db
		.insertInto('eventDocument')
		.values({ applicationId: application.id, kind: 'overig', filename: 'groot.bin', mimeType: 'application/octet-stream', sizeBytes: bigDocument.length, content: bigDocument })
		.execute();
	backup = await writeBackup(source.url, path.join(dir, 'demo.backup.gz'));
	restored = await emptyDatabase();
	keyVerdict = (await restoreBackup(restored.url, backup.file)).secretKey;
}, 180_000);

afterAll(async () => {
	for (const t of [source, restored, ...extra]) await t?.drop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('backup of the demo region', () => {
	it('writes a gzip file with the header: format, migration, tables with stored columns and counts, sequences', async () => {
		const raw = gunzipSync(readFileSync(backup.file)).toString('utf8');
		const [magic, header] = raw.split('\n', 2);
		expect(magic).toBe('PARAAT-BACKUP 1');
		const parsed = JSON.parse(header!);
		expect(parsed.migration).toBe((await sql<{ name: string }>`select max(name) as name from kysely_migration`.execute(source.db)).rows[0]!.name);
		const application = parsed.tables.find((t: { name: string }) => t.name === 'event_application');
		expect(application.columns).not.toContain('category'); // generated: recomputed on restore
		expect(application.rows).toBeGreaterThan(10);
		expect(parsed.tables.map((t: { name: string }) => t.name).sort()).toEqual(await tables(source.db));
		expect(parsed.sequences.map((s: { name: string }) => s.name)).toContain('audit_log_id_seq');
		// Load order: a table comes after the tables it references.
		const names = parsed.tables.map((t: { name: string }) => t.name);
		expect(names.indexOf('municipality')).toBeLessThan(names.indexOf('app_user') === -1 ? Infinity : names.indexOf('role_grant'));
		expect(names.indexOf('event_application')).toBeLessThan(names.indexOf('event_document'));
		expect(raw.trimEnd().endsWith('\nEND')).toBe(true);
	});
});

describe('restore into an empty database', () => {
	it('brings back every table with the same rows, generated columns recomputed', async () => {
		const before = await fingerprint(source.db);
		expect(before.audit_log!.rows).toBeGreaterThan(50);
		expect(before.event_document!.rows).toBeGreaterThan(1);
		expect(before.realtime_event!.rows).toBeGreaterThan(0);
		expect(await fingerprint(restored.db)).toEqual(before);
	});

	it('brings back the complete audit log', async () => {
		const original = await auditLog(source.db);
		expect(original.length).toBeGreaterThan(50);
		expect(await auditLog(restored.db)).toEqual(original);
	});

	it('brings back a 10 MB document byte for byte', async () => {
		const row = await restored.db.selectFrom('eventDocument').select(['content', 'sizeBytes']).where('filename', '=', 'groot.bin').executeTakeFirstOrThrow();
		expect(row.sizeBytes).toBe(bigDocument.length);
		expect(Buffer.compare(Buffer.from(row.content), bigDocument)).toBe(0);
	});

	it('records the same migrations and sets every sequence, so new rows get fresh numbers', async () => {
		const migrations = async (db: Database) => (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows;
		expect(await migrations(restored.db)).toEqual(await migrations(source.db));
		expect(await sequences(restored.db)).toEqual(await sequences(source.db));
		const maxId = (await sql<{ id: number }>`select max(id)::int as id from audit_log`.execute(source.db)).rows[0]!.id;
		const fresh = await restored.db.insertInto('auditLog').values({ action: 'test', entityType: 'test' }).returning('id').executeTakeFirstOrThrow();
		expect(Number(fresh.id)).toBeGreaterThan(maxId);
	});

	it('says whether the key here opens the sealed TOTP secrets of the demo accounts', () => {
		expect(keyVerdict).toBe('De sleutel voor de TOTP-geheimen (PARAAT_SECRET_KEY) past bij deze back-up.');
	});

	it('refuses a database that is not empty, and writes nothing to it', async () => {
		const before = await fingerprint(restored.db);
		await expect(restoreBackup(restored.url, backup.file)).rejects.toThrow(/^De database t_[0-9a-f]+ is niet leeg \(.*\): een back-up wordt alleen in een lege database hersteld/);
		expect(await fingerprint(restored.db)).toEqual(before);
	});
});

describe('a damaged or foreign file', () => {
	async function refused(file: string, message: RegExp): Promise<void> {
		const target = await emptyDatabase();
		const err = await restoreBackup(target.url, file).then(
			() => undefined,
			(e: unknown) => e
		);
		expect(err).toBeInstanceOf(BackupError);
		expect((err as Error).message).toMatch(message);
		// All or nothing: not even the migrations are left behind.
		expect(await allTables(target.db)).toEqual([]);
	}

	it('refuses a file with damaged compressed data', async () => {
		const bytes = readFileSync(backup.file);
		for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length / 2) + i * 997]! ^= 0xff;
		const file = path.join(dir, 'damaged.backup.gz');
		writeFileSync(file, bytes);
		await refused(file, /^Het back-upbestand is beschadigd of onvolledig \(.*\): er is niets hersteld\.$/);
	});

	it('refuses a file that was cut off', async () => {
		const bytes = readFileSync(backup.file);
		const file = path.join(dir, 'cut.backup.gz');
		writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.9)));
		await refused(file, /^Het back-upbestand is beschadigd of onvolledig/);
	});

	it('refuses a file whose rows do not match its header, after loading all of it', async () => {
		const raw = gunzipSync(readFileSync(backup.file)).toString('latin1');
		const file = path.join(dir, 'miscounted.backup.gz');
		writeFileSync(file, gzipSync(Buffer.from(raw.replace(/("name":"audit_log","columns":\[[^\]]*\],"rows":)(\d+)/, (_, a, n) => `${a}${Number(n) + 1}`), 'latin1')));
		await refused(file, /beschadigd of onvolledig \(tabel audit_log heeft \d+ rijen, de kop zegt \d+\)/);
	});

	it('refuses a file that is not a Paraat backup, in Dutch', async () => {
		const text = path.join(dir, 'notities.txt');
		writeFileSync(text, 'Dit is een gewoon tekstbestand.\n');
		await refused(text, /^.*notities\.txt is geen back-up van Paraat \(geen gzip-bestand\)/);
		const otherGzip = path.join(dir, 'ander.sql.gz');
		writeFileSync(otherGzip, gzipSync('-- PostgreSQL database dump\nSET statement_timeout = 0;\n'));
		await refused(otherGzip, /^Dit bestand is geen back-up van Paraat/);
		const newer = path.join(dir, 'nieuwer.backup.gz');
		writeFileSync(newer, gzipSync('PARAAT-BACKUP 2\n{}\n'));
		await refused(newer, /^Deze back-up heeft formaat 2, deze versie van Paraat leest alleen formaat 1/);
	});
});

describe('the commands', () => {
	it('npm run db:backup prints the path last; npm run db:restore restores it; a second restore is refused in one sentence', async () => {
		const env = { DATABASE_URL: source.url, PARAAT_BACKUP_DIR: path.join(dir, 'cli') };
		const made = await run('backup-cli.ts', [], env);
		expect(made.stderr).toBe('');
		expect(made.code).toBe(0);
		const lines = made.stdout.trimEnd().split('\n');
		const file = lines.at(-1)!;
		expect(file).toMatch(/\/cli\/paraat-\d{8}T\d{6}Z\.backup\.gz$/);
		expect(existsSync(file)).toBe(true);
		expect(made.stdout).toMatch(/Back-up gemaakt van de database \(extern\): \d+ tabellen, \d+ rijen/);

		const target = await emptyDatabase();
		const restoredByCli = await run('restore-cli.ts', [file], { DATABASE_URL: target.url });
		expect(restoredByCli.stderr).toBe('');
		expect(restoredByCli.code).toBe(0);
		expect(restoredByCli.stdout).toMatch(/Hersteld in de database \(extern\): \d+ tabellen, \d+ rijen/);
		expect(restoredByCli.stdout).toMatch(/De sleutel voor de TOTP-geheimen \(PARAAT_SECRET_KEY\) past bij deze back-up\./);
		expect(await fingerprint(target.db)).toEqual(await fingerprint(source.db));

		const again = await run('restore-cli.ts', [file], { DATABASE_URL: target.url });
		expect(again.code).toBe(1);
		expect(again.stderr.trim().split('\n')).toHaveLength(1);
		expect(again.stderr).toMatch(/is niet leeg/);
		expect(again.stderr).not.toMatch(/\n\s+at /);
	}, 120_000);

	it('npm run db:restore warns when the key here does not open the TOTP secrets, or when there is no key', async () => {
		const other = await run('restore-cli.ts', [backup.file], {
			DATABASE_URL: (await emptyDatabase()).url,
			PARAAT_SECRET_KEY: randomBytes(32).toString('base64')
		});
		expect(other.code).toBe(0);
		expect(other.stdout).toMatch(/Let op: de sleutel op deze machine \(PARAAT_SECRET_KEY\) past niet bij de TOTP-geheimen in deze back-up/);
		const keyless = path.join(dir, 'zonder-sleutel');
		const none = await run('restore-cli.ts', [backup.file], {
			DATABASE_URL: (await emptyDatabase()).url,
			PARAAT_SECRET_KEY: '',
			PARAAT_DATA_DIR: path.join(keyless, 'postgres')
		});
		expect(none.code).toBe(0);
		expect(none.stdout).toContain(`Let op: op deze machine is nog geen sleutel voor de TOTP-geheimen (tweede factor).`);
		expect(none.stdout).toContain(path.join(keyless, 'secret.key'));
		expect(existsSync(path.join(keyless, 'secret.key'))).toBe(false);
	}, 120_000);
});

describe('a backup while Paraat writes', () => {
	it('is one snapshot: rows committed while it runs are not in it, and counts, rows and keys agree', async () => {
		const live = await createTestDatabase();
		extra.push(live);
		await seedReferenceData(live.db);
		const write = async (n: number) => {
			await live.db.transaction().execute(async (trx) => {
				const user = await trx
					.insertInto('appUser')
					.values({ email: `schrijver${n}@paraat.test`, name: 'Schrijver', passwordHash: 'x' })
					.returning('id')
					.executeTakeFirstOrThrow();
				await trx.insertInto('roleGrant').values({ userId: user.id, role: 'waarnemer', municipalityCode: 'haarlem' }).execute();
				await trx.insertInto('auditLog').values({ action: 'schrijven', entityType: 'app_user', entityId: user.id }).execute();
			});
		};
		for (let n = 0; n < 3; n++) await write(n);
		// Paraat keeps writing while the backup copies table after table.
		let n = 3;
		const made = await writeBackup(live.url, path.join(dir, 'live.backup.gz'), {
			onTable: async () => {
				await write(n++);
			}
		});
		const rows = Object.fromEntries(made.header.tables.map((t) => [t.name, t.rows]));
		expect(n).toBe(3 + made.header.tables.length);
		expect(rows.app_user).toBe(3);
		expect(rows.role_grant).toBe(3);
		expect(rows.audit_log).toBe(3);
		const target = await emptyDatabase();
		await restoreBackup(target.url, made.file);
		const restoredRows = await fingerprint(target.db);
		expect([restoredRows.app_user!.rows, restoredRows.role_grant!.rows, restoredRows.audit_log!.rows]).toEqual([3, 3, 3]);
	}, 60_000);
});

describe('a backup from an older Paraat', () => {
	it('restores at its own migration, and the normal start migrates it forward', async () => {
		const plain = (url: string) => new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
		const old = await emptyDatabase();
		const oldDb = plain(old.url);
		const names = await knownMigrations();
		try {
			await migrateTo(oldDb, names.at(-2)!);
		} finally {
			await oldDb.destroy();
		}
		const made = await writeBackup(old.url, path.join(dir, 'oud.backup.gz'));
		expect(made.header.migration).toBe(names.at(-2));
		const target = await emptyDatabase();
		await restoreBackup(target.url, made.file);
		const executed = async () => (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(target.db)).rows.map((r) => r.name);
		expect(await executed()).toEqual(names.slice(0, -1));
		expect((await fingerprint(target.db)).grip_level).toEqual((await fingerprint(old.db)).grip_level);
		const targetDb = plain(target.url);
		try {
			await migrateToLatest(targetDb);
		} finally {
			await targetDb.destroy();
		}
		expect(await executed()).toEqual(names);
	}, 60_000);
});
