// What an earlier start may have left in the data folder. A Paraat killed hard (the kernel's
// out-of-memory killer, kill -9) leaves its PostgreSQL running without an owner, or a
// postmaster.pid of a process that is gone. Either would stop the next start; both are cleared
// here, with one line saying so. A PostgreSQL that belongs to a Paraat that still runs is left
// alone: that start gets one sentence instead.
//
// The owner is the Paraat process that started the server: recorded in `<data folder>.owner`
// and, on Linux, also visible as the postmaster's parent process.
import { existsSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { StartupError } from '../startup-error.ts';

const ownerFile = (dataDir: string) => `${dataDir}.owner`;

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Parent pid from /proc (Linux); undefined elsewhere or when the process is gone. */
function parentOf(pid: number): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
	} catch {
		return undefined;
	}
}

/** Whether pid is a PostgreSQL server working in this data folder (it runs with that folder as cwd). */
function isPostgresOf(pid: number, dataDir: string): boolean {
	try {
		return readlinkSync(`/proc/${pid}/cwd`) === realpathSync(dataDir);
	} catch {
		// No /proc (macOS): trust a live pid from the pid file, as PostgreSQL itself does.
		return !existsSync('/proc/self');
	}
}

export function recordOwner(dataDir: string): void {
	writeFileSync(ownerFile(dataDir), `${process.pid}\n`);
}

export function forgetOwner(dataDir: string): void {
	rmSync(ownerFile(dataDir), { force: true });
}

function recordedOwner(dataDir: string): number | undefined {
	try {
		const pid = Number(readFileSync(ownerFile(dataDir), 'utf8').trim());
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (!alive(pid)) return true;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return !alive(pid);
}

/** Clears an orphaned server or a stale pid file; throws a StartupError when a running Paraat owns the folder. */
export async function clearLeftovers(dataDir: string, notice: (line: string) => void): Promise<void> {
	const pidFile = `${dataDir}/postmaster.pid`;
	if (!existsSync(pidFile)) return;
	const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
	if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !isPostgresOf(pid, dataDir)) {
		rmSync(pidFile, { force: true });
		notice(`Verouderd postmaster.pid in ${dataDir} opgeruimd: het proces dat het schreef bestaat niet meer.`);
		return;
	}
	const owner = recordedOwner(dataDir) ?? parentOf(pid);
	const ownerRuns = owner !== undefined && owner !== 1 && owner !== process.pid && alive(owner) && parentOf(pid) === owner;
	if (ownerRuns) {
		throw new StartupError(
			`De datamap ${dataDir} is in gebruik door een Paraat die nog draait (proces ${owner}): stop die eerst, of kies met PARAAT_DATA_DIR een andere map.`
		);
	}
	// Fast shutdown: open transactions are rolled back, everything committed stays.
	process.kill(pid, 'SIGINT');
	if (!(await waitForExit(pid, 30_000))) {
		process.kill(pid, 'SIGQUIT'); // immediate shutdown; PostgreSQL recovers from its log at the next start
		await waitForExit(pid, 10_000);
	}
	if (alive(pid)) {
		throw new StartupError(`De achtergebleven PostgreSQL (proces ${pid}) in ${dataDir} stopt niet: stop hem met kill ${pid} en start opnieuw.`);
	}
	notice(`Achtergebleven PostgreSQL (proces ${pid}) van een eerder afgebroken Paraat gestopt; hij wordt nu opnieuw gestart.`);
}

/**
 * The port of the PostgreSQL that runs in this data folder now, from its postmaster.pid (line 4),
 * or undefined when none runs. Operator commands use it, so a backup reaches the running server
 * even when it was started with another PARAAT_PG_PORT than the command's shell has.
 */
export function runningPort(dataDir: string): number | undefined {
	try {
		const lines = readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n');
		const pid = Number(lines[0]);
		const port = Number(lines[3]);
		if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !isPostgresOf(pid, dataDir)) return undefined;
		return Number.isInteger(port) && port > 0 ? port : undefined;
	} catch {
		return undefined;
	}
}
