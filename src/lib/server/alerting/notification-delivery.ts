// Where composed alert messages go. The alert service and the escalation scheduler hand every
// message to a `DeliverNotifications` inside the transaction that made the alert, so a message is
// queued if and only if the alert is stored. Framework-free (relative .ts imports).
//
// Wiring: the notification outbox (e-mail and web push, branch `mail`) exposes
// `queueNotifications(db | trx, items)` in src/lib/server/notifications/notification-outbox.ts;
// `wiredDelivery` below becomes that function. Until then it writes each message as a JSON line
// to PARAAT_ALARM_BERICHTEN_BESTAND (demo and tests only; config refuses it outside demo mode),
// and otherwise only logs how many messages had nowhere to go.
import { appendFile } from 'node:fs/promises';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AlertNotification } from '../../domain/alerting/message.ts';
import { config } from '../config.ts';
import { logger } from '../log.ts';

export type DeliverNotifications = (db: Kysely<DB> | Transaction<DB>, items: AlertNotification[]) => Promise<void>;

export const wiredDelivery: DeliverNotifications = async (_db, items) => {
	if (items.length === 0) return;
	const file = config().PARAAT_ALARM_BERICHTEN_BESTAND;
	if (file) {
		await appendFile(file, items.map((item) => JSON.stringify(item)).join('\n') + '\n', 'utf8');
		return;
	}
	logger.warn({ count: items.length }, 'alarmering: nog geen verzending aangesloten (notification outbox ontbreekt)');
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
