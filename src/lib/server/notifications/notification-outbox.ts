// The public face of notifications: a service that wants someone told calls queueNotifications
// inside its own transaction. The messages wait in the outbox (one row per message and channel)
// until the worker (outbox-worker.ts) sends them, so a rolled-back change sends nothing and a
// restart loses nothing. An alert always goes out by e-mail and push; the other categories follow
// the recipient's choices (/mijn-account/meldingen). Push only for users with a subscription.
//
// Bodies are Dutch and never confidential (no Bibob content: a mail leaves our hands). `html` is
// the message's own part (use `htmlFromText` for plain text); the shared layout with the button to
// `url` and the action buttons is put around it when it is sent. `url` is a path in Paraat
// (`/advies/…`, made absolute with ORIGIN when sent) or an absolute https address.
// Framework-free (relative .ts imports).
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { NotificationCategory, NotificationChannel } from '../../contracts/notifications.ts';
import { channelsFor } from '../../domain/notifications.ts';
import { insertOutboxRows, type OutboxInsert } from './outbox-queries.ts';
import { activeUsers, preferencesOf } from './preference-queries.ts';
import { usersWithSubscriptions } from './push-subscription-queries.ts';

export { htmlFromText } from './mail-layout.ts';

export interface OutgoingNotification {
	userId: string;
	category: 'alert' | 'advice_requested' | 'advice_answered' | 'deadline_near' | 'task_assigned';
	subject: string;
	text: string;
	html: string; // Dutch; nothing confidential
	url: string; // what the mail/push opens
	actions?: { title: string; url: string }[]; // e.g. "Ik kom" / "Ik kan niet"
}

const MAX_SUBJECT = 300;

/**
 * Queues the messages in the caller's transaction (or on its own when given the database). One
 * message per item; the channels follow the category and the recipient's choices. Blocked users
 * get nothing.
 */
export async function queueNotifications(db: Kysely<DB> | Transaction<DB>, items: OutgoingNotification[]): Promise<void> {
	if (items.length === 0) return;
	const userIds = [...new Set(items.map((i) => i.userId))];
	const [active, preferences, subscribed] = await Promise.all([activeUsers(db, userIds), preferencesOf(db, userIds), usersWithSubscriptions(db, userIds)]);
	const rows: OutboxInsert[] = [];
	for (const item of items) {
		if (!active.has(item.userId)) continue;
		const own = preferences.filter((p) => p.userId === item.userId);
		const channels: NotificationChannel[] = channelsFor(item.category as NotificationCategory, own).filter((c) => c !== 'push' || subscribed.has(item.userId));
		const messageId = randomUUID();
		for (const channel of channels) {
			rows.push({
				messageId,
				userId: item.userId,
				category: item.category,
				channel,
				subject: oneLine(item.subject).slice(0, MAX_SUBJECT) || 'Bericht van Paraat',
				bodyText: item.text,
				bodyHtml: item.html,
				url: item.url,
				actions: item.actions ?? []
			});
		}
	}
	await insertOutboxRows(db, rows);
}

/** A subject is one line: a newline in a mail header would be a header injection. */
function oneLine(text: string): string {
	return text.replace(/[\r\n]+/g, ' ').trim();
}
