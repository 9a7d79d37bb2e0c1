// npm run bench:capacity — realtime capacity (#19), everything in one run beside its floors:
//  1. floors: a bare socket.io broadcast server (no database), and PostgreSQL alone: one durable
//     commit (counter row, event row, pg_notify) per write with a LISTEN connection receiving it;
//  2. Paraat (the production build, started as `npm start` starts it) with 300 socket.io clients
//     logged in through the real login on `incident:<id>`, task PATCHes through the HTTP API at
//     20, 50 and 100 writes/s, open loop: delivered fraction, delivery and write-ack p50/p99,
//     ratios to the floors measured at the same rate just before; a warm-up at 50/s comes first,
//     for Paraat and the socket.io floor alike, and is not counted;
//  3. catch-up: 50 clients miss 1 200 events and subscribe with `since`: time, gap-free, in order;
//  4. back-pressure: stalled clients (they stop reading) beside live ones at 100 writes/s;
//  5. 5 000 idle sockets: the app's resident memory (all its processes, PostgreSQL apart).
// BENCH_QUICK=1 runs the same steps with small numbers (a minute or two, for a quick look).
import os from 'node:os';
import { runLoad, type LoadResult } from './support/load.ts';
import { ms, percentile } from './support/stats.ts';
import { floorChange, login, postJson, startApp, startFloor, titleMarker } from './support/app.ts';
import { dropPgFloor, pgFloor, type FloorRun } from './support/pg-floor.ts';
import { TaskPool } from './support/task-pool.ts';
import { catchUp } from './support/catch-up.ts';
import { stalledClient } from './support/stall.ts';
import { openIdleSockets } from './support/idle.ts';
import { appRss, mib } from './support/process-memory.ts';
import { printTargets, type Target } from './support/targets.ts';
import { formatBudget, measureCpu, type CpuBudget } from './support/cpu-budget.ts';

const quick = process.env.BENCH_QUICK === '1';
const N = quick
	? { clients: 60, writes: 200, warmUp: 200, rates: [20, 50, 100], catchUpClients: 10, missed: 200, stalled: 2, stallClients: 20, stallWrites: 2500, idle: 1000, tasks: 150 }
	: { clients: 300, writes: 1000, warmUp: 500, rates: [20, 50, 100], catchUpClients: 50, missed: 1200, stalled: 3, stallClients: 50, stallWrites: 3000, idle: 5000, tasks: 400 };
const port = Number(process.env.BENCH_PORT ?? 5500 + Math.floor(Math.random() * 50));
const pgPort = Number(process.env.BENCH_PG_PORT ?? 56500 + Math.floor(Math.random() * 90));
const floorPort = port + 50;
/** Cores other programs may use during a measured run before its figures are flagged as unreliable. */
const OTHERS_TOLERATED = 0.25;
const MUNICIPALITIES = ['beverwijk', 'bloemendaal', 'haarlem', 'haarlemmermeer', 'heemskerk', 'heemstede', 'uitgeest', 'velsen', 'zandvoort'];

// A task record's size on the wire (the floors carry as much as Paraat's events).
const TASK_LIKE = {
	id: '0b6f6f2e-3d1c-4c59-9a55-1d2f3e4a5b6c',
	incidentId: '7a1e2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b',
	process: 'publieke_zorg',
	description: 'Benchmarktaak',
	municipality: null,
	assignee: null,
	priority: 'normaal',
	status: 'open',
	blocked: false,
	blockedReason: null,
	dueAt: null,
	version: 12,
	exercise: true,
	createdAt: '2026-12-07T16:00:00.000Z',
	updatedAt: '2026-12-07T16:00:00.000Z',
	updatedBy: { id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', name: 'Crisisteam Regio' }
};

const stats = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

console.log(
	`bench:capacity${quick ? ' (BENCH_QUICK)' : ''} — ${N.clients} clients, ${N.writes} schrijfacties per tempo (${N.rates.join('/')} per s), ` +
		`${os.availableParallelism()} cores, Node ${process.version}, PARAAT_WORKERS=${process.env.PARAAT_WORKERS ?? '(standaard)'}`
);

// 1a. The bare socket.io floor, at the lowest and the highest rate.
const socketFloor = new Map<number, LoadResult>();
{
	const floor = await startFloor(floorPort);
	try {
		// Warm-up, not counted (as for Paraat below): JIT and connections, not the steady state.
		await runLoad({
			url: floor.base,
			clients: N.clients,
			changes: N.warmUp,
			rate: 50,
			eventName: 'event',
			subscribe: async (socket) => void (await socket.timeout(20_000).emitWithAck('subscribe', { topic: 'region' })),
			change: floorChange(floor.base, TASK_LIKE),
			marker: titleMarker
		});
		for (const rate of [N.rates[0]!, N.rates.at(-1)!]) {
			socketFloor.set(
				rate,
				await runLoad({
					url: floor.base,
					clients: N.clients,
					changes: N.writes,
					rate,
					eventName: 'event',
					subscribe: async (socket) => void (await socket.timeout(20_000).emitWithAck('subscribe', { topic: 'region' })),
					change: floorChange(floor.base, TASK_LIKE),
					marker: titleMarker
				})
			);
			const s = stats(socketFloor.get(rate)!.latencies);
			console.log(`floor kale socket.io       ${String(rate).padStart(3)}/s  delivery p50 ${ms(s.p50)}  p99 ${ms(s.p99)}`);
		}
	} finally {
		floor.stop();
	}
}

const app = await startApp({ port, pgPort });
const targets: Target[] = [];
try {
	const writer = await login(app.base, 'crisisteam@paraat.test');
	const readers = await Promise.all(MUNICIPALITIES.map((m) => login(app.base, `waarnemer.${m}@paraat.test`)));
	const readerOf = (c: number) => readers[c % readers.length]!;
	const incident = (await postJson(app.base, '/api/v1/incidents', writer, {
		title: 'Benchmark: capaciteit',
		kind: 'oefening',
		municipalities: ['haarlem', 'velsen'],
		grip: 3
	})) as { id: string };
	const topic = `incident:${incident.id}`;
	const tasks = await TaskPool.create(app.base, writer, incident.id, N.tasks);
	const subscribe = async (socket: import('socket.io-client').Socket) => {
		const ack = await socket.timeout(20_000).emitWithAck('subscribe', { topic });
		if (!ack.ok) throw new Error(ack.error);
	};

	// 2. Paraat at each rate, each beside a PostgreSQL floor measured just before it.
	const floors = new Map<number, FloorRun>();
	const runs = new Map<number, LoadResult>();
	let offset = 0;
	const budgets = new Map<number, CpuBudget>();
	const appLoad = (rate: number, changes: number) => {
		const base = offset;
		offset += changes;
		let endCpu: (() => CpuBudget) | undefined;
		return runLoad({
			onWritesBegin: () => (endCpu = measureCpu(app.pid)),
			onWritesEnd: () => budgets.set(rate, endCpu!()),
			url: app.base,
			clients: N.clients,
			changes,
			rate,
			cookie: readerOf,
			eventName: 'event',
			subscribe,
			change: (i) => tasks.write(base + i),
			marker: (m) => {
				const i = titleMarker(m);
				return i === undefined ? undefined : i - base;
			}
		});
	};
	// Warm-up, not counted: the first writes after a start pay for JIT compilation, cold caches and
	// new pool connections — a start-up cost, not the capacity this measures.
	const warm = await appLoad(50, N.warmUp);
	console.log(`opwarmen: ${N.warmUp} schrijfacties bij 50/s (niet meegeteld), delivery p99 ${ms(stats(warm.latencies).p99)}`);
	console.log('\n| tempo | floor pg commit+NOTIFY p50 / p99 | Paraat delivered | delivery p50 / p99 | write-ack p50 / p99 | delivery p99 / pg-floor | ack p99 / pg-floor |');
	console.log('|---|---|---|---|---|---|---|');
	for (const rate of N.rates) {
		const floor = await pgFloor(app.databaseUrl, { writes: N.writes, rate, payload: JSON.stringify(TASK_LIKE) });
		floors.set(rate, floor);
		const run = await appLoad(rate, N.writes);
		runs.set(rate, run);
		if (run.firstFailure) console.log(`  eerste mislukte schrijfactie bij ${rate}/s: ${run.firstFailure.slice(0, 200)}`);
		const f = stats(floor.deliveries);
		const d = stats(run.latencies);
		const a = stats(run.acks);
		const delivered = run.latencies.length / (N.clients * N.writes);
		console.log(
			`| ${rate}/s | ${ms(f.p50)} / ${ms(f.p99)} | ${delivered.toFixed(4)}${run.failures ? ` (${run.failures} mislukt)` : ''}${run.duplicates ? ` (${run.duplicates} dubbel)` : ''} | ${ms(d.p50)} / ${ms(d.p99)} | ${ms(a.p50)} / ${ms(a.p99)} | ${ratio(d.p99, f.p99)} | ${ratio(a.p99, f.p99)} |`
		);
	}
	// Whether the machine itself was the limit: the cores each part used while the writes ran.
	for (const rate of N.rates) {
		const budget = budgets.get(rate)!;
		console.log(`CPU bij ${rate}/s: ${formatBudget(budget)}`);
		if (budget.others > OTHERS_TOLERATED) console.log(`  LET OP: andere programma's gebruikten ${budget.others.toFixed(2)} cores: de cijfers bij ${rate}/s zeggen vooral iets over die drukte`);
	}
	await dropPgFloor(app.databaseUrl);
	const low = N.rates[0]!;
	const high = N.rates.at(-1)!;
	const sf = stats(socketFloor.get(low)!.latencies);
	const lowRun = stats(runs.get(low)!.latencies);
	console.log(`${low}/s: Paraat delivery p99 ${ms(lowRun.p99)} / kale socket.io p99 ${ms(sf.p99)} = ${ratio(lowRun.p99, sf.p99)}`);
	const sfHigh = stats(socketFloor.get(high)!.latencies);
	const highRun = runs.get(high)!;
	const hd = stats(highRun.latencies);
	const ha = stats(highRun.acks);
	const hf = stats(floors.get(high)!.deliveries);
	const hc = stats(floors.get(high)!.acks);
	console.log(`${high}/s: Paraat delivery p99 / kale socket.io p99 ${ratio(hd.p99, sfHigh.p99)}; write-ack p99 / pg commit p99 ${ratio(ha.p99, hc.p99)} (commit p99 ${ms(hc.p99)})`);
	const highDelivered = highRun.latencies.length / (N.clients * N.writes);
	targets.push(
		{ name: `${high}/s: delivered 1.0`, pass: highDelivered === 1 && highRun.failures === 0 && highRun.duplicates === 0, detail: `${highDelivered.toFixed(4)}, ${highRun.failures} mislukt, ${highRun.duplicates} dubbel` },
		{ name: `${high}/s: delivery p99 ≤ 1.5× pg commit+NOTIFY floor`, pass: hd.p99 <= 1.5 * hf.p99, detail: `${ms(hd.p99)} / ${ms(hf.p99)} = ${ratio(hd.p99, hf.p99)}` },
		{ name: `${high}/s: write-ack p99 ≤ 2× pg commit+NOTIFY floor`, pass: ha.p99 <= 2 * hf.p99, detail: `${ms(ha.p99)} / ${ms(hf.p99)} = ${ratio(ha.p99, hf.p99)}` },
		{ name: `${low}/s: delivery p99 ≤ 1.3× bare socket.io floor`, pass: lowRun.p99 <= 1.3 * sf.p99, detail: `${ms(lowRun.p99)} / ${ms(sf.p99)} = ${ratio(lowRun.p99, sf.p99)}` }
	);

	// 3. Catch-up.
	const missedFrom = offset;
	let missedFailures = 0;
	offset += N.missed;
	const caught = await catchUp({
		url: app.base,
		cookie: readerOf,
		topic,
		clients: N.catchUpClients,
		writeMissed: async () => {
			const inflight: Promise<void>[] = [];
			const begin = performance.now();
			for (let i = 0; i < N.missed; i++) {
				const wait = begin + i * 10 - performance.now(); // 100 writes/s
				if (wait > 0) await new Promise((r) => setTimeout(r, wait));
				inflight.push(tasks.write(missedFrom + i).catch(() => void missedFailures++));
			}
			await Promise.all(inflight);
		}
	});
	const cu = { p50: percentile(caught.times, 50), p99: percentile(caught.times, 99) };
	const missed = N.missed - missedFailures;
	console.log(`\ncatch-up ${N.catchUpClients} clients × ${N.missed} gemiste gebeurtenissen: p50 ${ms(cu.p50)}  p99 ${ms(cu.p99)}  ontvangen ${caught.received} van ${missed} geschreven  met gat of uit volgorde ${caught.broken}`);
	targets.push({ name: `catch-up ${N.catchUpClients}×${N.missed}: p99 ≤ 1 s, gap-free, in order`, pass: cu.p99 <= 1000 && caught.broken === 0 && caught.received === missed && missedFailures === 0, detail: `p99 ${ms(cu.p99)}, ${caught.broken} kapot, ${caught.received} ontvangen` });

	// 4. Back-pressure: stalled clients beside live ones; big descriptions so the stalled sockets'
	// share overflows the kernel's buffers and would pile up in the server. Loopback's kernel takes
	// about 4 MB per paused socket (tcp_wmem's maximum; the paused reader's window stays small), the
	// server's limit is 4 MB more: 10–12 MB per stalled client leave no doubt which one acted.
	const stalled = await Promise.all(Array.from({ length: N.stalled }, (_, k) => stalledClient(app.base, readerOf(k), topic)));
	const rssBefore = appRss(app.pid);
	let rssPeak = rssBefore;
	const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, appRss(app.pid))), 250);
	const stallFrom = offset;
	offset += N.stallWrites;
	const padding = 'x'.repeat(3900);
	const stallRun = await runLoad({
		url: app.base,
		clients: N.stallClients,
		changes: N.stallWrites,
		rate: high,
		cookie: readerOf,
		eventName: 'event',
		subscribe,
		change: (i) => tasks.write(stallFrom + i, { description: `${padding} ${i}` }),
		marker: (m) => {
			const i = titleMarker(m);
			return i === undefined ? undefined : i - stallFrom;
		}
	});
	clearInterval(sampler);
	const droppedCount = (await Promise.all(stalled.map((s) => s.wasDropped()))).filter(Boolean).length;
	for (const s of stalled) s.close();
	const sd = stats(stallRun.latencies);
	const stallDelivered = stallRun.latencies.length / (N.stallClients * N.stallWrites);
	console.log(
		`stilstaande clients: ${N.stalled} (door de server gesloten: ${droppedCount}); ${N.stallClients} andere clients, ${N.stallWrites} taken van 4 kB bij ${high}/s: delivered ${stallDelivered.toFixed(4)}, p50 ${ms(sd.p50)} p99 ${ms(sd.p99)}; app-RSS ${mib(rssBefore)} → piek ${mib(rssPeak)}`
	);
	targets.push(
		{ name: 'stalled clients: the others get everything', pass: stallDelivered === 1, detail: `delivered ${stallDelivered.toFixed(4)}, p99 ${ms(sd.p99)}` },
		{ name: 'stalled clients: dropped by the server, memory bounded', pass: droppedCount === N.stalled && rssPeak - rssBefore < 256 * 1024 * 1024, detail: `${droppedCount}/${N.stalled} gesloten, RSS +${mib(rssPeak - rssBefore)}` }
	);

	// 5. Idle sockets.
	const idleBefore = appRss(app.pid);
	const idle = await openIdleSockets(app.base, readers, N.idle, () => 'region');
	await new Promise((r) => setTimeout(r, 2000));
	const idleRss = appRss(app.pid);
	for (const s of idle) s.disconnect();
	console.log(`${N.idle} inactieve sockets: app-RSS ${mib(idleBefore)} → ${mib(idleRss)} (alle app-processen, zonder PostgreSQL)`);
	targets.push({ name: `${N.idle} idle sockets: app RSS < 1 GiB`, pass: idleRss < 1024 * 1024 * 1024, detail: mib(idleRss) });

	process.exitCode = printTargets(targets) ? 0 : 1;
} finally {
	await app.stop();
}
