// Work that may only happen once a transaction has committed (announcing its events to this
// process's sockets, see realtime/local-events.ts). `transact` runs it right after the commit;
// a rolled-back transaction, or one not run through `transact`, simply never runs it — callers
// must only register work whose absence is safe (the NOTIFY path delivers the events anyway).
import type { Transaction } from 'kysely';

const pending = new WeakMap<Transaction<never>, (() => void)[]>();

export function afterCommit<DB>(trx: Transaction<DB>, work: () => void): void {
	const key = trx as unknown as Transaction<never>;
	const list = pending.get(key);
	if (list) list.push(work);
	else pending.set(key, [work]);
}

/**
 * Called by `transact` after a successful commit; each piece of work runs once. It never throws:
 * the change is committed, and its caller must hear that, whatever the follow-up work does.
 */
export function runAfterCommit<DB>(trx: Transaction<DB>): void {
	const key = trx as unknown as Transaction<never>;
	const list = pending.get(key);
	if (!list) return;
	pending.delete(key);
	for (const work of list) {
		try {
			work();
		} catch (err) {
			process.emitWarning(`Werk na commit mislukt: ${err instanceof Error ? err.message : String(err)}`);
		}
	}
}
