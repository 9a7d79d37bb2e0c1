// Where composed alert messages go. The alert service and the escalation scheduler hand every
// message to a `DeliverNotifications` inside the transaction that made the alert, so a message is
// queued if and only if the alert is stored. Framework-free (relative .ts imports).
//
// Wiring: the notification outbox (e-mail and web push) queues every message in the same
// transaction; an alert always goes by mail and, to whoever has a subscription, by push.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AlertNotification } from '../../domain/alerting/message.ts';
import { queueNotifications } from '../notifications/notification-outbox.ts';

export type DeliverNotifications = (db: Kysely<DB> | Transaction<DB>, items: AlertNotification[]) => Promise<void>;

export const wiredDelivery: DeliverNotifications = async (db, items) => {
	if (items.length === 0) return;
	await queueNotifications(db, items);
};

/** A delivery that keeps what it got, for tests and the benchmark. */
export function recordingDelivery(): { deliver: DeliverNotifications; items: AlertNotification[] } {
	const items: AlertNotification[] = [];
	return {
		items,
		deliver: async (_db, batch) => {
			items.push(...batch);
		}
	};
}
