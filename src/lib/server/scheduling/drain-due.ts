// What one tick of a background job does with the work that is due: take the next piece (one
// inject, one escalation, one batch of mails), each in a transaction of its own, until nothing is
// left, a piece fails, or the tick has taken `max` pieces, so one tick never runs unbounded.
// A failed piece stays due in the database; the next tick tries it again. Framework-free.
import type { Log } from './periodic-task.ts';

export interface DrainOptions {
	/** The most pieces one tick takes. */
	max: number;
	/** Handles the next due piece: how many things it handled (0 is fine), or 'none' when nothing is due. */
	next: () => Promise<number | 'none'>;
	/** Logged (error, with the reason) when a piece fails; the tick then ends. */
	failure: string;
	log?: Log;
}

/** Resolves with how many things the pieces handled together. */
export async function drainDue(options: DrainOptions): Promise<number> {
	let handled = 0;
	for (let piece = 0; piece < options.max; piece++) {
		let outcome: number | 'none';
		try {
			outcome = await options.next();
		} catch (err) {
			options.log?.('error', options.failure, { err: err instanceof Error ? err.message : String(err) });
			break;
		}
		if (outcome === 'none') break;
		handled += outcome;
	}
	return handled;
}
