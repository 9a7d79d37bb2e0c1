// The database an operator command (backup, restore, migrate down) works on: DATABASE_URL when set;
// otherwise the embedded one — the server Paraat is running, when it runs, or else a server this
// command starts for its own duration and stops again.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { config } from '../config.ts';
import { embeddedUrl, ensureDatabase, startEmbeddedPostgres } from '../db/embedded.ts';
import { runningPort } from '../db/embedded-leftovers.ts';
import { BackupError } from '../backup/backup-format.ts';

const DATABASE = 'paraat';

export interface CommandDatabase {
	url: string;
	/** Where the database came from, for the command's output. */
	source: 'extern' | 'ingebouwd, van het draaiende Paraat' | 'ingebouwd, voor deze opdracht gestart';
	stop(): Promise<void>;
}

function samePath(a: string, b: string): boolean {
	try {
		return realpathSync(a) === realpathSync(b);
	} catch {
		return path.resolve(a) === path.resolve(b);
	}
}

/** Whether the embedded server of `dataDir` already answers on `port` (Paraat, or a server left behind). */
async function runningServer(port: number, dataDir: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: embeddedUrl(port, 'postgres'), connectionTimeoutMillis: 3000 });
	try {
		await client.connect();
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		if (code === 'ECONNREFUSED' || code === 'ENOENT') return false;
		throw new BackupError(
			`Op poort ${port} antwoordt iets dat niet de ingebouwde database van Paraat is (${err instanceof Error ? err.message : String(err)}): zet PARAAT_PG_PORT goed.`
		);
	}
	try {
		const { rows } = await client.query<{ data_directory: string }>('show data_directory');
		const running = rows[0]!.data_directory;
		if (!samePath(running, dataDir)) {
			throw new BackupError(
				`Op poort ${port} draait de PostgreSQL van ${running}, niet die van ${dataDir}: zet PARAAT_PG_PORT en PARAAT_DATA_DIR op dezelfde installatie.`
			);
		}
		return true;
	} finally {
		await client.end().catch(() => {});
	}
}

/**
 * Opens the command's database. `create` makes the embedded server and its database when they do
 * not exist yet (a restore on a fresh machine); without it a missing one is an error.
 */
export async function openCommandDatabase(options: { create?: boolean; log?: (line: string) => void } = {}): Promise<CommandDatabase> {
	const c = config();
	if (c.DATABASE_URL) return { url: c.DATABASE_URL, source: 'extern', stop: async () => {} };

	const dataDir = path.resolve(c.PARAAT_DATA_DIR);
	// The server running in this folder tells its own port; PARAAT_PG_PORT is for starting one.
	const port = runningPort(dataDir) ?? c.PARAAT_PG_PORT;
	if (!options.create && !existsSync(path.join(dataDir, 'PG_VERSION'))) {
		throw new BackupError(`Er is geen ingebouwde database in ${dataDir}: start Paraat eerst (npm start), of zet DATABASE_URL voor een eigen PostgreSQL-server.`);
	}
	if (existsSync(path.join(dataDir, 'PG_VERSION')) && (await runningServer(port, dataDir))) {
		if (options.create) await ensureDatabase(embeddedUrl(port, 'postgres'), DATABASE);
		return { url: embeddedUrl(port, DATABASE), source: 'ingebouwd, van het draaiende Paraat', stop: async () => {} };
	}
	const server = await startEmbeddedPostgres({ dataDir, port, log: options.log });
	try {
		if (options.create) await ensureDatabase(server.adminUrl, DATABASE);
		else await assertDatabaseExists(server.adminUrl, dataDir);
	} catch (err) {
		await server.stop();
		throw err;
	}
	return { url: server.urlFor(DATABASE), source: 'ingebouwd, voor deze opdracht gestart', stop: () => server.stop() };
}

async function assertDatabaseExists(adminUrl: string, dataDir: string): Promise<void> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
		if (found.rowCount === 0) throw new BackupError(`De ingebouwde server in ${dataDir} heeft nog geen database ${DATABASE}: start Paraat eerst (npm start).`);
	} finally {
		await client.end();
	}
}
