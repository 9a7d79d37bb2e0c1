// npm run bench:incident — one exercise incident under load on a real app process:
//  1. N socket clients on `incident:<id>`, logbook entries written through the API at R/s:
//     delivery p50/p95/p99 against a bare socket.io broadcast server (the floor), same run;
//  2. catch-up: K of those clients go offline for S seconds while writing continues; after
//     reconnecting they subscribe with `since` and receive everything they missed. The time from
//     reconnect to having every missed entry, against a plain indexed SELECT of the same rows.
// Options: --clients 300 --changes 300 --rate 20 --offline 60 --offliners 50
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { ms, percentile, summarise } from './support/stats.ts';
import { login, postJson, startApp } from './support/app.ts';
import { deliveryRow, floorDelivery, ratios, topicDelivery } from './support/delivery.ts';

const { values } = parseArgs({
	options: {
		clients: { type: 'string', default: '300' },
		changes: { type: 'string', default: '300' },
		rate: { type: 'string', default: '20' },
		offline: { type: 'string', default: '60' },
		offliners: { type: 'string', default: '50' }
	}
});
const clients = Number(values.clients);
const changes = Number(values.changes);
const rate = Number(values.rate);
const offlineSeconds = Number(values.offline);
const offliners = Number(values.offliners);

const textMarker = (message: unknown) => {
	const text = (message as { data?: { text?: string } }).data?.text;
	return text?.startsWith('bench ') ? Number(text.slice(6)) : undefined;
};

console.log(
	`bench:incident — ${clients} clients, ${changes} logregels at ${rate}/s; catch-up of ${offliners} clients after ${offlineSeconds} s offline; ${os.cpus().length} cores, Node ${process.version}`
);

const floor = await floorDelivery({ clients, changes, rate });

const app = await startApp();
try {
	const writer = await login(app.base, 'crisisteam@paraat.test');
	const reader = await login(app.base, 'waarnemer.bloemendaal@paraat.test');
	const incident = (await postJson(app.base, '/api/v1/incidents', writer, {
		title: 'Benchmark: duinbrand met evacuatie',
		kind: 'oefening',
		municipalities: ['bloemendaal', 'zandvoort'],
		grip: 2
	})) as { id: string };
	const topic = `incident:${incident.id}`;
	const writeEntry = (i: number) =>
		postJson(app.base, `/api/v1/incidents/${incident.id}/log`, writer, { kind: i % 5 === 0 ? 'besluit' : 'melding', discipline: 'algemeen', text: `bench ${i}` });

	// 1. Live delivery.
	const live = await topicDelivery({
		base: app.base,
		clients,
		changes,
		rate,
		cookie: reader,
		topic,
		change: async (i) => void (await writeEntry(i)),
		marker: textMarker
	});
	const f = summarise(floor.latencies, clients * changes);
	const p = summarise(live.latencies, clients * changes);
	console.log(deliveryRow('floor (kale socket.io)', 32, f, floor.duplicates));
	console.log(deliveryRow('Paraat logregel (API+PG+NOTIFY)', 32, p, live.duplicates));
	console.log(`ratio Paraat/floor ${ratios(p, f)}`);

	// 2. Catch-up after an offline period: connect, note the position, go away, come back.
	const sockets: { socket: Socket; seq: number }[] = [];
	for (let c = 0; c < offliners; c++) {
		const socket = io(app.base, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: reader } });
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve());
			socket.once('connect_error', reject);
		});
		const ack = await socket.timeout(20_000).emitWithAck('subscribe', { topic });
		sockets.push({ socket, seq: ack.seq });
		socket.disconnect();
	}
	const missedWrites = Math.round(offlineSeconds * rate);
	const began = performance.now();
	for (let i = 0; i < missedWrites; i++) {
		const wait = began + (i * 1000) / rate - performance.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		await writeEntry(changes + i);
	}
	const catchUp: number[] = [];
	let incomplete = 0;
	await Promise.all(
		sockets.map(async (entry) => {
			const t0 = performance.now();
			entry.socket.connect();
			await new Promise<void>((resolve) => entry.socket.once('connect', () => resolve()));
			const ack = await entry.socket.timeout(30_000).emitWithAck('subscribe', { topic, since: entry.seq });
			catchUp.push(performance.now() - t0);
			if (!ack.ok || ack.missed.length < missedWrites) incomplete++;
			entry.socket.disconnect();
		})
	);
	catchUp.sort((a, b) => a - b);
	const db = new pg.Client({ connectionString: app.databaseUrl });
	await db.connect();
	const since = sockets[0]!.seq;
	const select: number[] = [];
	for (let i = 0; i < 20; i++) {
		const t0 = performance.now();
		await db.query('select * from realtime_event where topic = $1 and seq > $2 order by seq', [topic, since]);
		select.push(performance.now() - t0);
	}
	await db.end();
	select.sort((a, b) => a - b);
	console.log(`catch-up ${offliners} clients, ${missedWrites} gemiste logregels elk: p50 ${ms(percentile(catchUp, 50))}  p95 ${ms(percentile(catchUp, 95))}  onvolledig ${incomplete}`);
	console.log(`plain SELECT van dezelfde ${missedWrites} gebeurtenissen:      p50 ${ms(percentile(select, 50))}  p95 ${ms(percentile(select, 95))}`);
	console.log(`ratio catch-up/SELECT p50 ${(percentile(catchUp, 50) / percentile(select, 50)).toFixed(1)}×  p95 ${(percentile(catchUp, 95) / percentile(select, 95)).toFixed(1)}×`);
	process.exitCode = p.delivered === p.expected && live.duplicates === 0 && incomplete === 0 ? 0 : 1;
} finally {
	await app.stop();
}
