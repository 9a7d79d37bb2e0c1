// The durable floor: what PostgreSQL itself needs to make a change durable and announce it, with no
// app in the path. Each write is one transaction (a counter row locked and raised, an event row of a
// task record's size inserted, pg_notify), committed with fsync like Paraat's; a LISTEN connection
// receives the notification. Ack = the commit returned; delivery = the notification arrived.
import pg from 'pg';

export interface FloorRun {
	acks: number[];
	deliveries: number[];
	failures: number;
}

const SCHEMA = 'bench_floor';
const CHANNEL = 'bench_floor';

export async function pgFloor(databaseUrl: string, options: { writes: number; rate: number; payload: string; poolSize?: number }): Promise<FloorRun> {
	const setup = new pg.Client({ connectionString: databaseUrl });
	await setup.connect();
	await setup.query(`create schema if not exists ${SCHEMA}`);
	await setup.query(`create table if not exists ${SCHEMA}.topic (topic text primary key, last_seq bigint not null)`);
	await setup.query(`create table if not exists ${SCHEMA}.event (topic text not null, seq bigint not null, data jsonb not null, at timestamptz not null default now(), primary key (topic, seq))`);
	await setup.end();

	const listener = new pg.Client({ connectionString: databaseUrl });
	await listener.connect();
	await listener.query(`listen ${CHANNEL}`);
	const started = new Map<number, number>();
	const deliveries: number[] = [];
	listener.on('notification', (msg) => {
		const i = Number(msg.payload);
		const t0 = started.get(i);
		if (t0 !== undefined) deliveries.push(performance.now() - t0);
	});

	const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
	const write = `with counter as (
			insert into ${SCHEMA}.topic (topic, last_seq) values ('incident:floor', 1)
			on conflict (topic) do update set last_seq = ${SCHEMA}.topic.last_seq + 1 returning last_seq
		), event as (
			insert into ${SCHEMA}.event (topic, seq, data) select 'incident:floor', last_seq, $2::jsonb from counter returning seq
		)
		select pg_notify('${CHANNEL}', $1::text) from event`;
	const acks: number[] = [];
	let failures = 0;
	const inflight: Promise<void>[] = [];
	const begin = performance.now();
	for (let i = 0; i < options.writes; i++) {
		const wait = begin + (i * 1000) / options.rate - performance.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		const t0 = performance.now();
		started.set(i, t0);
		inflight.push(
			pool.query(write, [String(i), options.payload]).then(
				() => void acks.push(performance.now() - t0),
				() => void failures++
			)
		);
	}
	await Promise.all(inflight);
	const deadline = performance.now() + 10_000;
	while (deliveries.length < options.writes - failures && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
	await pool.end();
	await listener.end();
	return { acks, deliveries, failures };
}

export async function dropPgFloor(databaseUrl: string): Promise<void> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	await client.query(`drop schema if exists ${SCHEMA} cascade`);
	await client.end();
}
