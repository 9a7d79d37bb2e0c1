// Proves (or, with --write, makes) src/lib/server/db/schema.ts match the migrations:
// migrates a fresh embedded PostgreSQL and compares kysely-codegen's output with the file.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres } from '../db/embedded.ts';
import { migrateToLatest } from '../db/migrator.ts';

const write = process.argv.includes('--write');
const dir = mkdtempSync(path.join(os.tmpdir(), 'paraat-schema-'));
chmodSync(dir, 0o755); // run as root, PostgreSQL's own user must enter it (see db/embedded-location.ts)
const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: 54900 + Math.floor(Math.random() * 90), fast: true });
let status: number;
try {
	await ensureDatabase(server.adminUrl, 'schema_check');
	const url = server.urlFor('schema_check');
	const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }) });
	await migrateToLatest(db);
	await db.destroy();
	const bin = path.resolve('node_modules/kysely-codegen/dist/cli/bin.js');
	const result = spawnSync(process.execPath, [bin, '--url', url, ...(write ? [] : ['--verify'])], { stdio: 'inherit' });
	status = result.status ?? 1;
	if (status !== 0 && !write) console.error('schema.ts wijkt af van de migraties: draai `npm run db:types -- --write`.');
} finally {
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
