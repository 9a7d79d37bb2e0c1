// npm run bench:board — the bevolkingszorg board under load, on a real app process:
//  1. load time of a 500-task board: the page (SSR) and the task API, against a plain indexed
//     SELECT of the same rows and against /healthz (the HTTP floor), measured in the same run;
//  2. delivery of task changes (PATCH at R/s) to N socket clients on `incident:<id>`, against
//     the same load on a bare socket.io server (the floor).
// Options: --tasks 500 --clients 300 --changes 300 --rate 20 --loads 40
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ms, percentile, summarise } from './support/stats.ts';
import { login, postJson, startApp, titleMarker } from './support/app.ts';
import { deliveryRow, floorDelivery, ratios, topicDelivery } from './support/delivery.ts';
import { timed } from './support/timing.ts';

const { values } = parseArgs({
	options: {
		tasks: { type: 'string', default: '500' },
		clients: { type: 'string', default: '300' },
		changes: { type: 'string', default: '300' },
		rate: { type: 'string', default: '20' },
		loads: { type: 'string', default: '40' }
	}
});
const taskCount = Number(values.tasks);
const clients = Number(values.clients);
const changes = Number(values.changes);
const rate = Number(values.rate);
const loads = Number(values.loads);
const PROCESSES = ['crisiscommunicatie', 'publieke_zorg', 'informeren_verwanten', 'omgevingszorg', 'nafase'];

async function fetchOk(url: string, cookie?: string): Promise<void> {
	const res = await fetch(url, { headers: cookie ? { cookie } : {} });
	if (!res.ok) throw new Error(`${url}: ${res.status}`);
	await res.arrayBuffer();
}

console.log(`bench:board — ${taskCount} taken, ${clients} clients, ${changes} wijzigingen, ${rate}/s, ${os.cpus().length} cores, Node ${process.version}`);

const floor = await floorDelivery({ clients, changes, rate });

const app = await startApp();
try {
	const writer = await login(app.base, 'crisisteam@paraat.test');
	const reader = await login(app.base, 'waarnemer.velsen@paraat.test');
	const incident = (await postJson(app.base, '/api/v1/incidents', writer, {
		title: 'Benchmark: grootschalige evacuatie',
		kind: 'oefening',
		municipalities: ['velsen', 'beverwijk'],
		grip: 3
	})) as { id: string };
	const versions = new Map<string, number>();
	for (let i = 0; i < taskCount; i++) {
		const task = (await postJson(app.base, `/api/v1/incidents/${incident.id}/tasks`, writer, {
			process: PROCESSES[i % PROCESSES.length],
			title: `Taak ${i + 1}`,
			description: 'Benchmarktaak',
			priority: i % 7 === 0 ? 'hoog' : 'normaal'
		})) as { id: string; version: number };
		versions.set(task.id, task.version);
	}

	// 1. Load time.
	const db = new pg.Client({ connectionString: app.databaseUrl });
	await db.connect();
	const select = await timed(loads, () => db.query('select * from task where incident_id = $1 order by created_at', [incident.id]), { warmUps: 0 });
	await db.end();
	const health = await timed(loads, () => fetchOk(`${app.base}/healthz`), { warmUps: 0 });
	const api = await timed(loads, () => fetchOk(`${app.base}/api/v1/incidents/${incident.id}/tasks`, reader), { warmUps: 0 });
	const page = await timed(loads, () => fetchOk(`${app.base}/crisis/${incident.id}`, reader), { warmUps: 0 });
	const line = (name: string, t: number[]) => `${name.padEnd(34)} p50 ${ms(percentile(t, 50))}  p95 ${ms(percentile(t, 95))}`;
	console.log(line(`SELECT ${taskCount} taken (pg, geïndexeerd)`, select));
	console.log(line('GET /healthz (HTTP-vloer)', health));
	console.log(line(`GET /api/v1/incidents/:id/tasks`, api));
	console.log(line(`GET /crisis/:id (pagina, SSR)`, page));
	const p95 = (t: number[]) => percentile(t, 95);
	console.log(`ratio API/SELECT p95 ${(p95(api) / p95(select)).toFixed(1)}×   pagina/SELECT p95 ${(p95(page) / p95(select)).toFixed(1)}×   pagina/healthz p95 ${(p95(page) / p95(health)).toFixed(1)}×`);

	// 2. Delivery of task changes.
	const ids = [...versions.keys()];
	const delivery = await topicDelivery({
		base: app.base,
		clients,
		changes,
		rate,
		cookie: reader,
		topic: `incident:${incident.id}`,
		change: async (i) => {
			const id = ids[i % ids.length]!;
			const version = versions.get(id)!;
			versions.set(id, version + 1);
			await postJson(app.base, `/api/v1/tasks/${id}`, writer, { version, title: `bench ${i}` }, 'PATCH');
		},
		marker: titleMarker
	});
	const f = summarise(floor.latencies, clients * changes);
	const p = summarise(delivery.latencies, clients * changes);
	console.log(deliveryRow('floor (kale socket.io)', 34, f, floor.duplicates));
	console.log(deliveryRow('Paraat taakwijziging (PATCH+PG)', 34, p, delivery.duplicates));
	console.log(`ratio Paraat/floor ${ratios(p, f)}`);
	process.exitCode = p.delivered === p.expected && delivery.duplicates === 0 ? 0 : 1;
} finally {
	await app.stop();
}
