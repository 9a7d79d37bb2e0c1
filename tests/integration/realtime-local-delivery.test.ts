// The writing node's own sockets get its events without the NOTIFY round trip and the fetch (#19):
// `transact` hands committed events to this process's fan-out, which emits them when they are next
// in line, once, in order — beside the NOTIFY path, which still delivers to every node. Real
// PostgreSQL throughout; the fan-out's own test feeds it events the log does not hold, so an emit
// can only have come from the hand-over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, eventsSince } from '../../src/lib/server/realtime/event-log.ts';
import { TopicFanout } from '../../src/lib/server/realtime/fanout.ts';
import { transact } from '../../src/lib/server/db/transaction.ts';
import { afterCommit } from '../../src/lib/server/db/after-commit.ts';
import { receiveLocalEvents } from '../../src/lib/server/realtime/local-events.ts';
import type { RealtimeEvent } from '../../src/lib/contracts/events.ts';
import type { SessionUser } from '../../src/lib/server/auth/roles.ts';
import { createTestDatabase, createUser, loginAs, waitFor, type TestDatabase } from '../support/test-db.ts';
import { connectClient, startRealtimeServer, type ClientSocket, type TestRealtimeNode } from '../support/realtime-server.ts';

let t: TestDatabase;

beforeAll(async () => {
	t = await createTestDatabase();
});

afterAll(async () => {
	await t?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fakeEvent(topic: string, seq: number): RealtimeEvent {
	return { topic, seq, type: 'test.event', at: new Date().toISOString(), actor: null, exercise: false, data: { seq } } as unknown as RealtimeEvent;
}

function fanoutCollecting() {
	const emitted: RealtimeEvent[] = [];
	const errors: unknown[] = [];
	const fanout = new TopicFanout({ db: t.db, hasListeners: () => true, emit: (_topic, event) => emitted.push(event), onError: (err) => errors.push(err) });
	return { fanout, emitted, errors };
}

describe('after commit', () => {
	it('runs the registered work once after a commit, never after a rollback, and a failing piece does not undo the commit', async () => {
		const ran: string[] = [];
		const result = await transact(t.db, async (trx) => {
			afterCommit(trx, () => ran.push('een'));
			afterCommit(trx, () => {
				throw new Error('kapot');
			});
			afterCommit(trx, () => ran.push('twee'));
			expect(ran).toEqual([]); // not before the commit
			return 'klaar';
		});
		expect(result).toBe('klaar');
		expect(ran).toEqual(['een', 'twee']);

		await expect(
			transact(t.db, async (trx) => {
				afterCommit(trx, () => ran.push('teruggedraaid'));
				throw new Error('terug');
			})
		).rejects.toThrow('terug');
		expect(ran).toEqual(['een', 'twee']);
	});

	it('hands the events of a committed transaction to this process, and those of a rolled-back one never', async () => {
		const received: RealtimeEvent[] = [];
		const stop = receiveLocalEvents((events) => received.push(...events));
		try {
			const topic = 'incident:after-commit';
			await expect(
				transact(t.db, async (trx) => {
					await publish(trx, { topic, type: 'test.event', data: { n: 0 }, actor: null });
					throw new Error('terug');
				})
			).rejects.toThrow('terug');
			const published = await transact(t.db, (trx) => publish(trx, { topic, type: 'test.event', data: { n: 1 }, actor: null }));
			await waitFor(() => received.length > 0);
			await sleep(20);
			expect(received).toEqual([published]);
			// What is handed over equals what the log gives anyone who asks later.
			expect(await eventsSince(t.db, topic, 0)).toEqual([published]);
		} finally {
			stop();
		}
	});
});

describe('fan-out with events in hand', () => {
	it('emits offered events in order without asking the log, and a later NOTIFY of the same seq adds nothing', async () => {
		const { fanout, emitted, errors } = fanoutCollecting();
		const topic = 'incident:nooit-in-het-log';
		fanout.observe(topic, 0);
		// Offered out of order: 2 waits for 1.
		fanout.offer(fakeEvent(topic, 2));
		fanout.offer(fakeEvent(topic, 1));
		fanout.offer(fakeEvent(topic, 3));
		await waitFor(() => emitted.length === 3);
		fanout.notify(topic, 3);
		fanout.offer(fakeEvent(topic, 2));
		await sleep(50);
		expect(emitted.map((e) => e.seq)).toEqual([1, 2, 3]);
		expect(errors).toEqual([]);
	});

	it('fetches from the log what it does not hold, and emits each seq once', async () => {
		const { fanout, emitted, errors } = fanoutCollecting();
		const topic = 'incident:gemengd';
		fanout.observe(topic, 0);
		// Seq 1 and 2 committed elsewhere (another node): only their NOTIFY would come here.
		const elsewhere = [];
		for (let i = 1; i <= 2; i++) elsewhere.push(await t.db.transaction().execute((trx) => publish(trx, { topic, type: 'test.event', data: { i }, actor: null })));
		const mine = await t.db.transaction().execute((trx) => publish(trx, { topic, type: 'test.event', data: { i: 3 }, actor: null }));
		fanout.offer(mine); // in hand, but 1 and 2 are missing: fetched first
		await waitFor(() => emitted.length === 3);
		fanout.notify(topic, 1);
		fanout.notify(topic, 3);
		await sleep(50);
		expect(emitted).toEqual([...elsewhere, mine]);
		expect(errors).toEqual([]);
	});
});

describe('through the socket server', () => {
	let node: TestRealtimeNode;
	let user: SessionUser;
	const sockets: ClientSocket[] = [];

	beforeAll(async () => {
		node = await startRealtimeServer(t);
		user = await createUser(t.db, { name: 'Lotte Lokaal', grants: [{ role: 'crisisteam', municipality: null }] });
	});

	afterAll(async () => {
		for (const s of sockets) s.close();
		await node?.close();
	});

	it('a burst written in this process reaches a subscriber complete, in order, once — hand-over and NOTIFY racing', async () => {
		const socket = await connectClient(node.url, await loginAs(t.db, user));
		sockets.push(socket);
		const received: RealtimeEvent[] = [];
		socket.on('event', (e) => received.push(e));
		const ack = await socket.timeout(5_000).emitWithAck('subscribe', { topic: 'region' });
		expect(ack.ok).toBe(true);
		const from = ack.ok ? ack.seq : 0;
		const burst = 60;
		// Concurrent writers, as requests are: commits interleave, seqs are still gap-free per topic.
		await Promise.all(
			Array.from({ length: burst }, (_, i) => transact(t.db, (trx) => publish(trx, { topic: 'region', type: 'test.event', data: { i }, actor: null })))
		);
		await waitFor(() => received.length >= burst, { what: () => `${received.length} van ${burst}` });
		await sleep(100); // a duplicate would arrive now
		expect(received.map((e) => e.seq)).toEqual(Array.from({ length: burst }, (_, i) => from + i + 1));
		expect(received).toEqual(await eventsSince(t.db, 'region', from));
	});
});
