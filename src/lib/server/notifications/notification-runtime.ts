// Starts this node's notification delivery with the app, like the inject scheduler: the outbox
// worker with the configured e-mail and push, and the periodic deadline check. Says at start how
// mail and push go out, and clearly when e-mail is not configured in production (the mails then
// wait in the outbox; /beheer/berichten-uit says the same). Framework-free.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { config } from '../config.ts';
import { deliveryFromConfig, deliveryState } from './delivery-setup.ts';
import { startNotificationWorker, type NotificationWorker } from './outbox-worker.ts';
import { DEADLINE_CHECK_EVERY_MS, remindNearDeadlines } from './deadline-reminders.ts';
import type { Log } from '../scheduling/periodic-task.ts';

export const MAIL_NOT_CONFIGURED = 'E-mail is niet ingesteld (PARAAT_SMTP_URL ontbreekt): e-mails blijven in de wachtrij staan tot een SMTP-server is ingesteld. Zie docs/notifications.md.';

export async function startNotifications(db: Kysely<DB>, options: { log?: Log; intervalMs?: number } = {}): Promise<NotificationWorker> {
	const log = options.log ?? (() => {});
	const delivery = await deliveryFromConfig(db);
	const state = deliveryState();
	if (state.mail === 'uit') log('warn', MAIL_NOT_CONFIGURED);
	else log('info', 'meldingen: e-mail en push', { email: state.mail, push: state.push, afzender: config().PARAAT_SMTP_FROM });
	if (state.push === 'uit') log('warn', 'Pushberichten zijn niet ingesteld (PARAAT_VAPID_PUBLIC_KEY en PARAAT_VAPID_PRIVATE_KEY ontbreken).');
	return startNotificationWorker(db, delivery, {
		log,
		intervalMs: options.intervalMs,
		periodic: [{ name: 'termijncontrole', everyMs: DEADLINE_CHECK_EVERY_MS, run: (d) => remindNearDeadlines(d) }]
	});
}
