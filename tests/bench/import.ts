// npm run bench:import — importing an events list of 5 000 rows through the real app process
// (POST /api/v1/events/import: read, check every row with the application schema, then per row the
// risicoscan with the calendar context, melding or vergunning, deadline, reference, history, audit,
// in batches of 100 with progress news), beside a bare `COPY … FROM STDIN` of the same bytes into a
// scratch table in the same run, with the ratio. Also the dry run and the second, idempotent import.
// Options: --rows 5000 --copies 5. Ports: PORT and PARAAT_PG_PORT when set.
import os from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { login, startApp } from './support/app.ts';
import { percentile } from './support/stats.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '5000' }, copies: { type: 'string', default: '5' } } });
const rowCount = Number(values.rows);
const copies = Number(values.copies);
const MUNICIPALITY = 'haarlemmermeer';

/** A believable list: a year of markets, fairs, runs and festivals, Dutch dates and counts, a few long ones. */
function eventList(n: number): Buffer {
	const places = ['Raadhuisplein, Hoofddorp', 'Haarlemmermeerse Bos', 'Marktplein, Nieuw-Vennep', 'Dorpsstraat, Badhoevedorp', 'Schiphol-Rijk', 'Ringvaartdijk, Zwanenburg'];
	const kinds = ['Markt', 'Braderie', 'Buurtfeest', 'Hardloopwedstrijd', 'Festival', 'Kermis', 'Concert'];
	const lines = ['Naam evenement;Datum;Begintijd;Eindtijd;Locatie;Bezoekers;Soort'];
	for (let i = 1; i <= n; i++) {
		const day = new Date(Date.UTC(2031, 0, 1 + ((i * 7919) % 365)));
		const date = `${String(day.getUTCDate()).padStart(2, '0')}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-${day.getUTCFullYear()}`;
		const start = 9 + (i % 8);
		const visitors = i % 20 === 0 ? 12_000 + (i % 9) * 1000 : 80 + ((i * 37) % 2400);
		const kind = kinds[i % kinds.length]!;
		lines.push(`${kind} ${i};${date};${start}:00;${start + 6}:00;${places[i % places.length]};${new Intl.NumberFormat('nl-NL').format(visitors)};${kind === 'Hardloopwedstrijd' ? 'sport' : kind === 'Braderie' ? 'markt' : 'overig'}`);
	}
	return Buffer.from(lines.join('\r\n'), 'utf8');
}

async function importList(base: string, cookie: string, file: Buffer, dryRun: boolean): Promise<{ ms: number; body: { rows: number; created: number; unchanged: number; errors: unknown[] } }> {
	const form = new FormData();
	form.set('file', new File([new Uint8Array(file)], 'evenementen-2031.csv', { type: 'text/csv' }));
	form.set('municipality', MUNICIPALITY);
	if (dryRun) form.set('dryRun', '1');
	const t0 = performance.now();
	const res = await fetch(`${base}/api/v1/events/import`, { method: 'POST', headers: { cookie, origin: base }, body: form });
	const body = (await res.json()) as { rows: number; created: number; unchanged: number; errors: unknown[] };
	const ms = performance.now() - t0;
	if (!res.ok) throw new Error(`import: ${res.status} ${JSON.stringify(body)}`);
	return { ms, body };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

console.log(`bench:import — ${rowCount} rijen, ${copies}× COPY, ${os.cpus().length} cores, Node ${process.version}`);
const file = eventList(rowCount);
const app = await startApp({ port: Number(process.env.PORT) || undefined, pgPort: Number(process.env.PARAAT_PG_PORT) || undefined });
try {
	const cookie = await login(app.base, `vergunningverlener.${MUNICIPALITY}@paraat.test`);
	const dry = await importList(app.base, cookie, file, true);
	const first = await importList(app.base, cookie, file, false);
	const again = await importList(app.base, cookie, file, false);
	if (first.body.created !== rowCount || first.body.errors.length > 0) throw new Error(`verwacht ${rowCount} nieuw, kreeg ${JSON.stringify({ ...first.body, errors: first.body.errors.slice(0, 3) })}`);
	if (again.body.created !== 0 || again.body.unchanged !== rowCount) throw new Error(`tweede import niet idempotent: ${JSON.stringify(again.body)}`);

	// The floor: the same bytes, COPY'd as text into a scratch table of as many columns, nothing checked.
	const db = new pg.Client({ connectionString: app.databaseUrl });
	await db.connect();
	const copyMs: number[] = [];
	try {
		await db.query('create temporary table bench_import_copy (naam text, datum text, begintijd text, eindtijd text, locatie text, bezoekers text, soort text)');
		for (let i = 0; i < copies; i++) {
			await db.query('truncate bench_import_copy');
			const t0 = performance.now();
			await pipeline(Readable.from([file]), db.query(copyFrom("copy bench_import_copy from stdin with (format csv, delimiter ';', header true)")));
			copyMs.push(performance.now() - t0);
		}
		const copied = Number((await db.query('select count(*) as n from bench_import_copy')).rows[0].n);
		if (copied !== rowCount) throw new Error(`COPY schreef ${copied} rijen`);
	} finally {
		await db.end();
	}
	copyMs.sort((a, b) => a - b);
	const copyMedian = percentile(copyMs, 50);

	console.log(`bestand: ${(file.byteLength / 1024).toFixed(0)} kB CSV`);
	console.log(`controle (dryRun=1):      ${seconds(dry.ms)}  (${Math.round(rowCount / (dry.ms / 1000))} rijen/s)`);
	console.log(`import (${first.body.created} nieuw):     ${seconds(first.ms)}  (${Math.round(rowCount / (first.ms / 1000))} rijen/s)`);
	console.log(`tweede import (${again.body.unchanged} ongewijzigd): ${seconds(again.ms)}`);
	console.log(`kale COPY (mediaan van ${copies}): ${copyMedian.toFixed(1)} ms`);
	console.log(`verhouding import / COPY: ${Math.round(first.ms / copyMedian)}×; controle / COPY: ${Math.round(dry.ms / copyMedian)}×`);
} finally {
	await app.stop();
}
