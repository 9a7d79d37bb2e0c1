// Sends what waits in the notification outbox. Framework-free (relative .ts imports), so the
// production entry and the Vite dev plugin both start it, like the inject scheduler. Ticks every
// second.
// All state is in the database: after a restart the next tick sends whatever waits. Every node may
// run a worker: rows are claimed with FOR UPDATE SKIP LOCKED in a transaction that holds them while
// they are sent and marked, so two nodes never send the same row. A failed attempt is tried again
// after a growing pause (30 s, 1, 2, 4 … minutes) until MAX_ATTEMPTS, then it is `mislukt` with its
// reason, for the beheerder to retry. Delivery is at least once: a node that dies between sending
// and committing sends that row again (the Message-ID and the push tag stay the same).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { transact } from '../db/transaction.ts';
import { retryDelayMs } from '../../domain/notifications.ts';
import type { NotificationChannel, PushPayload } from '../../contracts/notifications.ts';
import { claimDueRows, markAttemptFailed, markSent, markSkipped, type ClaimedRow } from './outbox-queries.ts';
import { deleteSubscription, subscriptionsOf } from './push-subscription-queries.ts';
import { absoluteUrl, renderMail } from './mail-layout.ts';
import { mailErrorIsPermanent } from './mail-sender.ts';
import type { Delivery } from './delivery-setup.ts';
import { startPeriodicTask, type Log, type PeriodicTask } from '../scheduling/periodic-task.ts';
import { drainDue } from '../scheduling/drain-due.ts';

export const MAX_ATTEMPTS = 8;
// An alert should not wait long for the next tick; a tick that finds nothing is one index probe.
const DEFAULT_INTERVAL_MS = 1_000;
const BATCH = 50;
/** Sent side by side within a batch; between groups the event loop serves the node's requests. */
const PARALLEL = 25;
/** At most this many batches per tick, so one tick never runs unbounded. */
const MAX_BATCHES_PER_TICK = 40;

export interface WorkerOptions {
	intervalMs?: number;
	log?: Log;
	/** First pause before a retry (doubles per attempt); tests make it short. */
	retryBaseMs?: number;
	maxAttempts?: number;
	/** Checks that queue notifications themselves (deadlines nearing), each run every `everyMs`. */
	periodic?: { name: string; everyMs: number; run: (db: Kysely<DB>) => Promise<number> }[];
}

interface Settings {
	retryBaseMs: number;
	maxAttempts: number;
}

/** `runOnce` resolves with the number of rows handled. */
export type NotificationWorker = PeriodicTask;

function failureText(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}

async function sendEmail(trx: Transaction<DB>, row: ClaimedRow, delivery: Delivery, s: Settings): Promise<void> {
	const mail = delivery.mail!;
	const rendered = renderMail({ category: row.category, subject: row.subject, text: row.bodyText, html: row.bodyHtml, url: row.url, actions: row.actions }, delivery.origin);
	try {
		await mail.send({ to: row.email, toName: row.name, id: row.id, ...rendered });
	} catch (err) {
		const giveUp = mailErrorIsPermanent(err) || row.attempts + 1 >= s.maxAttempts;
		await markAttemptFailed(trx, row.id, `E-mail: ${failureText(err)}`, giveUp ? null : retryDelayMs(row.attempts + 1, s.retryBaseMs));
		return;
	}
	await markSent(trx, row.id, mail.transport);
}

export function pushPayloadOf(row: Pick<ClaimedRow, 'messageId' | 'category' | 'subject' | 'bodyText' | 'url' | 'actions'>, origin: string): PushPayload {
	const body = row.bodyText.trim();
	return {
		title: row.subject,
		// A lock screen shows a few lines; the rest is one tap away.
		body: body.length > 300 ? `${body.slice(0, 299)}…` : body,
		url: absoluteUrl(row.url, origin),
		category: row.category,
		tag: row.messageId,
		actions: row.actions.slice(0, 2).map((a, i) => ({ action: `actie-${i + 1}`, title: a.title, url: absoluteUrl(a.url, origin) }))
	};
}

async function sendPush(trx: Transaction<DB>, row: ClaimedRow, delivery: Delivery, s: Settings): Promise<void> {
	const push = delivery.push!;
	const targets = (await subscriptionsOf(trx, row.userId)).filter((sub) => !row.deliveredTo.includes(sub.id));
	if (targets.length === 0) {
		if (row.deliveredTo.length > 0) await markSent(trx, row.id, 'webpush', row.deliveredTo);
		else await markSkipped(trx, row.id, 'Geen pushabonnement: de ontvanger heeft pushberichten op geen enkel apparaat aangezet.');
		return;
	}
	const payload = pushPayloadOf(row, delivery.origin);
	const outcomes = await Promise.all(targets.map((t) => push.send(t, payload)));
	const delivered = [...row.deliveredTo];
	const errors: string[] = [];
	let temporary = false;
	for (const [i, outcome] of outcomes.entries()) {
		const target = targets[i]!;
		if (outcome.kind === 'sent') delivered.push(target.id);
		// The browser dropped it: never try that subscription again.
		else if (outcome.kind === 'gone') await deleteSubscription(trx, target.id);
		else {
			errors.push(outcome.error);
			if (!outcome.permanent) temporary = true;
		}
	}
	if (temporary && row.attempts + 1 < s.maxAttempts) {
		await markAttemptFailed(trx, row.id, `Push: ${errors.join('; ')}`, retryDelayMs(row.attempts + 1, s.retryBaseMs), delivered);
	} else if (delivered.length > 0) {
		await markSent(trx, row.id, 'webpush', delivered);
	} else if (errors.length === 0) {
		await markSkipped(trx, row.id, 'Het pushabonnement is verlopen: de browser heeft het opgezegd.');
	} else {
		await markAttemptFailed(trx, row.id, `Push: ${errors.join('; ')}`, null, delivered);
	}
}

async function deliverRow(trx: Transaction<DB>, row: ClaimedRow, delivery: Delivery, s: Settings): Promise<void> {
	if (!row.active) {
		await markSkipped(trx, row.id, 'De ontvanger is geblokkeerd.');
		return;
	}
	if (row.channel === 'email') await sendEmail(trx, row, delivery, s);
	else await sendPush(trx, row, delivery, s);
}

/** The channels this node can deliver; rows of another channel wait (e-mail not configured). */
export function deliverableChannels(delivery: Delivery): NotificationChannel[] {
	return [...(delivery.mail ? (['email'] as const) : []), ...(delivery.push ? (['push'] as const) : [])];
}

/** Claims and sends one batch; resolves with the number of rows handled (0: nothing due). */
export async function deliverBatch(db: Kysely<DB>, delivery: Delivery, options: Partial<Settings> & { batch?: number } = {}): Promise<number> {
	const s: Settings = { retryBaseMs: options.retryBaseMs ?? 30_000, maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS };
	const channels = deliverableChannels(delivery);
	return transact(db, async (trx) => {
		const rows = await claimDueRows(trx, channels, options.batch ?? BATCH);
		// Sent side by side in small groups (an SMTP pool, one request per push service) and marked
		// in the same transaction. Encrypting pushes and composing mails costs CPU on the node that
		// also serves the boards: a burst yields between groups, so a board request never waits for
		// a whole batch.
		for (let i = 0; i < rows.length; i += PARALLEL) {
			await Promise.all(rows.slice(i, i + PARALLEL).map((row) => deliverRow(trx, row, delivery, s)));
			await new Promise<void>((resolve) => setImmediate(resolve));
		}
		return rows.length;
	});
}

/** Sends everything that is due now; returns how many rows were handled. */
export function deliverDueNotifications(db: Kysely<DB>, delivery: Delivery, options: Partial<Settings> & { log?: Log } = {}): Promise<number> {
	return drainDue({
		max: MAX_BATCHES_PER_TICK,
		next: async () => {
			const rows = await deliverBatch(db, delivery, options);
			return rows === 0 ? 'none' : rows;
		},
		// These rows stay waiting; the next tick tries again.
		failure: 'berichten versturen mislukt',
		log: options.log
	});
}

export function startNotificationWorker(db: Kysely<DB>, delivery: Delivery, options: WorkerOptions = {}): NotificationWorker {
	const log = options.log ?? (() => {});
	const settings = { retryBaseMs: options.retryBaseMs ?? 30_000, maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS, log };
	const lastRun = new Map<string, number>();
	const periodic = async () => {
		for (const check of options.periodic ?? []) {
			if (Date.now() - (lastRun.get(check.name) ?? -Infinity) < check.everyMs) continue;
			lastRun.set(check.name, Date.now());
			try {
				const queued = await check.run(db);
				if (queued > 0) log('info', `${check.name}: meldingen klaargezet`, { count: queued });
			} catch (err) {
				log('error', `${check.name} mislukt`, { err: failureText(err) });
			}
		}
	};

	// Its first tick sends what waited while no worker ran (a restart).
	const task = startPeriodicTask({
		name: 'berichtenverzending',
		intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
		log,
		tick: async () => {
			await periodic();
			return deliverDueNotifications(db, delivery, settings);
		},
		handled: 'berichten verwerkt'
	});

	return {
		runOnce: task.runOnce,
		async stop() {
			await task.stop();
			delivery.mail?.close();
		}
	};
}
