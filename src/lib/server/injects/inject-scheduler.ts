// Delivers exercise injects into the logbook when they are due. Framework-free (relative .ts
// imports), so the production entry and the Vite dev plugin both start it.
// All state is in the database: after a restart the next tick delivers whatever fell due
// meanwhile. Every node may run a scheduler: each inject is claimed with FOR UPDATE SKIP
// LOCKED and delivered in a transaction of its own (entry, mark, audit, events), so it lands
// exactly once, and a failing inject does not hold up the others.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import { writeAudit } from '../audit/audit.ts';
import { publish } from '../realtime/event-log.ts';
import { findEntry, insertEntry, lockIncident } from '../logbook/log-queries.ts';
import { claimDueInject, findInject, markDelivered } from './inject-queries.ts';
import { entryAsSeenBy } from '../../domain/injects.ts';
import { startPeriodicTask, type Log, type PeriodicTask } from '../scheduling/periodic-task.ts';
import { drainDue } from '../scheduling/drain-due.ts';

const DEFAULT_INTERVAL_MS = 2_000;
/** At most this many injects per tick, so one tick never runs unbounded. */
const MAX_PER_TICK = 200;

/** `runOnce` resolves with the number delivered. */
export type InjectScheduler = PeriodicTask;

/**
 * Delivers one due inject: 'delivered', 'skipped' (its exercise was closed meanwhile), or
 * 'none' when none is due (or all due ones are being delivered by another scheduler now).
 */
export async function deliverNextInject(db: Kysely<DB>): Promise<'delivered' | 'skipped' | 'none'> {
	return transact(db, async (trx) => {
		const inject = await claimDueInject(trx);
		if (!inject) return 'none';
		// Numbered like every other entry: under the incident lock. The claim above skipped
		// closed incidents; the lock makes sure it was not closed in between.
		const incident = await lockIncident(trx, inject.incidentId);
		if (!incident || incident.status === 'gesloten') return 'skipped';
		const exercise = incident.kind === 'oefening';
		const entryId = await insertEntry(trx, {
			incidentId: inject.incidentId,
			kind: 'melding',
			discipline: inject.discipline,
			text: inject.text,
			happenedAt: inject.dueAt,
			source: inject.source,
			authorId: inject.createdBy,
			injectId: inject.id
		});
		await markDelivered(trx, inject.id, entryId);
		const entry = (await findEntry(trx, entryId))!;
		const delivered = (await findInject(trx, inject.id))!;
		await writeAudit(trx, {
			actorId: null,
			action: 'inject.delivered',
			entityType: 'inject',
			entityId: inject.id,
			details: { incidentId: inject.incidentId, number: entry.number, exercise }
		});
		// Topics in a fixed order (incident, then injects), like every other writer. The players'
		// topic carries the entry as an ordinary message of its source; only the oefenleiding's
		// `injects:<id>` topic says it was an inject.
		await publish(trx, { topic: `incident:${inject.incidentId}`, type: 'log.created', data: entryAsSeenBy(entry, false), actor: null, exercise });
		await publish(trx, { topic: `injects:${inject.incidentId}`, type: 'inject.delivered', data: delivered, actor: { id: inject.createdBy, name: inject.source }, exercise });
		return 'delivered';
	});
}

/** Delivers every inject that is due now; returns how many. */
export function deliverDueInjects(db: Kysely<DB>, log: Log = () => {}): Promise<number> {
	return drainDue({
		max: MAX_PER_TICK,
		next: async () => {
			const outcome = await deliverNextInject(db);
			return outcome === 'none' ? 'none' : outcome === 'delivered' ? 1 : 0;
		},
		// This inject stays waiting; the next tick tries again.
		failure: 'inject delivery failed',
		log
	});
}

export function startInjectScheduler(db: Kysely<DB>, options: { intervalMs?: number; log?: Log } = {}): InjectScheduler {
	const log = options.log ?? (() => {});
	// Its first tick delivers what fell due while no scheduler ran (a restart).
	return startPeriodicTask({
		name: 'aflevering van injects',
		intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
		log,
		tick: () => deliverDueInjects(db, log),
		handled: 'injects afgeleverd'
	});
}
