// npm run bench:realtime — N socket clients on the `region` topic, M notices at R per second
// through the public API (a real app process on embedded PostgreSQL), against the same load on a
// bare socket.io broadcast server without database (the floor), in the same run.
// Options: --clients 300 --changes 300 --rate 20
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runLoad } from './support/load.ts';
import { ms, summarise, type Summary } from './support/stats.ts';
import { buildIsCurrent } from '../../src/lib/server/runtime/build-freshness.ts';

const { values } = parseArgs({
	options: {
		clients: { type: 'string', default: '300' },
		changes: { type: 'string', default: '300' },
		rate: { type: 'string', default: '20' }
	}
});
const clients = Number(values.clients);
const changes = Number(values.changes);
const rate = Number(values.rate);
const root = path.resolve(import.meta.dirname, '../..');

function waitFor(url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	return new Promise((resolve, reject) => {
		const attempt = () =>
			fetch(url)
				.then((r) => (r.ok ? resolve() : retry()))
				.catch(retry);
		const retry = () => (Date.now() > deadline ? reject(new Error(`${url} kwam niet op`)) : setTimeout(attempt, 250));
		attempt();
	});
}

async function login(base: string, email: string): Promise<string> {
	const res = await fetch(`${base}/api/v1/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password: 'paraat-demo' })
	});
	if (!res.ok) throw new Error(`inloggen als ${email} mislukt: ${res.status}`);
	return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function benchParaat(): Promise<Summary & { duplicates: number }> {
	if (!buildIsCurrent(root)) {
		const build = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
		await new Promise((resolve) => build.on('exit', resolve));
	}
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'paraat-bench-'));
	const port = 4300 + Math.floor(Math.random() * 500);
	const app: ChildProcess = spawn(process.execPath, ['src/lib/server/runtime/start.ts'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, PORT: String(port), PARAAT_DATA_DIR: path.join(dataDir, 'pg'), PARAAT_PG_PORT: String(56000 + Math.floor(Math.random() * 900)), PARAAT_SKIP_BUILD: '1', LOG_LEVEL: 'warn' }
	});
	const base = `http://127.0.0.1:${port}`;
	try {
		await waitFor(`${base}/healthz`, 120_000);
		const reader = await login(base, 'waarnemer.zandvoort@paraat.test');
		const writer = await login(base, 'crisisteam@paraat.test');
		const result = await runLoad({
			url: base,
			clients,
			changes,
			rate,
			cookie: reader,
			eventName: 'event',
			subscribe: async (socket) => {
				const ack = await socket.timeout(20_000).emitWithAck('subscribe', { topic: 'region' });
				if (!ack.ok) throw new Error(ack.error);
			},
			change: async (i) => {
				const res = await fetch(`${base}/api/v1/notices`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', cookie: writer },
					body: JSON.stringify({ title: `bench ${i}`, text: `Meting ${i}` })
				});
				if (res.status !== 201) throw new Error(`bericht ${i}: ${res.status}`);
			},
			marker: (m) => {
				const title = (m as { data?: { title?: string } }).data?.title;
				return title?.startsWith('bench ') ? Number(title.slice(6)) : undefined;
			}
		});
		return { ...summarise(result.latencies, clients * changes), duplicates: result.duplicates };
	} finally {
		app.kill('SIGINT');
		await new Promise((resolve) => app.once('exit', resolve));
		rmSync(dataDir, { recursive: true, force: true });
	}
}

async function benchFloor(): Promise<Summary & { duplicates: number }> {
	const port = 4900 + Math.floor(Math.random() * 90);
	const floor = fork(path.join(import.meta.dirname, 'support/floor-server.ts'), { env: { ...process.env, PORT: String(port) }, stdio: 'inherit' });
	await new Promise((resolve) => floor.once('message', resolve));
	const base = `http://127.0.0.1:${port}`;
	try {
		const result = await runLoad({
			url: base,
			clients,
			changes,
			rate,
			eventName: 'event',
			subscribe: async (socket) => {
				await socket.timeout(20_000).emitWithAck('subscribe', { topic: 'region' });
			},
			change: async (i) => {
				const res = await fetch(`${base}/emit`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ topic: 'region', seq: i + 1, type: 'notice.created', data: { title: `bench ${i}`, text: `Meting ${i}` } })
				});
				if (res.status !== 201) throw new Error(`floor ${i}: ${res.status}`);
			},
			marker: (m) => {
				const title = (m as { data?: { title?: string } }).data?.title;
				return title?.startsWith('bench ') ? Number(title.slice(6)) : undefined;
			}
		});
		return { ...summarise(result.latencies, clients * changes), duplicates: result.duplicates };
	} finally {
		floor.kill();
	}
}

console.log(`bench:realtime — ${clients} clients, ${changes} wijzigingen, ${rate}/s, ${os.cpus().length} cores, Node ${process.version}`);
const floor = await benchFloor();
const paraat = await benchParaat();
const row = (name: string, s: Summary & { duplicates: number }) =>
	`${name.padEnd(26)} delivered ${(s.delivered / s.expected).toFixed(4)} (${s.delivered}/${s.expected}, dubbel ${s.duplicates})  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}`;
console.log(row('floor (kale socket.io)', floor));
console.log(row('Paraat (API+PG+NOTIFY)', paraat));
console.log(
	`ratio Paraat/floor          p50 ${(paraat.p50 / floor.p50).toFixed(2)}×  p95 ${(paraat.p95 / floor.p95).toFixed(2)}×  p99 ${(paraat.p99 / floor.p99).toFixed(2)}×`
);
process.exit(paraat.delivered === paraat.expected && paraat.duplicates === 0 ? 0 : 1);
