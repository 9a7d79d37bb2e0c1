// A reconnect storm (#19): subscribers that ask for the same replay at the same time share one
// query, and one whose position lies beyond what that query saw still gets every event up to it.
// Real PostgreSQL; a Kysely plugin only counts the queries that reach it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { publish, eventsSince } from '../../src/lib/server/realtime/event-log.ts';
import { SharedReplay } from '../../src/lib/server/realtime/replay.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';

let t: TestDatabase;

beforeAll(async () => {
	t = await createTestDatabase();
});

afterAll(async () => {
	await t?.drop();
});

class QueryCounter implements KyselyPlugin {
	count = 0;
	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		this.count++;
		return args.node;
	}
	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return args.result;
	}
}

/** Holds the first query's result until opened: a shared query still "in flight" on demand. */
class ResultGate implements KyselyPlugin {
	private arrived!: () => void;
	private release!: () => void;
	private readonly released = new Promise<void>((resolve) => (this.release = resolve));
	readonly reached = new Promise<void>((resolve) => (this.arrived = resolve));
	private first = true;
	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		return args.node;
	}
	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		if (this.first) {
			this.first = false;
			this.arrived();
			await this.released;
		}
		return args.result;
	}
	open() {
		this.release();
	}
}

async function write(topic: string, n: number) {
	for (let i = 0; i < n; i++) await t.db.transaction().execute((trx) => publish(trx, { topic, type: 'test.event', data: { i }, actor: null }));
}

describe('shared replay', () => {
	it('fifty subscribers from the same position: one query, each gets the whole replay in order', async () => {
		const topic = 'incident:storm';
		await write(topic, 40);
		const counter = new QueryCounter();
		const replay = new SharedReplay(t.db.withPlugin(counter));
		const results = await Promise.all(Array.from({ length: 50 }, () => replay.missed(topic, 10, 40)));
		expect(counter.count).toBe(1);
		const expected = await eventsSince(t.db, topic, 10);
		for (const events of results) expect(events).toEqual(expected);
		expect(expected.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => 11 + i));
		// Once answered, the next subscriber asks PostgreSQL again (nothing is kept).
		await replay.missed(topic, 10, 40);
		expect(counter.count).toBe(2);
	});

	it('a subscriber that read a later position than the shared query saw gets the rest as well', async () => {
		const topic = 'incident:later';
		await write(topic, 5);
		const gate = new ResultGate();
		const replay = new SharedReplay(t.db.withPlugin(gate));
		const early = replay.missed(topic, 0, 5);
		await gate.reached; // the shared query has its rows (seq 1–5) and is held before answering
		await write(topic, 3); // committed meanwhile; a new subscriber reads seq 8
		const late = replay.missed(topic, 0, 8);
		gate.open();
		expect((await early).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
		expect((await late).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
	});

	it('nothing to replay when the subscriber is at the head', async () => {
		expect(await new SharedReplay(t.db).missed('incident:leeg', 3, 3)).toEqual([]);
	});
});
