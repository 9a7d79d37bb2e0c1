// npm run bench:realtime — N socket clients on the `region` topic, M notices at R per second
// through the public API (a real app process on embedded PostgreSQL), against the same load on a
// bare socket.io broadcast server without database (the floor), in the same run.
// Options: --clients 300 --changes 300 --rate 20
import os from 'node:os';
import { parseArgs } from 'node:util';
import { runLoad } from './support/load.ts';
import { ms, summarise, type Summary } from './support/stats.ts';
import { floorChange, login, postJson, startApp, startFloor, titleMarker } from './support/app.ts';

const { values } = parseArgs({
	options: { clients: { type: 'string', default: '300' }, changes: { type: 'string', default: '300' }, rate: { type: 'string', default: '20' } }
});
const clients = Number(values.clients);
const changes = Number(values.changes);
const rate = Number(values.rate);
type Result = Summary & { duplicates: number };

async function benchFloor(): Promise<Result> {
	const floor = await startFloor();
	try {
		const result = await runLoad({
			url: floor.base,
			clients,
			changes,
			rate,
			eventName: 'event',
			subscribe: async (socket) => void (await socket.timeout(20_000).emitWithAck('subscribe', { topic: 'region' })),
			change: floorChange(floor.base),
			marker: titleMarker
		});
		return { ...summarise(result.latencies, clients * changes), duplicates: result.duplicates };
	} finally {
		floor.stop();
	}
}

async function benchParaat(): Promise<Result> {
	const app = await startApp();
	try {
		const reader = await login(app.base, 'waarnemer.zandvoort@paraat.test');
		const writer = await login(app.base, 'crisisteam@paraat.test');
		const result = await runLoad({
			url: app.base,
			clients,
			changes,
			rate,
			cookie: reader,
			eventName: 'event',
			subscribe: async (socket) => {
				const ack = await socket.timeout(20_000).emitWithAck('subscribe', { topic: 'region' });
				if (!ack.ok) throw new Error(ack.error);
			},
			change: async (i) => void (await postJson(app.base, '/api/v1/notices', writer, { title: `bench ${i}`, text: `Meting ${i}` })),
			marker: titleMarker
		});
		return { ...summarise(result.latencies, clients * changes), duplicates: result.duplicates };
	} finally {
		await app.stop();
	}
}

console.log(`bench:realtime — ${clients} clients, ${changes} wijzigingen, ${rate}/s, ${os.cpus().length} cores, Node ${process.version}`);
const floor = await benchFloor();
const paraat = await benchParaat();
const row = (name: string, s: Result) =>
	`${name.padEnd(26)} delivered ${(s.delivered / s.expected).toFixed(4)} (${s.delivered}/${s.expected}, dubbel ${s.duplicates})  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}`;
console.log(row('floor (kale socket.io)', floor));
console.log(row('Paraat (API+PG+NOTIFY)', paraat));
console.log(`ratio Paraat/floor          p50 ${(paraat.p50 / floor.p50).toFixed(2)}×  p95 ${(paraat.p95 / floor.p95).toFixed(2)}×  p99 ${(paraat.p99 / floor.p99).toFixed(2)}×`);
process.exit(paraat.delivered === paraat.expected && paraat.duplicates === 0 ? 0 : 1);
