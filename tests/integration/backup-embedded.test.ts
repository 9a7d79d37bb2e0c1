// The commands on the embedded database: started for the command's duration when Paraat is not
// running (and created by a restore on a fresh machine), refused with a sentence when there is none
// or when the port belongs to another installation's server.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createTestDatabase, createUser, type TestDatabase } from '../support/test-db.ts';
import { writeBackup } from '../../src/lib/server/backup/write-backup.ts';
import { startEmbeddedPostgres } from '../../src/lib/server/db/embedded.ts';
import pg from 'pg';
import { freePort } from '../support/free-port.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let source: TestDatabase;
let backupFile: string;

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(root, 'src/lib/server/runtime', script), ...args], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

const header = (file: string) => JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n', 2)[1]!);

beforeAll(async () => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'paraat-backup-embedded-'));
	// Run as root, the embedded PostgreSQL runs as its own user, which must be able to pass through.
	chmodSync(dir, 0o711);
	source = await createTestDatabase();
	await createUser(source.db, { email: 'beheerder@paraat.test', grants: [{ role: 'beheerder', municipality: null }] });
	backupFile = (await writeBackup(source.url, path.join(dir, 'bron.backup.gz'))).file;
});

afterAll(async () => {
	await source?.drop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('embedded database', () => {
	it('a backup without an embedded database says so', async () => {
		const result = await run('backup-cli.ts', [], { PARAAT_DATA_DIR: path.join(dir, 'geen', 'postgres'), PARAAT_PG_PORT: '1' });
		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toBe(
			`Er is geen ingebouwde database in ${path.join(dir, 'geen', 'postgres')}: start Paraat eerst (npm start), of zet DATABASE_URL voor een eigen PostgreSQL-server.`
		);
	});

	it('refuses the server on the port when it serves another data folder', async () => {
		const other = path.join(dir, 'andere', 'postgres');
		mkdirSync(other, { recursive: true });
		writeFileSync(path.join(other, 'PG_VERSION'), '18\n');
		const port = new URL(inject('pgAdminUrl')).port;
		const result = await run('backup-cli.ts', [], { PARAAT_DATA_DIR: other, PARAAT_PG_PORT: port });
		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toMatch(new RegExp(`^Op poort ${port} draait de PostgreSQL van .+, niet die van ${other}: zet PARAAT_PG_PORT en PARAAT_DATA_DIR op dezelfde installatie\\.$`));
	});

	it('a restore on a fresh machine creates the embedded database; a backup starts it for its duration', async () => {
		const env = {
			PARAAT_DATA_DIR: path.join(dir, 'vers', 'postgres'),
			PARAAT_PG_PORT: String(await freePort()),
			PARAAT_BACKUP_DIR: path.join(dir, 'vers', 'backups')
		};
		const restored = await run('restore-cli.ts', [backupFile], env);
		expect(restored.stderr).toBe('');
		expect(restored.code).toBe(0);
		expect(restored.stdout).toMatch(/Hersteld in de database \(ingebouwd, voor deze opdracht gestart\)/);

		const made = await run('backup-cli.ts', [], env);
		expect(made.stderr).toBe('');
		expect(made.code).toBe(0);
		expect(made.stdout).toMatch(/Back-up gemaakt van de database \(ingebouwd, voor deze opdracht gestart\)/);
		const file = made.stdout.trimEnd().split('\n').at(-1)!;
		expect(path.dirname(file)).toBe(env.PARAAT_BACKUP_DIR);
		const counts = (h: { tables: { name: string; rows: number }[] }) => Object.fromEntries(h.tables.map((t) => [t.name, t.rows]));
		expect(counts(header(file))).toEqual(counts(header(backupFile)));
		expect(counts(header(file)).app_user).toBe(1);

		// With Paraat running, the command uses its server and leaves it running.
		const server = await startEmbeddedPostgres({ dataDir: env.PARAAT_DATA_DIR, port: Number(env.PARAAT_PG_PORT) });
		try {
			const whileRunning = await run('backup-cli.ts', [], env);
			expect(whileRunning.stderr).toBe('');
			expect(whileRunning.stdout).toMatch(/Back-up gemaakt van de database \(ingebouwd, van het draaiende Paraat\)/);
			const client = new pg.Client({ connectionString: server.urlFor('paraat') });
			await client.connect();
			expect((await client.query('select count(*)::int as n from app_user')).rows[0].n).toBe(1);
			await client.end();

			// A shell without the running server's PARAAT_PG_PORT still reaches it (the port is
			// read from the server's postmaster.pid), rather than trying to start a second one.
			const otherShell = await run('backup-cli.ts', [], { ...env, PARAAT_PG_PORT: String(await freePort()) });
			expect(otherShell.stderr).toBe('');
			expect(otherShell.code).toBe(0);
			expect(otherShell.stdout).toMatch(/Back-up gemaakt van de database \(ingebouwd, van het draaiende Paraat\)/);
		} finally {
			await server.stop();
		}
	}, 120_000);
});
