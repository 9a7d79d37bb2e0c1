// The periodic check for advice terms running out: the officer who asked an advice is told once
// when an open request becomes "bijna verlopen" (3 working days before its due date, the same rule
// the inbox marks it by), or once when it is already overdue the first time the check sees it.
// Restart-safe and without duplicates on any number of nodes: each reminder is remembered in
// notification_reminder in the same transaction that queues it (insert … on conflict do nothing).
// Framework-free (relative .ts imports); run by the outbox worker every few minutes.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import { addDays, type LocalDate } from '../../domain/working-days.ts';
import { dueState, localDateOf, type AdviceKind, type AdviceRequestRecord } from '../../domain/advice/index.ts';
import { queueNotifications } from './notification-outbox.ts';
import { deadlineNearMessage } from './notification-messages.ts';
import { openRequestsDueBy, rememberReminder } from './recipient-queries.ts';

export const DEADLINE_CHECK_EVERY_MS = 10 * 60_000;
/** Three working days never span more than this many calendar days (weekends, Easter, Christmas). */
const LOOKAHEAD_DAYS = 10;

/** Queues the reminders that are due on `today`; returns how many were queued. */
export async function remindNearDeadlines(db: Kysely<DB>, today: LocalDate = localDateOf(new Date())): Promise<number> {
	const candidates = await openRequestsDueBy(db, addDays(today, LOOKAHEAD_DAYS));
	let queued = 0;
	for (const r of candidates) {
		const state = dueState({ status: 'gevraagd', dueDate: r.dueDate }, today);
		if (state !== 'bijna' && state !== 'verlopen') continue;
		const officer = r.requestedBy!;
		const sent = await transact(db, async (trx) => {
			if (!(await rememberReminder(trx, 'advice_due', r.id, officer))) return false;
			const request = {
				applicationId: r.applicationId,
				discipline: r.discipline as AdviceKind,
				dueDate: r.dueDate,
				application: {
					id: r.applicationId,
					name: r.name,
					reference: r.reference,
					municipality: r.municipalityCode,
					category: r.category as AdviceRequestRecord['application']['category'],
					startsAt: r.startsAt.toISOString(),
					endsAt: r.endsAt.toISOString()
				} as AdviceRequestRecord['application']
			};
			await queueNotifications(trx, [deadlineNearMessage(officer, request, state === 'verlopen')]);
			return true;
		});
		if (sent) queued++;
	}
	return queued;
}
