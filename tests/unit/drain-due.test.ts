// One tick's pass over the due work, as the inject scheduler, the alert escalation and the outbox
// worker take it: piece by piece until nothing is due, a piece fails, or the tick's maximum.
import { describe, expect, it } from 'vitest';
import { drainDue } from '../../src/lib/server/scheduling/drain-due.ts';
import type { Log } from '../../src/lib/server/scheduling/periodic-task.ts';

/** A queue of outcomes; an Error is a piece that throws. */
function pieces(outcomes: (number | 'none' | Error)[]) {
	let taken = 0;
	const next = async () => {
		const outcome = outcomes[taken++] ?? 'none';
		if (outcome instanceof Error) throw outcome;
		return outcome;
	};
	return { next, taken: () => taken };
}

describe('drainDue', () => {
	it('takes pieces until none is due and adds up what they handled, a skipped piece (0) included', async () => {
		const queue = pieces([1, 0, 1, 25, 'none', 1]);
		expect(await drainDue({ max: 100, next: queue.next, failure: 'mislukt' })).toBe(27);
		expect(queue.taken()).toBe(5); // the piece after 'none' is left for the next tick
	});

	it('takes at most `max` pieces in one tick', async () => {
		const queue = pieces(Array.from({ length: 10 }, () => 1));
		expect(await drainDue({ max: 4, next: queue.next, failure: 'mislukt' })).toBe(4);
		expect(queue.taken()).toBe(4);
	});

	it('ends the tick at a failing piece, logs why, and keeps what was handled before it', async () => {
		const lines: Parameters<Log>[] = [];
		const queue = pieces([2, new Error('verbinding verbroken'), 3]);
		const handled = await drainDue({ max: 100, next: queue.next, failure: 'berichten versturen mislukt', log: (...line) => lines.push(line) });
		expect(handled).toBe(2);
		expect(queue.taken()).toBe(2);
		expect(lines).toEqual([['error', 'berichten versturen mislukt', { err: 'verbinding verbroken' }]]);
	});
});
