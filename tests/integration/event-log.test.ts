// The event log: per-topic sequence numbers without gaps or duplicates, in commit order,
// even with many concurrent writers and rolled-back transactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSeq, eventsSince, publish } from '../../src/lib/server/realtime/event-log.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';

let t: TestDatabase;

beforeAll(async () => {
	t = await createTestDatabase();
});

afterAll(async () => {
	await t?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('event log', () => {
	it('gives 50 concurrent transactions (some rolled back) seqs 1..N without gaps, visible in commit order', async () => {
		const topic = 'incident:concurrent';
		const committed: { writer: number; seq: number }[] = [];
		// While the writers run, a reader keeps looking: whatever it sees must always be 1..k.
		// That is "commit order equals sequence order": a higher seq never becomes visible first.
		let writing = true;
		const snapshots: number[][] = [];
		const reader = (async () => {
			while (writing) {
				snapshots.push((await eventsSince(t.db, topic, 0)).map((e) => e.seq));
				await sleep(1);
			}
		})();
		const writers = Array.from({ length: 50 }, (_, writer) =>
			t.db
				.transaction()
				.execute(async (trx) => {
					await sleep(Math.random() * 20);
					const event = await publish(trx, { topic, type: 'test.written', data: { writer }, actor: null });
					// Hold the counter row for a while, so the others really queue behind it.
					await sleep(Math.random() * 10);
					if (writer % 7 === 3) throw new Error(`rollback ${writer}`);
					return event.seq;
				})
				.then(
					(seq) => void committed.push({ writer, seq }),
					(err: Error) => {
						if (!err.message.startsWith('rollback')) throw err;
					}
				)
		);
		await Promise.all(writers);
		writing = false;
		await reader;

		const rolledBack = Array.from({ length: 50 }, (_, w) => w).filter((w) => w % 7 === 3).length;
		const n = 50 - rolledBack;
		expect(committed).toHaveLength(n);
		const seqs = committed.map((c) => c.seq).sort((a, b) => a - b);
		expect(seqs).toEqual(Array.from({ length: n }, (_, i) => i + 1));

		expect(snapshots.length).toBeGreaterThan(5);
		expect(snapshots.some((s) => s.length > 0 && s.length < n)).toBe(true);
		for (const snapshot of snapshots) expect(snapshot).toEqual(Array.from({ length: snapshot.length }, (_, i) => i + 1));

		const events = await eventsSince(t.db, topic, 0);
		expect(events.map((e) => e.seq)).toEqual(seqs);
		// Each stored event belongs to the writer that got that seq; rolled-back writers left nothing.
		const bySeq = new Map(committed.map((c) => [c.seq, c.writer]));
		for (const e of events) expect(e.data).toEqual({ writer: bySeq.get(e.seq) });
		expect(events.some((e) => (e.data as unknown as { writer: number }).writer % 7 === 3)).toBe(false);
		expect(await currentSeq(t.db, topic)).toBe(n);
	});

	it('a second writer waits for the first to commit before it gets the next seq', async () => {
		const topic = 'incident:order';
		let releaseFirst!: () => void;
		const firstMayCommit = new Promise<void>((r) => (releaseFirst = r));
		let firstPublished!: () => void;
		const firstHasPublished = new Promise<void>((r) => (firstPublished = r));
		const first = t.db.transaction().execute(async (trx) => {
			const e = await publish(trx, { topic, type: 'first', data: 1, actor: null });
			firstPublished();
			await firstMayCommit;
			return e.seq;
		});
		await firstHasPublished;
		let secondDone = false;
		const second = t.db
			.transaction()
			.execute((trx) => publish(trx, { topic, type: 'second', data: 2, actor: null }))
			.then((e) => {
				secondDone = true;
				return e.seq;
			});
		await sleep(300);
		// Blocked on the counter row while the first transaction is open.
		expect(secondDone).toBe(false);
		expect(await eventsSince(t.db, topic, 0)).toEqual([]);
		releaseFirst();
		expect(await first).toBe(1);
		expect(await second).toBe(2);
		expect((await eventsSince(t.db, topic, 0)).map((e) => [e.seq, e.type])).toEqual([
			[1, 'first'],
			[2, 'second']
		]);
	});

	it('keeps an independent sequence per topic', async () => {
		const topics = ['calendar', 'bluswater', 'municipality:haarlem'];
		await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				t.db.transaction().execute((trx) => publish(trx, { topic: topics[i % 3]!, type: 'test.topic', data: { i }, actor: null }))
			)
		);
		for (const topic of topics) {
			const events = await eventsSince(t.db, topic, 0);
			expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
			expect(events.every((e) => e.topic === topic)).toBe(true);
			expect(await currentSeq(t.db, topic)).toBe(10);
		}
		expect(await currentSeq(t.db, 'user:nobody')).toBe(0);
	});

	it('a rolled-back publish leaves no event and no gap', async () => {
		const topic = 'incident:rollback';
		await t.db.transaction().execute((trx) => publish(trx, { topic, type: 'a', data: 1, actor: null }));
		await expect(
			t.db.transaction().execute(async (trx) => {
				await publish(trx, { topic, type: 'b', data: 2, actor: null });
				throw new Error('nee');
			})
		).rejects.toThrow('nee');
		await t.db.transaction().execute((trx) => publish(trx, { topic, type: 'c', data: 3, actor: null }));
		const events = await eventsSince(t.db, topic, 0);
		expect(events.map((e) => [e.seq, e.type])).toEqual([
			[1, 'a'],
			[2, 'c']
		]);
	});

	it('eventsSince returns the events after `since`, in order, with every field, up to the limit', async () => {
		const topic = 'incident:replay';
		const actor = { id: '00000000-0000-4000-8000-000000000001', name: 'Daan Jansen' };
		const published = [];
		for (let i = 1; i <= 12; i++) {
			published.push(
				await t.db.transaction().execute((trx) =>
					publish(trx, { topic, type: `test.${i}`, data: { i, nested: { tekst: 'één' } }, actor: i % 2 ? actor : null, exercise: i === 5 })
				)
			);
		}
		const after4 = await eventsSince(t.db, topic, 4);
		expect(after4.map((e) => e.seq)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
		// The stored event equals what publish returned (the shape sent to clients).
		expect(after4).toEqual(published.slice(4));
		expect(after4[0]).toMatchObject({ topic, type: 'test.5', exercise: true, actor, data: { i: 5, nested: { tekst: 'één' } } });
		expect(after4[1]).toMatchObject({ exercise: false, actor: null });
		expect(new Date(after4[0]!.at).toISOString()).toBe(after4[0]!.at);
		expect((await eventsSince(t.db, topic, 4, 3)).map((e) => e.seq)).toEqual([5, 6, 7]);
		expect(await eventsSince(t.db, topic, 12)).toEqual([]);
		expect(await eventsSince(t.db, topic, 100)).toEqual([]);
	});

	it('announces each commit on the events channel with "<seq>:<topic>" only after commit', async () => {
		const pg = await import('pg');
		const client = new pg.default.Client({ connectionString: t.url });
		await client.connect();
		const payloads: string[] = [];
		client.on('notification', (m) => payloads.push(m.payload ?? ''));
		await client.query('LISTEN paraat_events');
		try {
			const topic = 'incident:notify';
			await expect(
				t.db.transaction().execute(async (trx) => {
					await publish(trx, { topic, type: 'x', data: { geheim: 'niet in de payload' }, actor: null });
					throw new Error('terug');
				})
			).rejects.toThrow('terug');
			await t.db.transaction().execute((trx) => publish(trx, { topic, type: 'x', data: { geheim: 'niet in de payload' }, actor: null }));
			const deadline = Date.now() + 5000;
			while (payloads.length === 0 && Date.now() < deadline) await sleep(20);
			await sleep(100);
			expect(payloads).toEqual([`1:${topic}`]);
		} finally {
			await client.end();
		}
	});
});
