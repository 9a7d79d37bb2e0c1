// The embedded PostgreSQL runner (src/lib/server/db/embedded*.ts) against real PostgreSQL processes:
// data moved where root's postgres user can reach it, an orphan of a killed Paraat taken over, a
// data folder of a running Paraat refused, a killed postmaster restarted, and the sentences of
// the failures a person can fix.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer, type EmbeddedStatus } from '../../src/lib/server/db/embedded.ts';
import { StartupError } from '../../src/lib/server/runtime/startup-error.ts';
import { freePort } from '../support/free-port.ts';

const root = path.resolve(import.meta.dirname, '../..');
const asRoot = process.getuid?.() === 0;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'paraat-runner-test-'));
chmodSync(scratch, 0o755);
const running: EmbeddedServer[] = [];
const children: ChildProcess[] = [];
const freshPort = freePort;
const folder = (name: string) => {
	const dir = path.join(scratch, name);
	mkdirSync(dir, { recursive: true });
	return dir;
};

async function start(options: Parameters<typeof startEmbeddedPostgres>[0]): Promise<EmbeddedServer> {
	const server = await startEmbeddedPostgres({ fast: true, ...options });
	running.push(server);
	return server;
}

async function answers(url: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
	try {
		await client.connect();
		return (await client.query('select 1 as one')).rows[0].one === 1;
	} finally {
		await client.end().catch(() => {});
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

const postmasterPid = (dataDir: string) => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

/** A separate Paraat-like process holding the server, as `npm start` would. */
async function holder(dataDir: string, port: number): Promise<ChildProcess> {
	const child = spawn(process.execPath, [path.join(root, 'tests/support/hold-embedded.ts'), dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
	children.push(child);
	let output = '';
	await new Promise<void>((resolve, reject) => {
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('klaar')) resolve();
		});
		child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('exit', (code) => reject(new Error(`houder stopte (${code}): ${output}`)));
	});
	return child;
}

async function waitFor(predicate: () => boolean, ms: number, what: string): Promise<void> {
	const deadline = Date.now() + ms;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error(`niet binnen ${ms} ms: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50)); // polling interval
	}
}

async function startupError(promise: Promise<unknown>): Promise<StartupError> {
	const err = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(StartupError);
	return err as StartupError;
}

afterEach(async () => {
	while (running.length) await running.pop()!.stop();
	for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

afterAll(async () => {
	// Orphans of the killed holders were stopped by the tests themselves; what is left are folders.
	rmSync(scratch, { recursive: true, force: true });
});

describe('embedded PostgreSQL runner', () => {
	it('moves the data where the postgres user can reach it when the project folder is private (as root)', { timeout: 60_000 }, async () => {
		const privateParent = folder('private');
		chmodSync(privateParent, 0o700); // as a clone in root's home
		const shared = folder('shared'); // stands in for /var/lib/paraat
		const requested = path.join(privateParent, 'paraat', '.data', 'postgres');
		const notices: string[] = [];
		const server = await start({ dataDir: requested, port: await freshPort(), sharedRoot: shared, notice: (_level, line) => notices.push(line) });

		expect(await answers(server.adminUrl)).toBe(true);
		expect(statSync(privateParent).mode & 0o777).toBe(0o700); // never loosened
		if (asRoot) {
			expect(server.dataDir.startsWith(`${shared}/paraat-`)).toBe(true);
			expect(lstatSync(requested).isSymbolicLink()).toBe(true);
			expect(readlinkSync(requested)).toBe(server.dataDir);
			expect(notices.join('\n')).toContain(`bewaart zijn gegevens in ${server.dataDir}`);
			expect(statSync(server.dataDir).uid).not.toBe(0);
		} else {
			// Not root: PostgreSQL runs as us and the data stays where it was asked for.
			expect(server.dataDir).toBe(requested);
			expect(notices).toEqual([]);
		}
		await running.pop()!.stop();

		// The next start finds the same data through the link, and says where it is.
		notices.length = 0;
		const again = await start({ dataDir: requested, port: await freshPort(), sharedRoot: shared, notice: (_level, line) => notices.push(line) });
		expect(again.dataDir).toBe(server.dataDir);
		expect(await answers(again.adminUrl)).toBe(true);
		if (asRoot) expect(notices).toHaveLength(1);
	});

	it('stops the orphan of a Paraat killed hard, says so, and starts', { timeout: 90_000 }, async () => {
		const dataDir = path.join(folder('orphan'), 'pg');
		const port = await freshPort();
		const owner = await holder(dataDir, port);
		const orphan = postmasterPid(dataDir);

		// A second start while the owner runs: one sentence, the server untouched.
		const inUse = await startupError(start({ dataDir, port: await freshPort(), notice: () => {} }));
		expect(inUse.startupSentence).toBe(
			`De datamap ${dataDir} is in gebruik door een Paraat die nog draait (proces ${owner.pid}): stop die eerst, of kies met PARAAT_DATA_DIR een andere map.`
		);
		expect(alive(orphan)).toBe(true);

		owner.kill('SIGKILL'); // as the out-of-memory killer would
		await new Promise((resolve) => owner.once('exit', resolve));
		expect(alive(orphan)).toBe(true); // PostgreSQL outlives its owner

		const notices: string[] = [];
		const server = await start({ dataDir, port, notice: (_level, line) => notices.push(line) });
		expect(alive(orphan)).toBe(false);
		expect(notices).toEqual([`Achtergebleven PostgreSQL (proces ${orphan}) van een eerder afgebroken Paraat gestopt; hij wordt nu opnieuw gestart.`]);
		expect(await answers(server.adminUrl)).toBe(true);
	});

	it('clears a stale postmaster.pid of a process that is gone', { timeout: 60_000 }, async () => {
		const dataDir = path.join(folder('stale'), 'pg');
		const port = await freshPort();
		await start({ dataDir, port, notice: () => {} });
		await running.pop()!.stop();
		// What a crash leaves: a pid file naming a process that no longer exists.
		const gone = spawn('true');
		await new Promise((resolve) => gone.once('exit', resolve));
		writeFileSync(path.join(dataDir, 'postmaster.pid'), `${gone.pid}\n${dataDir}\n0\n${port}\n`);

		const notices: string[] = [];
		const server = await start({ dataDir, port, notice: (_level, line) => notices.push(line) });
		expect(notices).toEqual([`Verouderd postmaster.pid in ${dataDir} opgeruimd: het proces dat het schreef bestaat niet meer.`]);
		expect(await answers(server.adminUrl)).toBe(true);
	});

	it('restarts a postmaster that was killed while running, and reports restarting then up', { timeout: 60_000 }, async () => {
		const dataDir = path.join(folder('supervised'), 'pg');
		const states: EmbeddedStatus[] = [];
		const notices: string[] = [];
		const server = await start({ dataDir, port: await freshPort(), onStateChange: (status) => states.push(status), notice: (_level, line) => notices.push(line) });
		expect(server.status.state).toBe('up');
		const first = postmasterPid(dataDir);

		process.kill(first, 'SIGKILL');
		await waitFor(() => server.status.state === 'up' && server.status.restarts === 1, 30_000, 'PostgreSQL weer op');

		expect(states.map((s) => s.state)).toEqual(['restarting', 'up']);
		expect(states[0]?.lastExit).toBe('signaal SIGKILL');
		expect(notices[0]).toBe('De ingebouwde PostgreSQL stopte onverwacht (signaal SIGKILL); Paraat start hem opnieuw.');
		expect(postmasterPid(dataDir)).not.toBe(first);
		expect(await answers(server.adminUrl)).toBe(true);

		await running.pop()!.stop();
		expect(server.status.state).toBe('stopped');
		expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
	});

	it('says which port is taken when the PostgreSQL port is in use', async () => {
		const port = await freshPort();
		const taken = net.createServer();
		await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
		try {
			const err = await startupError(start({ dataDir: path.join(folder('port'), 'pg'), port, notice: () => {} }));
			expect(err.startupSentence).toBe(`Poort ${port} voor de ingebouwde PostgreSQL is al in gebruik: kies een andere met PARAAT_PG_PORT.`);
		} finally {
			taken.close();
		}
	});

	it('says the data folder is not writable', async () => {
		const file = path.join(folder('notwritable'), 'a-file');
		writeFileSync(file, '');
		const dataDir = path.join(file, 'pg');
		const err = await startupError(start({ dataDir, port: await freshPort(), notice: () => {} }));
		expect(err.startupSentence).toMatch(/^De datamap .* is niet schrijfbaar \(.*\): kies met PARAAT_DATA_DIR een map waarin je mag schrijven/);
	});

	it('quotes PostgreSQL’s FATAL line when it does not start', { timeout: 60_000 }, async () => {
		const dataDir = path.join(folder('broken'), 'pg');
		await start({ dataDir, port: await freshPort(), notice: () => {} });
		await running.pop()!.stop();
		appendFileSync(path.join(dataDir, 'postgresql.conf'), '\nshared_buffers = banaan\n');
		const err = await startupError(start({ dataDir, port: await freshPort(), notice: () => {} }));
		expect(err.startupSentence).toMatch(/^PostgreSQL startte niet \(“.*FATAL: {2}configuration file ".*postgresql\.conf" contains errors”\): los dat op/);
	});
});
