// A throwaway PostgreSQL cluster from Debian's postgresql-15 package, for tests that must stop and
// start the server under a running app (the embedded server is the app's own). Runs as the
// `postgres` system user when the tests run as root (PostgreSQL refuses root), in a temp folder,
// on the port given; trust authentication on 127.0.0.1 only.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PG15_BIN = '/usr/lib/postgresql/15/bin';

export interface DebianCluster {
	/** postgres://paraat@127.0.0.1:<port>/<database> */
	url(database: string): string;
	start(): void;
	/** `pg_ctl stop -m fast`: sessions are terminated (57P01), as in a restart or failover. */
	stop(): void;
	destroy(): void;
}

export function debianPostgresAvailable(): boolean {
	return existsSync(path.join(PG15_BIN, 'pg_ctl'));
}

export function createDebianCluster(port: number): DebianCluster {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'paraat-pg15-'));
	chmodSync(dir, 0o755);
	const data = path.join(dir, 'data');
	const asRoot = process.getuid?.() === 0;
	const run = (tool: string, args: string[]) => {
		const [cmd, full] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(PG15_BIN, tool), ...args]] : [path.join(PG15_BIN, tool), args];
		// cwd: PostgreSQL's own user must be able to enter it (a clone in a private folder is not).
		return execFileSync(cmd, full, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });
	};
	if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
	run('initdb', ['-D', data, '-U', 'paraat', '--auth=trust', '--encoding=UTF8', '--locale=C']);
	const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
	const cluster: DebianCluster = {
		url: (database) => `postgres://paraat@127.0.0.1:${port}/${database}`,
		start: () => void run('pg_ctl', ['start', '-w', '-D', data, '-l', path.join(dir, 'server.log'), '-o', options]),
		stop: () => void run('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data]),
		destroy() {
			try {
				run('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', data]);
			} catch {
				// not running
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
	cluster.start();
	run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'paraat', 'paraat']);
	return cluster;
}
