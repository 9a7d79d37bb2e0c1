// What users and beheerders do with notifications: choose per category what reaches them by
// e-mail and push, register a browser for push, read the demo's in-app mailbox (their own mail
// only), and, for the regional beheerder, follow the outbox and send a failed message again. The
// beheerder sees recipient, category, subject and state, never the body of someone else's message.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { can } from '../auth/permissions.ts';
import { writeAudit } from '../audit/audit.ts';
import { config } from '../config.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { transact } from '../db/transaction.ts';
import { completePreferences } from '../../domain/notifications.ts';
import { OUTBOX_STATUSES, type NotificationPreference, type OutboxStatus, type PushSubscriptionInput } from '../../contracts/notifications.ts';
import { preferencesOf, savePreferences } from './preference-queries.ts';
import { deleteOwnSubscription, subscriptionCount, upsertSubscription } from './push-subscription-queries.ts';
import { mailboxOf, outboxCounts, outboxOverview, requeueRow } from './outbox-queries.ts';
import { demoActive, deliveryState, publicOrigin, vapidKeysFor } from './delivery-setup.ts';
import { renderMail } from './mail-layout.ts';

export async function notificationPreferencesOf(db: Kysely<DB>, user: SessionUser): Promise<NotificationPreference[]> {
	return completePreferences(await preferencesOf(db, [user.id])).map(({ category, email, push }) => ({ category, email, push }));
}

export async function changeNotificationPreferences(db: Kysely<DB>, user: SessionUser, choices: NotificationPreference[]): Promise<NotificationPreference[]> {
	await savePreferences(db, user.id, choices);
	return notificationPreferencesOf(db, user);
}

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Why a push endpoint is refused, or null. A browser's push service is a public https address;
 * an address on this machine or an IP address would let a user make the server post to places
 * it should not reach. Tests post to plain http on localhost (NODE_ENV=test only).
 */
export function pushEndpointProblem(endpoint: string, env: string | undefined = process.env.NODE_ENV): string | null {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		return 'Het adres van het pushabonnement is geen geldige URL.';
	}
	if (url.protocol === 'http:' && env === 'test' && LOCAL_HOSTS.includes(url.hostname)) return null;
	if (url.protocol !== 'https:') return 'Het adres van het pushabonnement moet met https:// beginnen.';
	if (url.username || url.password) return 'Het adres van het pushabonnement mag geen gebruikersnaam of wachtwoord bevatten.';
	if (LOCAL_HOSTS.includes(url.hostname) || /^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('[')) {
		return 'Het adres van het pushabonnement moet een pushdienst op internet zijn, geen IP-adres of deze computer.';
	}
	return null;
}

/** Registers (or renews) this browser's push subscription for the signed-in user. */
export async function subscribePush(db: Kysely<DB>, user: SessionUser, input: PushSubscriptionInput, ctx: { userAgent?: string | null } = {}): Promise<{ id: string; devices: number }> {
	const problem = pushEndpointProblem(input.endpoint);
	if (problem) throw invalid([{ field: 'endpoint', message: problem }], problem);
	const id = await upsertSubscription(db, { userId: user.id, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, userAgent: ctx.userAgent?.slice(0, 300) ?? null });
	return { id, devices: await subscriptionCount(db, user.id) };
}

export async function unsubscribePush(db: Kysely<DB>, user: SessionUser, endpoint: string): Promise<void> {
	if (!(await deleteOwnSubscription(db, user.id, endpoint))) throw notFound('Dit apparaat heeft geen pushabonnement (meer).');
}

export async function pushDevicesOf(db: Kysely<DB>, user: SessionUser): Promise<number> {
	return subscriptionCount(db, user.id);
}

/** The public VAPID key browsers subscribe with; null when push is not set up on this server. */
export async function pushPublicKey(db: Kysely<DB>): Promise<string | null> {
	return (await vapidKeysFor(db, config(), demoActive()))?.publicKey ?? null;
}

/**
 * The signed-in user's own mail in the demo's in-app mailbox, as it would have arrived, and how
 * this server sends mail ('postvak' in the demo without SMTP).
 */
export async function ownMailbox(db: Kysely<DB>, user: SessionUser) {
	const rows = await mailboxOf(db, user.id);
	const origin = publicOrigin();
	const mails = rows.map((r) => {
		const rendered = renderMail({ category: r.category as NotificationPreference['category'], subject: r.subject, text: r.bodyText, html: r.bodyHtml, url: r.url, actions: r.actions as { title: string; url: string }[] }, origin);
		return { id: r.id, category: r.category, subject: r.subject, text: rendered.text, url: r.url, sentAt: r.sentAt!.toISOString() };
	});
	return { mode: deliveryState().mail, mails };
}

function requireOutbox(user: SessionUser): void {
	if (!can(user, 'outbox.manage')) throw forbidden('Alleen de regionale beheerder volgt de uitgaande berichten.');
}

export async function outboxFor(db: Kysely<DB>, user: SessionUser, options: { status?: OutboxStatus | 'open' } = {}) {
	requireOutbox(user);
	const statuses: OutboxStatus[] = !options.status || options.status === 'open' ? ['wachtend', 'mislukt'] : [options.status];
	const [rows, counts] = await Promise.all([outboxOverview(db, { statuses, limit: 200 }), outboxCounts(db)]);
	return { rows, counts, delivery: deliveryState(), statuses: OUTBOX_STATUSES };
}

/** A failed or skipped message waits again, due now; audited. */
export async function retryOutboxMessage(db: Kysely<DB>, user: SessionUser, id: string, ctx: { ip: string | null }): Promise<void> {
	requireOutbox(user);
	if (!isUuid(id)) throw notFound('Dit bericht bestaat niet.');
	await transact(db, async (trx) => {
		if (!(await requeueRow(trx, id))) throw notFound('Dit bericht bestaat niet of wacht al op verzending.');
		await writeAudit(trx, { actorId: user.id, action: 'notification.retried', entityType: 'bericht', entityId: id, ip: ctx.ip });
	});
}
