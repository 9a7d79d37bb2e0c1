// Runs PostgreSQL's own programs: initdb once for a new data folder, then the postmaster. Their
// messages stay English (LC_MESSAGES=C) so we can recognise readiness and quote a FATAL line.
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StartupError } from '../startup-error.ts';
import type { SystemUser } from './embedded-user.ts';

const READY = 'database system is ready to accept connections';

function asUser(user: SystemUser | null) {
	return {
		...(user ? { uid: user.uid, gid: user.gid } : {}),
		env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' }
	};
}

function lines(chunk: Buffer): string[] {
	return chunk.toString('utf8').split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The line that says why PostgreSQL stopped, as PostgreSQL wrote it. */
function fatalLine(output: string[]): string | undefined {
	return output.find((line) => /\b(FATAL|PANIC):/.test(line)) ?? output.findLast((line) => /\bERROR:|error/i.test(line));
}

export async function initCluster(options: {
	initdb: string;
	dataDir: string;
	user: SystemUser | null;
	superuser: string;
	password: string;
	log: (line: string) => void;
}): Promise<void> {
	// The password reaches initdb through a file only it (and we) can read.
	const folder = mkdtempSync(path.join(os.tmpdir(), 'paraat-initdb-'));
	const pwfile = path.join(folder, 'pw');
	writeFileSync(pwfile, `${options.password}\n`, { mode: 0o600 });
	if (options.user) {
		chownSync(folder, options.user.uid, options.user.gid);
		chownSync(pwfile, options.user.uid, options.user.gid);
	}
	const output: string[] = [];
	try {
		const code = await new Promise<number | null>((resolve, reject) => {
			const child = spawn(
				options.initdb,
				[`--pgdata=${options.dataDir}`, '--auth=password', `--username=${options.superuser}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'],
				{ ...asUser(options.user), stdio: ['ignore', 'pipe', 'pipe'] }
			);
			const collect = (chunk: Buffer) => {
				for (const line of lines(chunk)) {
					output.push(line);
					options.log(line);
				}
			};
			child.stdout.on('data', collect);
			child.stderr.on('data', collect);
			child.once('error', reject);
			child.once('close', resolve);
		});
		if (code !== 0) {
			throw new StartupError(
				`PostgreSQL kon zijn datamap ${options.dataDir} niet aanmaken (“${fatalLine(output) ?? `initdb stopte met code ${code}`}”): maak de map leeg of kies met PARAAT_DATA_DIR een andere.`
			);
		}
	} catch (err) {
		if (err instanceof StartupError) throw err;
		throw new StartupError(
			`PostgreSQL kon niet worden gestart (${(err as NodeJS.ErrnoException).code ?? String(err)} bij ${options.initdb}): voer \`npm install\` opnieuw uit, of zet DATABASE_URL naar een eigen PostgreSQL-server.`
		);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

export interface Postmaster {
	child: ChildProcess;
	/** Resolves when the postmaster has exited (for whatever reason). */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** Fast shutdown (SIGINT), then immediate (SIGQUIT) when it takes too long. */
	stop(): Promise<void>;
}

/** Starts the postmaster and resolves once it accepts connections; a StartupError quoting its FATAL line otherwise. */
export function runPostmaster(options: {
	postgres: string;
	dataDir: string;
	port: number;
	flags: string[];
	user: SystemUser | null;
	log: (line: string) => void;
}): Promise<Postmaster> {
	return new Promise((resolve, reject) => {
		const output: string[] = [];
		let ready = false;
		const child = spawn(
			options.postgres,
			['-D', options.dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', ...options.flags],
			{ ...asUser(options.user), stdio: ['ignore', 'pipe', 'pipe'] }
		);
		const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
			child.once('exit', (code, signal) => done({ code, signal }))
		);
		const collect = (chunk: Buffer) => {
			for (const line of lines(chunk)) {
				if (!ready) output.push(line);
				options.log(line);
				if (!ready && line.includes(READY)) {
					ready = true;
					resolve({ child, exited, stop: () => stopPostmaster(child, exited) });
				}
			}
		};
		child.stdout!.on('data', collect);
		child.stderr!.on('data', collect);
		child.once('error', (err: NodeJS.ErrnoException) =>
			reject(
				new StartupError(
					`PostgreSQL kon niet worden gestart (${err.code ?? err.message} bij ${options.postgres}): voer \`npm install\` opnieuw uit, of zet DATABASE_URL naar een eigen PostgreSQL-server.`
				)
			)
		);
		void exited.then(({ code, signal }) => {
			if (ready) return;
			if (output.some((line) => /could not bind .*Address already in use/i.test(line))) {
				reject(new StartupError(`Poort ${options.port} voor de ingebouwde PostgreSQL is al in gebruik: kies een andere met PARAAT_PG_PORT.`));
				return;
			}
			const fatal = fatalLine(output) ?? `gestopt met code ${code ?? signal}`;
			reject(new StartupError(`PostgreSQL startte niet (“${fatal}”): los dat op of zet DATABASE_URL naar een eigen PostgreSQL-server.`));
		});
	});
}

async function stopPostmaster(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGINT');
	const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
	await exited;
	clearTimeout(timer);
}
