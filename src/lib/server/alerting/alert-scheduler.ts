// Escalates unanswered alerts to the backup when their minutes are up. Framework-free (relative
// .ts imports), so the production entry and the Vite dev plugin both start it, like the inject
// scheduler. All state is in the database (each recipient's `escalate_at`): after a restart the
// next tick escalates whatever fell due meanwhile. Every node may run one: each recipient is
// claimed with FOR UPDATE SKIP LOCKED and escalated in a transaction of its own, so it happens
// exactly once, and one failure does not hold up the others.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import { lockIncident } from '../logbook/log-queries.ts';
import { findIncident } from '../incident-access/incident-record-queries.ts';
import { announceAlert, escalateRecipient, type IssueDeps } from './alert-issue.ts';
import { claimDueEscalation } from './alert-queries.ts';
import { startPeriodicTask, type Log, type PeriodicTask } from '../scheduling/periodic-task.ts';
import { drainDue } from '../scheduling/drain-due.ts';

const DEFAULT_INTERVAL_MS = 5_000;
/** At most this many escalations per tick, so one tick never runs unbounded. */
const MAX_PER_TICK = 500;

/** `runOnce` resolves with the number escalated. */
export type AlertScheduler = PeriodicTask;

/** Escalates one due recipient: 'escalated', 'skipped' (nothing to do after all), or 'none'. */
export async function escalateNext(db: Kysely<DB>, deps: IssueDeps, now: Date = new Date()): Promise<'escalated' | 'skipped' | 'none'> {
	return transact(db, async (trx) => {
		const due = await claimDueEscalation(trx, now);
		if (!due) return 'none';
		// Numbered like every other entry: under the incident lock (taken after the recipient's,
		// the same order as an answer through the one-tap link).
		const locked = await lockIncident(trx, due.incidentId);
		const incident = locked && locked.status !== 'gesloten' ? await findIncident(trx, due.incidentId) : undefined;
		if (!incident) return 'skipped';
		const target = { id: incident.id, title: incident.title, exercise: incident.exercise };
		if (!(await escalateRecipient(trx, due.id, target, now, deps))) return 'skipped';
		await announceAlert(trx, due.alertId, 'alert.updated', null, now);
		return 'escalated';
	});
}

/** Escalates every recipient whose minutes are up at `now`; returns how many. */
export function escalateDue(db: Kysely<DB>, deps: IssueDeps, now: Date = new Date(), log: Log = () => {}): Promise<number> {
	return drainDue({
		max: MAX_PER_TICK,
		next: async () => {
			const outcome = await escalateNext(db, deps, now);
			return outcome === 'none' ? 'none' : outcome === 'escalated' ? 1 : 0;
		},
		// This one stays due; the next tick tries again.
		failure: 'escalatie van een alarmering mislukt',
		log
	});
}

export function startAlertScheduler(db: Kysely<DB>, deps: () => IssueDeps, options: { intervalMs?: number; log?: Log } = {}): AlertScheduler {
	const log = options.log ?? (() => {});
	return startPeriodicTask({
		name: 'escalatie van alarmeringen',
		intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
		log,
		tick: () => escalateDue(db, deps(), new Date(), log),
		handled: 'alarmeringen doorgezet naar backup'
	});
}
