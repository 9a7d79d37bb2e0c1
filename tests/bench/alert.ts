// npm run bench:alert — one alert to 200 people on a real PostgreSQL (embedded, fsync on): the
// alert service resolves who is on duty for 200 functions, makes 200 one-tap tokens, composes 200
// Dutch messages (text and HTML), writes the alert, 200 recipients, the logbook entry, the audit
// row and the realtime event, and hands the 200 messages to a delivery that inserts them into an
// outbox-shaped table, all in one transaction. Against, in the same run: a bare INSERT of the same
// 200 recipient rows in one statement and one transaction (the floor), with the ratio.
// Options: --people 200 --runs 30
import os from 'node:os';
import path from 'node:path';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { createDb } from '../../src/lib/server/db/index.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/lib/server/db/embedded.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrator.ts';
import { seedReferenceData } from '../../src/lib/server/runtime/seed.ts';
import { alertService } from '../../src/lib/server/alerting/alert-service.ts';
import type { DeliverNotifications } from '../../src/lib/server/alerting/notification-delivery.ts';
import { alertTokenHash, newAlertToken } from '../../src/lib/server/alerting/alert-token.ts';
import { ms, percentile } from './support/stats.ts';
import { timed } from './support/timing.ts';

const { values } = parseArgs({ options: { people: { type: 'string', default: '200' }, runs: { type: 'string', default: '30' } } });
const people = Number(values.people);
const runs = Number(values.runs);

console.log(`bench:alert — een alarmering aan ${people} mensen, ${runs} metingen, ${os.cpus().length} cores, Node ${process.version}`);

const dir = mkdtempSync(path.join(os.tmpdir(), 'paraat-bench-alert-'));
chmodSync(dir, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: Number(process.env.PARAAT_PG_PORT ?? 56900) });
const db = createDb((await ensureDatabase(server.adminUrl, 'bench_alert'), server.urlFor('bench_alert')), { max: 4 });
try {
	await migrateToLatest(db as unknown as Kysely<unknown>);
	await seedReferenceData(db);
	// The outbox the delivery writes to: the fields of an OutgoingNotification.
	await sql`create table bench_outbox (id bigserial primary key, user_id uuid not null, category text not null, subject text not null, text text not null, html text not null, url text not null, actions jsonb not null, created_at timestamptz not null default now())`.execute(db);
	const deliver: DeliverNotifications = async (trx, items) => {
		await sql`insert into bench_outbox (user_id, category, subject, text, html, url, actions)
			select * from unnest(${items.map((i) => i.userId)}::uuid[], ${items.map((i) => i.category)}::text[], ${items.map((i) => i.subject)}::text[],
				${items.map((i) => i.text)}::text[], ${items.map((i) => i.html)}::text[], ${items.map((i) => i.url)}::text[], ${items.map((i) => JSON.stringify(i.actions))}::jsonb[])`.execute(trx);
	};

	// 200 people, each on duty now for a function of their own (with the next person as backup).
	const users = await db
		.insertInto('appUser')
		.values(Array.from({ length: people }, (_, i) => ({ email: `piket${i}@bench.test`, name: `Piket Medewerker ${i}`, passwordHash: null })))
		.returning(['id'])
		.execute();
	const sender = await db.insertInto('appUser').values({ email: 'crisisteam@bench.test', name: 'Crisisteam Bench' }).returning('id').executeTakeFirstOrThrow();
	await db.insertInto('roleGrant').values({ userId: sender.id, role: 'crisisteam', municipalityCode: null, discipline: null }).execute();
	const codes = users.map((_, i) => `bench_f${i}`);
	await db.insertInto('crisisFunction').values(codes.map((code, i) => ({ code, name: `Benchfunctie ${i}`, sortOrder: 1000 + i }))).execute();
	const from = new Date(Date.now() - 3_600_000);
	const to = new Date(Date.now() + 24 * 3_600_000);
	await db
		.insertInto('dutyPeriod')
		.values(codes.map((functionCode, i) => ({ functionCode, userId: users[i]!.id, backupUserId: users[(i + 1) % users.length]!.id, startsAt: from, endsAt: to })))
		.execute();
	const incident = await db
		.insertInto('incident')
		.values({ title: 'Benchmark: grootschalige alarmering', kind: 'oefening', grip: 3, startedAt: new Date(), createdBy: sender.id })
		.returning('id')
		.executeTakeFirstOrThrow();
	const user = { id: sender.id, email: 'crisisteam@bench.test', name: 'Crisisteam Bench', grants: [{ role: 'crisisteam' as const, municipality: null, discipline: null }] };
	const alerts = alertService(() => ({ deliver, settings: { escalationMinutes: 5, linkHours: 12, baseUrl: 'https://paraat.vrk.nl' } }));

	let delivered = 0;
	const full = await timed(runs, async () => {
		const before = Number((await sql<{ n: string }>`select count(*) as n from bench_outbox`.execute(db)).rows[0]!.n);
		const result = await alerts.sendAlert(db, user, incident.id, { functions: codes, message: 'Opschaling: meld je bij het ROT in Haarlem.' }, { ip: null });
		if (result.recipients.length !== people) throw new Error(`${result.recipients.length} ontvangers in plaats van ${people}`);
		delivered = Number((await sql<{ n: string }>`select count(*) as n from bench_outbox`.execute(db)).rows[0]!.n) - before;
	});
	if (delivered !== people) throw new Error(`${delivered} berichten afgeleverd in plaats van ${people}`);

	// The floor: the same 200 recipient rows (tokens hashed beforehand) in one INSERT, one transaction.
	const alert = await db.insertInto('alert').values({ incidentId: incident.id, message: 'vloer', functions: codes, createdBy: sender.id }).returning('id').executeTakeFirstOrThrow();
	const floor = await timed(runs, async () => {
		const now = new Date();
		const rows = codes.map((functionCode, i) => ({
			alertId: alert.id,
			userId: users[i]!.id,
			functionCode,
			backupUserId: users[(i + 1) % users.length]!.id,
			tokenHash: alertTokenHash(newAlertToken())!,
			linkExpiresAt: new Date(now.getTime() + 12 * 3_600_000),
			sentAt: now,
			escalateAt: new Date(now.getTime() + 5 * 60_000)
		}));
		await db.transaction().execute((trx) => trx.insertInto('alertRecipient').values(rows).execute());
	});

	const row = (label: string, s: number[]) => `| ${label} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} | ${ms(s.at(-1)!)} |`;
	console.log('\n| | p50 | p95 | max |\n|---|---|---|---|');
	console.log(row(`alarmering aan ${people} (samengesteld en aan de bezorging gegeven, één transactie)`, full));
	console.log(row(`kale INSERT van dezelfde ${people} rijen`, floor));
	console.log(`| verhouding | ${(percentile(full, 50) / percentile(floor, 50)).toFixed(2)}× | ${(percentile(full, 95) / percentile(floor, 95)).toFixed(2)}× | |`);
} finally {
	await db.destroy();
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}
