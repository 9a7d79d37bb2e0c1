// npm run bench:profile-write — where the CPU of one task write goes, on the production build:
// the app runs with `node --cpu-prof` (one process), 300 socket.io clients follow the incident, and
// task PATCHes go through the HTTP API at a fixed rate. The profile of the measured writes (the last
// burst, after a warm-up) is split into the parts of the write path, in ms of CPU per write.
// Options: --writes 1000 --rate 50 --clients 300
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runLoad } from './support/load.ts';
import { login, postJson, startApp, titleMarker } from './support/app.ts';
import { TaskPool } from './support/task-pool.ts';
import { attribute } from './support/cpu-profile.ts';
import { cpuTimes } from './support/process-memory.ts';

const { values } = parseArgs({ options: { writes: { type: 'string', default: '1000' }, rate: { type: 'string', default: '50' }, clients: { type: 'string', default: '300' } } });
const writes = Number(values.writes);
const rate = Number(values.rate);
const clients = Number(values.clients);
const dir = mkdtempSync(path.join(os.tmpdir(), 'paraat-prof-'));
const app = await startApp({
	port: Number(process.env.BENCH_PORT ?? 5590),
	pgPort: Number(process.env.BENCH_PG_PORT ?? 56590),
	env: { PARAAT_WORKERS: '1' },
	execArgv: ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200']
});
let stopped = false;
try {
	const writer = await login(app.base, 'crisisteam@paraat.test');
	const reader = await login(app.base, 'waarnemer.haarlem@paraat.test');
	const incident = (await postJson(app.base, '/api/v1/incidents', writer, { title: 'Profiel', kind: 'oefening', municipalities: ['haarlem'], grip: 1 })) as { id: string };
	const tasks = await TaskPool.create(app.base, writer, incident.id, 500);
	const now = () => Number(process.hrtime.bigint() / 1000n);
	const window = { fromUs: 0, toUs: 0 };
	let cpuBegin = { app: 0, postgres: 0 };
	let cpuEnd = { app: 0, postgres: 0 };
	const load = (count: number, from: number) =>
		runLoad({
			url: app.base,
			clients,
			changes: count,
			rate,
			cookie: reader,
			eventName: 'event',
			subscribe: async (socket) => void (await socket.timeout(20_000).emitWithAck('subscribe', { topic: `incident:${incident.id}` })),
			change: (i) => tasks.write(from + i),
			onWritesBegin: () => {
				window.fromUs = now();
				cpuBegin = cpuTimes(app.pid);
			},
			onWritesEnd: () => {
				window.toUs = now();
				cpuEnd = cpuTimes(app.pid);
			},
			marker: (m) => {
				const i = titleMarker(m);
				return i === undefined ? undefined : i - from;
			}
		});
	await load(200, 0); // warm-up: JIT, pools, caches
	await new Promise((r) => setTimeout(r, 3000));
	const measured = await load(writes, 1_000_000);
	await new Promise((r) => setTimeout(r, 3000));
	await app.stop();
	stopped = true;
	const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
	if (!file) throw new Error('geen profiel geschreven');
	const { busyMs, windowMs, totals } = attribute(path.join(dir, file), window);
	const done = writes - measured.failures;
	// The profile's sample times include waits for the core on a shared machine; the process's own
	// CPU time does not. The profile gives the shares, the CPU time their size.
	const appCpu = cpuEnd.app - cpuBegin.app;
	const pgCpu = cpuEnd.postgres - cpuBegin.postgres;
	console.log(
		`profiel: ${done} schrijfacties bij ${rate}/s, ${clients} clients; venster ${(windowMs / 1000).toFixed(1)} s; ` +
			`app-CPU ${appCpu.toFixed(0)} ms = ${(appCpu / done).toFixed(2)} ms per schrijfactie, PostgreSQL ${(pgCpu / done).toFixed(2)} ms per schrijfactie; ` +
			`${measured.failures} mislukt${measured.firstFailure ? ` (eerste: ${measured.firstFailure.slice(0, 200)})` : ''}`
	);
	console.log('| part | ms CPU per write | share |\n|---|---|---|');
	for (const [part, total] of [...totals].sort((a, b) => b[1] - a[1])) {
		const share = total / busyMs;
		console.log(`| ${part} | ${((share * appCpu) / done).toFixed(2)} | ${(share * 100).toFixed(0)} % |`);
	}
	console.log(`| total (app process) | ${(appCpu / done).toFixed(2)} | |`);
	console.log(`| PostgreSQL (its processes) | ${(pgCpu / done).toFixed(2)} | |`);
} finally {
	if (!stopped) await app.stop();
	if (process.env.PROFILE_KEEP === '1') console.log(`profiel bewaard in ${dir}`);
	else rmSync(dir, { recursive: true, force: true });
}
