// When an alert passes to the backup (DOMAIN.md §7: an unanswered alert escalates after N minutes,
// a region's setting). Decided here, purely, for the scheduler and for an "Ik kan niet" alike.
import type { AlertStatus } from './statuses.ts';

export interface EscalationState {
	status: AlertStatus;
	backupUserId: string | null;
	/** When the wait for an answer ends; null: this recipient never escalates (a backup). */
	escalateAt: Date | null;
	escalatedAt: Date | null;
}

/**
 * `escalate`: hand the alert to the backup now. `wait`: not yet (the minutes are still running).
 * `never`: there is nothing to escalate — already done, an answer "Ik kom", or no backup.
 */
export function escalationDecision(r: EscalationState, now: Date): 'escalate' | 'wait' | 'never' {
	if (r.escalatedAt || !r.backupUserId || r.status === 'komt' || r.status === 'geescaleerd') return 'never';
	// "Ik kan niet" needs no waiting: the function is empty until the backup comes.
	if (r.status === 'komt_niet') return 'escalate';
	if (!r.escalateAt) return 'never';
	return r.escalateAt.getTime() <= now.getTime() ? 'escalate' : 'wait';
}

/** The moment the wait ends for an alert sent at `sentAt`. */
export function escalationMoment(sentAt: Date, minutes: number): Date {
	return new Date(sentAt.getTime() + minutes * 60_000);
}
