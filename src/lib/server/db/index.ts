// The Kysely instance. Framework-free (relative imports only) so the production entry,
// the dev plugin, the realtime layer and the tests can all import it.
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { logger } from '../log.ts';
import { trackPool } from './pools.ts';

export type Database = Kysely<DB>;

// bigint (int8) comes back as a JS number: our sequences and counters stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export function createDb(connectionString: string, options: { max?: number } = {}): Database {
	// A server that does not answer fails a request after 5 s (503) instead of leaving it hanging.
	const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
	trackPool(pool);
	// An idle client that loses its connection must not crash the process.
	const report = (err: Error) => logger.error({ err: err.message }, 'pg-verbinding verbroken');
	pool.on('error', report);
	// pg-pool drops its own listener while a client is checked out; a connection lost mid-query
	// (restart, failover) must fail that query, not crash the process.
	pool.on('connect', (client) => client.on('error', report));
	return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

let shared: Database | undefined;

/** The process-wide database, from DATABASE_URL (set by the bootstrap when embedded). */
export function getDb(): Database {
	if (!shared) {
		const url = process.env.DATABASE_URL;
		if (!url) throw new Error('DATABASE_URL is niet gezet: start Paraat via npm start of npm run dev');
		shared = createDb(url);
	}
	return shared;
}

export async function closeSharedDb(): Promise<void> {
	if (shared) {
		const db = shared;
		shared = undefined;
		await db.destroy();
	}
}
