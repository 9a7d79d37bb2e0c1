// Every start failure a person can fix ends in one Dutch sentence with the fix, as the last line of
// output, exit code 1 and no stack trace: through the launcher (as `npm start` runs it) for a Node
// that is too old, a taken port and a wrong setting; in process for the database and the build.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/lib/server/config.ts';
import { bootstrap } from '../../src/lib/server/runtime/bootstrap.ts';
import { runServer } from '../../src/lib/server/runtime/run-server.ts';
import { StartupError } from '../../src/lib/server/runtime/startup-error.ts';

const root = path.resolve(import.meta.dirname, '../..');
const launcher = path.join(root, 'src/lib/server/runtime/launch.cjs');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'paraat-start-failures-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
	code: number | null;
	output: string;
	lastLine: string;
	stackLines: number;
}

/** `npm start` as the launcher runs it, with a clean environment plus the given variables. */
function startWith(env: Record<string, string>, node = process.execPath): Promise<Run> {
	return new Promise((resolve) => {
		const child = spawn(node, [launcher, 'src/lib/server/runtime/start.ts'], {
			cwd: root,
			env: { PATH: process.env.PATH, HOME: process.env.HOME, PARAAT_SKIP_BUILD: '1', PARAAT_DATA_DIR: path.join(scratch, 'pg'), ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
		child.once('close', (code) => {
			clearTimeout(timer);
			const lines = output.split('\n').filter((line) => line.trim() !== '');
			resolve({ code, output, lastLine: lines.at(-1) ?? '', stackLines: lines.filter((line) => /^\s+at /.test(line)).length });
		});
	});
}

async function startupError(promise: Promise<unknown>): Promise<StartupError> {
	const err = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(StartupError);
	return err as StartupError;
}

describe('start failures through the launcher', () => {
	it('tells a Node too old for TypeScript what to do (the system Node 20, run directly)', () => {
		const systemNode = '/usr/bin/node';
		const version = spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
		expect(version, 'deze test heeft de Node 20 van het systeem nodig in /usr/bin/node').toMatch(/^v(1\d|20|21|22\.(\d|1[0-7]))\./);
		const run = spawnSync(systemNode, [launcher, 'src/lib/server/runtime/start.ts'], { cwd: root, encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe(
			`Paraat heeft Node 22.18 of nieuwer nodig, maar dit is Node ${version}: voer eerst \`npm install\` uit (dat brengt Node 24 mee) en start dan met \`npm start\`, of installeer Node 24.\n`
		);
	});

	it('says the HTTP port is taken before it starts anything', { timeout: 40_000 }, async () => {
		const taken = net.createServer();
		await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', resolve));
		const port = (taken.address() as net.AddressInfo).port;
		try {
			const run = await startWith({ PORT: String(port) });
			expect(run.code).toBe(1);
			expect(run.stackLines).toBe(0);
			expect(run.lastLine).toBe(
				`Poort ${port} is al in gebruik (draait Paraat al?): stop dat programma, of start op een andere poort, bijvoorbeeld met PORT=${port + 1} npm start.`
			);
			expect(run.output).not.toContain('ingebouwde PostgreSQL starten');
		} finally {
			taken.close();
		}
	});

	it('names a wrong DATABASE_URL', { timeout: 40_000 }, async () => {
		const run = await startWith({ DATABASE_URL: 'mysql://paraat:geheim@db.example/paraat' });
		expect(run.code).toBe(1);
		expect(run.stackLines).toBe(0);
		expect(run.lastLine).toBe(
			'De configuratie klopt niet: DATABASE_URL moet een PostgreSQL-adres zijn, bijvoorbeeld postgres://paraat:wachtwoord@db.example:5432/paraat.'
		);
		expect(run.output).not.toContain('geheim');
	});
});

describe('start failures in process', () => {
	it('says a database is unreachable, without its password', async () => {
		const closed = net.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as net.AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const err = await startupError(bootstrap(loadConfig({ DATABASE_URL: `postgres://paraat:geheim@127.0.0.1:${port}/paraat` })));
		expect(err.startupSentence).toBe(
			`De database op postgres://paraat:***@127.0.0.1:${port}/paraat is niet bereikbaar (ECONNREFUSED): controleer DATABASE_URL en of die PostgreSQL-server draait.`
		);
	});

	it('says the password is refused', async () => {
		const url = new URL(inject('pgAdminUrl'));
		url.password = 'fout-wachtwoord';
		const err = await startupError(bootstrap(loadConfig({ DATABASE_URL: url.toString() })));
		expect(err.startupSentence).toMatch(/^PostgreSQL weigert de aanmelding voor postgres:\/\/paraat:\*\*\*@127\.0\.0\.1:\d+\/postgres \(“password authentication failed for user "paraat"”\): controleer gebruiker en wachtwoord in DATABASE_URL\.$/);
		expect(err.startupSentence).not.toContain('fout-wachtwoord');
	});

	it('says a production start needs `npm run build` first, and never builds', async () => {
		const noBuild = mkdtempSync(path.join(scratch, 'no-build-'));
		const err = await startupError(runServer(noBuild));
		expect(err.startupSentence).toBe(
			'Er is nog geen build (build/handler.js ontbreekt): maak hem met `npm run build`, of start met `npm start`, dat zelf bouwt.'
		);
	});
});
