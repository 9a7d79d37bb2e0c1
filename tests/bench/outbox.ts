// npm run bench:outbox — notifications under a burst, on a real app process (built app, embedded
// PostgreSQL) with a real SMTP server (smtp-server) and a push endpoint that decrypts every message:
//  1. 200 alerts: queued in one transaction (queueNotifications: 200 e-mails + 200 pushes) against a
//     bare INSERT of 200 rows in the same run, and from the commit until all 200 mails reached the
//     SMTP server and all 200 pushes the push endpoint (the app's own worker; its 1 s tick included);
//  2. a board request (GET /api/v1/incidents/:id/tasks, 100 tasks) before and during such a burst.
// Options: --people 200 --loads 40 --rounds 3   Ports: the app on PARAAT_BENCH_PORT (6199; not 6000,
// which fetch refuses as X11's port), its PostgreSQL on PARAAT_PG_PORT (57000), the SMTP server and
// the push endpoint in PARAAT_TEST_PORTS (6100–6199).
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createDb } from '../../src/lib/server/db/index.ts';
import { queueNotifications, htmlFromText, type OutgoingNotification } from '../../src/lib/server/notifications/notification-outbox.ts';
import { startMailServer } from '../support/mail-server.ts';
import { startPushEndpoint } from '../support/push-endpoint.ts';
import { ms, percentile } from './support/stats.ts';
import { login, postJson, startApp } from './support/app.ts';

const { values } = parseArgs({ options: { people: { type: 'string', default: '200' }, loads: { type: 'string', default: '40' }, rounds: { type: 'string', default: '3' } } });
const people = Number(values.people);
const loads = Number(values.loads);
const rounds = Number(values.rounds);
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

console.log(`bench:outbox — ${people} ontvangers, ${rounds} rondes, ${os.cpus().length} cores, Node ${process.version}`);

// Receivers that only count: the load generator must not take the app's CPU (the integration
// tests read and decrypt every message).
const smtp = await startMailServer({ countOnly: true });
const pushService = await startPushEndpoint({ countOnly: true });
const app = await startApp({
	port: Number(process.env.PARAAT_BENCH_PORT ?? 6199),
	pgPort: Number(process.env.PARAAT_PG_PORT ?? 57000),
	env: { PARAAT_SMTP_URL: smtp.url, PARAAT_SMTP_FROM: 'Paraat <paraat@bench.test>' },
	// A fresh demo region is seeded first; on a busy shared machine that takes a while.
	startTimeoutMs: 400_000
});
const db = createDb(app.databaseUrl, { max: 4 });
try {
	// The recipients: people with a browser subscribed to the local push endpoint (written directly:
	// the app, in production mode, accepts only https push services).
	const ids: string[] = [];
	for (let i = 0; i < people; i++) {
		const { id } = await db.insertInto('appUser').values({ email: `piket${i}@bench.test`, name: `Piket ${i}` }).returning('id').executeTakeFirstOrThrow();
		const sub = pushService.subscription(`piket-${i}`);
		await db.insertInto('pushSubscription').values({ userId: id, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, userAgent: 'bench' }).execute();
		ids.push(id);
	}
	const alerts = (round: number): OutgoingNotification[] =>
		ids.map((userId) => ({
			userId,
			category: 'alert',
			subject: `Alarmering ronde ${round}: OvD Bevolkingszorg`,
			text: 'Je wordt gealarmeerd. Kom naar het gemeentehuis.',
			html: htmlFromText('Je wordt gealarmeerd. Kom naar het gemeentehuis.'),
			url: '/crisis',
			actions: [
				{ title: 'Ik kom', url: '/alarm/antwoord/x?antwoord=komt' },
				{ title: 'Ik kan niet', url: '/alarm/antwoord/x?antwoord=komt_niet' }
			]
		}));
	await sql`create table bench_bare (id uuid primary key default gen_random_uuid(), user_id uuid not null, subject text not null, body text not null, created_at timestamptz not null default now())`.execute(db);

	const bare: number[] = [];
	const queued: number[] = [];
	const delivered: number[] = [];
	for (let round = 1; round <= rounds; round++) {
		let t0 = performance.now();
		await db.transaction().execute((trx) => trx.insertInto('benchBare' as never).values(ids.map((userId) => ({ userId, subject: 'x', body: 'Je wordt gealarmeerd.' })) as never).execute());
		bare.push(performance.now() - t0);

		const mailsBefore = smtp.count;
		const pushesBefore = pushService.count;
		t0 = performance.now();
		await db.transaction().execute((trx) => queueNotifications(trx, alerts(round)));
		queued.push(performance.now() - t0);
		const deadline = Date.now() + 120_000;
		while (smtp.count - mailsBefore < people || pushService.count - pushesBefore < people) {
			if (Date.now() > deadline) throw new Error(`ronde ${round}: ${smtp.count - mailsBefore} mails, ${pushService.count - pushesBefore} pushes binnen 120 s`);
			await new Promise((r) => setTimeout(r, 10));
		}
		delivered.push(performance.now() - t0);
	}
	// A mail arrives just before its batch commits: wait for the last marks, then count what failed.
	while ((await db.selectFrom('notificationOutbox').select('id').where('status', '=', 'wachtend').execute()).length > 0) await new Promise((r) => setTimeout(r, 50));
	const failed = await db.selectFrom('notificationOutbox').select('id').where('status', '!=', 'verzonden').execute();
	console.log(`bare INSERT ${people} rijen                  mediaan ${ms(median(bare))}`);
	console.log(`queueNotifications ${people} alarmeringen    mediaan ${ms(median(queued))}   (${people * 2} rijen: e-mail + push)`);
	console.log(`tot ${people} mails bij SMTP en ${people} pushes  mediaan ${ms(median(delivered))}   langzaamste ${ms(Math.max(...delivered))}`);
	console.log(`ratio klaarzetten/bare INSERT ${(median(queued) / median(bare)).toFixed(1)}×   afgeleverd/bare INSERT ${(median(delivered) / median(bare)).toFixed(0)}×   niet verzonden: ${failed.length}`);

	// 2. A board request before and during a burst.
	const writer = await login(app.base, 'crisisteam@paraat.test');
	const reader = await login(app.base, 'waarnemer.velsen@paraat.test');
	const incident = (await postJson(app.base, '/api/v1/incidents', writer, { title: 'Benchmark: alarmering', kind: 'oefening', municipalities: ['velsen'], grip: 2 })) as { id: string };
	for (let i = 0; i < 100; i++) await postJson(app.base, `/api/v1/incidents/${incident.id}/tasks`, writer, { process: 'publieke_zorg', title: `Taak ${i + 1}` });
	const board = async () => {
		const t0 = performance.now();
		const res = await fetch(`${app.base}/api/v1/incidents/${incident.id}/tasks`, { headers: { cookie: reader } });
		if (!res.ok) throw new Error(`bord: ${res.status}`);
		await res.arrayBuffer();
		return performance.now() - t0;
	};
	const quiet: number[] = [];
	for (let i = 0; i < loads; i++) quiet.push(await board());
	const mailsBefore = smtp.count;
	const pushesBefore = pushService.count;
	await db.transaction().execute((trx) => queueNotifications(trx, alerts(rounds + 1)));
	const busy: number[] = [];
	// Board requests for as long as the burst is being delivered (at least `loads`).
	while (busy.length < loads || smtp.count - mailsBefore < people || pushService.count - pushesBefore < people) busy.push(await board());
	const q = [...quiet].sort((a, b) => a - b);
	const b = [...busy].sort((a, b2) => a - b2);
	console.log(`bord zonder alarmering   p50 ${ms(percentile(q, 50))}  p95 ${ms(percentile(q, 95))}  (${q.length} verzoeken)`);
	console.log(`bord tijdens alarmering  p50 ${ms(percentile(b, 50))}  p95 ${ms(percentile(b, 95))}  (${b.length} verzoeken)`);
	console.log(`ratio tijdens/zonder p50 ${(percentile(b, 50) / percentile(q, 50)).toFixed(2)}×  p95 ${(percentile(b, 95) / percentile(q, 95)).toFixed(2)}×`);
	process.exitCode = failed.length === 0 ? 0 : 1;
} finally {
	await db.destroy();
	await app.stop();
	await smtp.close();
	await pushService.close();
}
