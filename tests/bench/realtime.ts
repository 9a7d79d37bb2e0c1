// npm run bench:realtime — N socket clients on the `region` topic, M notices at R per second
// through the public API (a real app process on embedded PostgreSQL), against the same load on a
// bare socket.io broadcast server without database (the floor), in the same run.
// Options: --clients 300 --changes 300 --rate 20
import os from 'node:os';
import { parseArgs } from 'node:util';
import { ms, summarise, type Summary } from './support/stats.ts';
import { login, postJson, startApp, titleMarker } from './support/app.ts';
import { floorDelivery, ratios, topicDelivery } from './support/delivery.ts';

const { values } = parseArgs({
	options: { clients: { type: 'string', default: '300' }, changes: { type: 'string', default: '300' }, rate: { type: 'string', default: '20' } }
});
const clients = Number(values.clients);
const changes = Number(values.changes);
const rate = Number(values.rate);
type Result = Summary & { duplicates: number };

async function benchFloor(): Promise<Result> {
	const result = await floorDelivery({ clients, changes, rate });
	return { ...summarise(result.latencies, clients * changes), duplicates: result.duplicates };
}

async function benchParaat(): Promise<Result> {
	const app = await startApp();
	try {
		const reader = await login(app.base, 'waarnemer.zandvoort@paraat.test');
		const writer = await login(app.base, 'crisisteam@paraat.test');
		const result = await topicDelivery({
			base: app.base,
			clients,
			changes,
			rate,
			cookie: reader,
			topic: 'region',
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
console.log(`ratio Paraat/floor          ${ratios(paraat, floor)}`);
process.exit(paraat.delivered === paraat.expected && paraat.duplicates === 0 ? 0 : 1);
