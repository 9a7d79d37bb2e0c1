// Starts a real Paraat process (built app, embedded PostgreSQL in a temp folder) for a benchmark,
// and a bare socket.io floor server; both in their own processes, like production.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent } from '../../../src/lib/server/runtime/build-freshness.ts';

export const root = path.resolve(import.meta.dirname, '../../..');

export function waitFor(url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	return new Promise((resolve, reject) => {
		const attempt = () =>
			// A connection accepted while the app still starts must not hang the wait forever.
			fetch(url, { signal: AbortSignal.timeout(5_000) })
				.then((r) => (r.ok ? resolve() : retry()))
				.catch(retry);
		const retry = () => (Date.now() > deadline ? reject(new Error(`${url} kwam niet op`)) : setTimeout(attempt, 250));
		attempt();
	});
}

export async function ensureBuild(): Promise<void> {
	if (buildIsCurrent(root)) return;
	const build = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
	await new Promise((resolve) => build.on('exit', resolve));
}

export interface RunningApp {
	base: string;
	databaseUrl: string;
	/** The app's own process (with workers, their parent). */
	pid: number;
	stop(): Promise<void>;
}

export interface AppOptions {
	port?: number;
	pgPort?: number;
	/** Extra environment for the app, e.g. PARAAT_WORKERS. */
	env?: Record<string, string>;
	/** Extra node flags, e.g. --cpu-prof. */
	execArgv?: string[];
	/** How long the app may take to answer /healthz. */
	startTimeoutMs?: number;
}

export async function startApp(options: AppOptions = {}): Promise<RunningApp> {
	await ensureBuild();
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'paraat-bench-'));
	chmodSync(dataDir, 0o755); // run as root, PostgreSQL's own user must enter it
	const port = options.port ?? 4300 + Math.floor(Math.random() * 500);
	const pgPort = options.pgPort ?? 56000 + Math.floor(Math.random() * 900);
	const app: ChildProcess = spawn(process.execPath, [...(options.execArgv ?? []), 'src/lib/server/runtime/start.ts'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			DATABASE_URL: '',
			PORT: String(port),
			PARAAT_DATA_DIR: path.join(dataDir, 'pg'),
			PARAAT_PG_PORT: String(pgPort),
			PARAAT_SKIP_BUILD: '1',
			LOG_LEVEL: 'warn',
			...options.env
		}
	});
	// A benchmark that dies must not leave the app (and its PostgreSQL) running.
	const orphan = () => app.kill('SIGINT');
	process.once('exit', orphan);
	const base = `http://127.0.0.1:${port}`;
	await waitFor(`${base}/healthz`, options.startTimeoutMs ?? 120_000);
	return {
		base,
		databaseUrl: `postgres://paraat:paraat-embedded@127.0.0.1:${pgPort}/paraat`,
		pid: app.pid!,
		async stop() {
			process.off('exit', orphan);
			app.kill('SIGINT');
			await new Promise((resolve) => app.once('exit', resolve));
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

export async function startFloor(fixedPort?: number): Promise<{ base: string; pid: number; stop(): void }> {
	const port = fixedPort ?? 4900 + Math.floor(Math.random() * 90);
	const floor = fork(path.join(import.meta.dirname, 'floor-server.ts'), { env: { ...process.env, PORT: String(port) }, stdio: 'inherit' });
	await new Promise((resolve) => floor.once('message', resolve));
	return { base: `http://127.0.0.1:${port}`, pid: floor.pid!, stop: () => floor.kill() };
}

export async function login(base: string, email: string): Promise<string> {
	const res = await fetch(`${base}/api/v1/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password: 'paraat-demo' })
	});
	if (!res.ok) throw new Error(`inloggen als ${email} mislukt: ${res.status}`);
	return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

export async function postJson(base: string, path: string, cookie: string, body: unknown, method = 'POST'): Promise<unknown> {
	const res = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
	if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
	return res.json();
}

/** Floor messages carry the marker in data.title, like Paraat's own events; `data` pads them to a record's size. */
export function floorChange(base: string, data: Record<string, unknown> = {}) {
	return async (i: number) => {
		const res = await fetch(`${base}/emit`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ topic: 'region', seq: i + 1, type: 'bench', data: { ...data, title: `bench ${i}` } })
		});
		if (res.status !== 201) throw new Error(`floor ${i}: ${res.status}`);
	};
}

export function titleMarker(message: unknown): number | undefined {
	const title = (message as { data?: { title?: string } }).data?.title;
	return title?.startsWith('bench ') ? Number(title.slice(6)) : undefined;
}
