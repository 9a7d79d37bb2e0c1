// The rhythm the inject scheduler, the alert escalation and the outbox worker share: a tick at
// start, one per interval, never two at once, a stop that waits for the running tick, and a
// failing tick that is logged without ending the task.
import { describe, expect, it } from 'vitest';
import { startPeriodicTask, type Log } from '../../src/lib/server/scheduling/periodic-task.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((r) => (resolve = r));
	return { promise, resolve };
}

function collectingLog() {
	const lines: { level: string; msg: string; extra?: Record<string, unknown> }[] = [];
	const log: Log = (level, msg, extra) => lines.push({ level, msg, extra });
	return { lines, log };
}

async function until(condition: () => boolean, what: string, timeoutMs = 2_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > end) throw new Error(`niet gebeurd: ${what}`);
		await sleep(2);
	}
}

describe('startPeriodicTask', () => {
	it('ticks at start and then every interval', async () => {
		let ticks = 0;
		const task = startPeriodicTask({ name: 'teller', intervalMs: 10, tick: async () => ++ticks, handled: 'geteld' });
		try {
			expect(ticks).toBe(1); // the first tick starts at once, not after an interval
			await until(() => ticks >= 4, 'three more ticks');
		} finally {
			await task.stop();
		}
	});

	it('never runs two ticks at once when a tick is slower than the interval; runOnce joins the running tick', async () => {
		let active = 0;
		let most = 0;
		let ticks = 0;
		const task = startPeriodicTask({
			name: 'traag',
			intervalMs: 2,
			handled: 'traag geteld',
			tick: async () => {
				active++;
				most = Math.max(most, active);
				await sleep(30);
				active--;
				return ++ticks;
			}
		});
		try {
			const joined = await Promise.all([task.runOnce(), task.runOnce()]);
			expect(joined).toEqual([1, 1]); // both joined the tick started at start
			await until(() => ticks >= 3, 'three slow ticks');
			expect(most).toBe(1);
		} finally {
			await task.stop();
		}
	});

	it('stop waits for the running tick, and nothing runs after it', async () => {
		const gate = deferred();
		let started = 0;
		let finished = 0;
		const task = startPeriodicTask({
			name: 'wachtend',
			intervalMs: 5,
			handled: 'gewacht',
			tick: async () => {
				started++;
				await gate.promise;
				finished++;
				return finished;
			}
		});
		let stopped = false;
		const stopping = task.stop().then(() => (stopped = true));
		await sleep(30);
		expect(stopped).toBe(false); // still waiting for the tick that runs
		gate.resolve();
		await stopping;
		expect([started, finished]).toEqual([1, 1]);
		expect(await task.runOnce()).toBe(0); // stopped: no tick
		await sleep(30);
		expect(started).toBe(1);
	});

	it('logs a failing tick, and the next tick still runs', async () => {
		const { lines, log } = collectingLog();
		let ticks = 0;
		const task = startPeriodicTask({
			name: 'wankel',
			intervalMs: 5,
			log,
			tick: async () => {
				ticks++;
				if (ticks === 1) throw new Error('database weg');
				return ticks === 2 ? 0 : 7;
			},
			handled: 'rijen verwerkt'
		});
		try {
			await until(() => ticks >= 4, 'ticks after the failing one');
		} finally {
			await task.stop();
		}
		expect(lines[0]).toEqual({ level: 'error', msg: 'wankel mislukt', extra: { err: 'database weg' } });
		// The second tick handled nothing and says nothing; the next ones say how many they handled.
		expect(lines.slice(1, 3)).toEqual([
			{ level: 'info', msg: 'rijen verwerkt', extra: { count: 7 } },
			{ level: 'info', msg: 'rijen verwerkt', extra: { count: 7 } }
		]);
	});

	it('treats a tick that throws before its first await like a failing one; runOnce rejects with it', async () => {
		const { lines, log } = collectingLog();
		let ticks = 0;
		const task = startPeriodicTask({
			name: 'direct',
			intervalMs: 60_000,
			log,
			handled: 'nooit',
			tick: () => {
				ticks++;
				throw new Error(`poging ${ticks}`);
			}
		});
		try {
			await expect(task.runOnce()).rejects.toThrow('poging 1'); // joins the tick started at start
			await expect(task.runOnce()).rejects.toThrow('poging 2');
		} finally {
			await task.stop();
		}
		expect(lines.map((l) => l.extra?.err)).toEqual(['poging 1', 'poging 2']);
	});
});
