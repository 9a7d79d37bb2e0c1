// Starts one real PostgreSQL (embedded) for the whole Vitest run and prepares a migrated
// template database; each integration test file clones it into a database of its own, so
// files run in parallel without seeing each other's rows.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { startEmbeddedPostgres, ensureDatabase } from '../../src/lib/server/db/embedded.ts';
import { freePort } from './free-port.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrator.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		pgAdminUrl: string;
		pgTemplate: string;
	}
}

export default async function setup(project: TestProject) {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'paraat-test-pg-'));
	// mkdtemp makes the folder private; run as root, PostgreSQL's own user must enter it (else the
	// runner would move the data to /var/lib/paraat, which this cleanup does not reach).
	chmodSync(dataDir, 0o755);
	const port = await freePort();
	const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port, fast: true });
	await ensureDatabase(server.adminUrl, 'paraat_template');
	const db = new Kysely<unknown>({
		dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: server.urlFor('paraat_template') }) })
	});
	await migrateToLatest(db);
	await db.destroy();
	project.provide('pgAdminUrl', server.adminUrl);
	project.provide('pgTemplate', 'paraat_template');
	return async () => {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	};
}
