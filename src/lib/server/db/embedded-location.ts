// Where the embedded PostgreSQL keeps its data. Normally the folder asked for (PARAAT_DATA_DIR,
// default .data/postgres). Started by root from a folder the system user `postgres` cannot enter
// (a clone in root's private home), the data moves to a folder of its own under /var/lib/paraat and
// the folder asked for becomes a symlink to it, so a person looking in .data finds it. The
// permissions of root's home are never loosened.
import { createHash } from 'node:crypto';
import { accessSync, chownSync, constants, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from '../startup-error.ts';
import { canEnter, type SystemUser } from './embedded-user.ts';

export const SHARED_ROOT = '/var/lib/paraat';

const notWritable = (folder: string, reason: string) =>
	new StartupError(
		`De datamap ${folder} is niet schrijfbaar (${reason}): kies met PARAAT_DATA_DIR een map waarin je mag schrijven, of zet DATABASE_URL naar een eigen PostgreSQL-server.`
	);

function makeFolder(folder: string, mode: number): void {
	try {
		mkdirSync(folder, { recursive: true, mode });
	} catch (err) {
		throw notWritable(folder, (err as NodeJS.ErrnoException).code ?? String(err));
	}
}

function firstExisting(folder: string): string {
	let current = folder;
	while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
	return current;
}

/** The folder the system user can reach instead: one per data folder asked for, named so a person recognises it. */
export function relocatedDataDir(requested: string, sharedRoot: string): string {
	const hash = createHash('sha256').update(requested).digest('hex').slice(0, 12);
	const project = path.basename(path.dirname(path.dirname(requested))) || 'paraat';
	const name = project.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'paraat';
	return path.join(sharedRoot, `${name}-${hash}`, 'postgres');
}

/** Makes the data folder ready for the user PostgreSQL runs as, and returns its real path. */
export function placeDataDir(
	requested: string,
	user: SystemUser | null,
	options: { sharedRoot: string; notice: (line: string) => void }
): string {
	if (!user) {
		const existing = firstExisting(requested);
		try {
			accessSync(existing, constants.W_OK);
		} catch {
			throw notWritable(requested, `geen schrijfrecht op ${existing}`);
		}
		makeFolder(requested, 0o700);
		return requested;
	}

	const isLink = existsSync(requested) && lstatSync(requested).isSymbolicLink();
	const linkedTo = isLink ? path.resolve(path.dirname(requested), readlinkSync(requested)) : undefined;
	const parent = path.dirname(linkedTo ?? requested);
	makeFolder(parent, 0o755);
	if (canEnter(user, parent)) {
		const dataDir = linkedTo ?? requested;
		makeFolder(dataDir, 0o700);
		chownSync(dataDir, user.uid, user.gid); // only the data folder itself: it is PostgreSQL's
		if (linkedTo) options.notice(`De ingebouwde PostgreSQL bewaart zijn gegevens in ${dataDir} (${requested} verwijst ernaar).`);
		return dataDir;
	}
	if (linkedTo) {
		throw new StartupError(
			`De datamap ${linkedTo} (waar ${requested} naar verwijst) is voor de systeemgebruiker ${user.name} niet bereikbaar: verwijder de verwijzing ${requested} zodat Paraat een bereikbare map kiest.`
		);
	}
	if (existsSync(requested)) {
		if (readdirSync(requested).length > 0) {
			throw new StartupError(
				`De datamap ${requested} ligt waar de systeemgebruiker ${user.name} niet bij kan: kies met PARAAT_DATA_DIR een map buiten een afgeschermde thuismap, bijvoorbeeld /var/lib/paraat/postgres.`
			);
		}
		rmdirSync(requested);
	}
	const dataDir = relocatedDataDir(requested, options.sharedRoot);
	makeFolder(path.dirname(dataDir), 0o755);
	makeFolder(dataDir, 0o700);
	chownSync(dataDir, user.uid, user.gid);
	symlinkSync(dataDir, requested, 'dir');
	options.notice(
		`De ingebouwde PostgreSQL bewaart zijn gegevens in ${dataDir}, omdat de systeemgebruiker ${user.name} niet in ${parent} kan (${requested} verwijst ernaar).`
	);
	return dataDir;
}
