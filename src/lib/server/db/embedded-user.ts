// PostgreSQL refuses to run as root. Started by root, it runs as the system user `postgres`
// (Debian's, or one we create), which has its own view of what it may reach: checked here by
// trying, as that user, rather than by reasoning about modes, ACLs and mounts.
import { spawnSync } from 'node:child_process';

export interface SystemUser {
	name: string;
	uid: number;
	gid: number;
}

const NAME = 'postgres';

function idOf(flag: '-u' | '-g'): number | undefined {
	const result = spawnSync('id', [flag, NAME], { encoding: 'utf8' });
	return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

/** The user PostgreSQL runs as: null when we are not root (it then runs as us). */
export function postgresSystemUser(): SystemUser | null {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
	if (idOf('-u') === undefined) {
		// A locked system account without a home or login shell: least privilege.
		spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', NAME], { stdio: 'ignore' });
	}
	const uid = idOf('-u');
	const gid = idOf('-g');
	if (uid === undefined || gid === undefined) return null;
	return { name: NAME, uid, gid };
}

/** Whether the user can execute the program (every folder above it included). */
export function canRun(user: SystemUser, program: string): boolean {
	const result = spawnSync(program, ['--version'], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
	return !result.error && result.status === 0;
}

/** Whether the user can enter the folder (and so reach what lies below it). */
export function canEnter(user: SystemUser, folder: string): boolean {
	const result = spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', folder], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
	return !result.error && result.status === 0;
}
