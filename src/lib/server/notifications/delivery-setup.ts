// How this node delivers notifications, from the configuration: e-mail over SMTP when
// PARAAT_SMTP_URL is set, else into the demo's in-app mailbox in demo mode, else not at all (the
// mails wait in the outbox and the beheerder page says so); push with the configured VAPID keys,
// else in demo and development with a key pair made once and kept in the database (the same on
// every node), else not at all. Framework-free.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { config, type Config } from '../config.ts';
import { mailboxSender, smtpSender, type MailSender } from './mail-sender.ts';
import { generateVapidKeys, webPushSender, type PushSender, type VapidKeys } from './push-sender.ts';
import { storedVapidKeys } from './push-subscription-queries.ts';

export interface Delivery {
	mail: MailSender | null;
	push: PushSender | null;
	/** The public address links in mails and pushes start with. */
	origin: string;
}

/** Whether this process runs the demo (set by the bootstrap; read late, it is not configuration). */
export function demoActive(): boolean {
	return process.env.PARAAT_DEMO_ACTIVE === '1';
}

export function publicOrigin(c: Config = config()): string {
	return c.ORIGIN ?? `http://localhost:${c.PORT}`;
}

export function defaultFrom(c: Config): string {
	const host = c.ORIGIN ? new URL(c.ORIGIN).hostname : 'localhost';
	return `Paraat <noreply@${host}>`;
}

/** The e-mail way of this node, or null when e-mail is not configured. */
export function mailSenderFor(c: Config, demo: boolean): MailSender | null {
	if (c.PARAAT_SMTP_URL) {
		return smtpSender({
			url: c.PARAAT_SMTP_URL,
			from: c.PARAAT_SMTP_FROM ?? defaultFrom(c),
			requireTls: c.PARAAT_SMTP_REQUIRE_TLS === '1',
			allowInvalidCertificate: c.PARAAT_SMTP_ALLOW_INVALID_CERT === '1'
		});
	}
	return demo ? mailboxSender : null;
}

/** The VAPID keys: configured, or (demo and development only) made once and kept in the database. */
export async function vapidKeysFor(db: Kysely<DB>, c: Config, demo: boolean): Promise<VapidKeys | null> {
	const subject = c.PARAAT_VAPID_SUBJECT ?? (c.ORIGIN?.startsWith('https:') ? c.ORIGIN : `mailto:${/<([^>]+)>/.exec(c.PARAAT_SMTP_FROM ?? defaultFrom(c))?.[1] ?? 'noreply@localhost'}`);
	if (c.PARAAT_VAPID_PUBLIC_KEY && c.PARAAT_VAPID_PRIVATE_KEY) return { publicKey: c.PARAAT_VAPID_PUBLIC_KEY, privateKey: c.PARAAT_VAPID_PRIVATE_KEY, subject };
	if (!demo && c.NODE_ENV === 'production') return null;
	return { ...(await storedVapidKeys(db, generateVapidKeys)), subject };
}

export async function deliveryFromConfig(db: Kysely<DB>, c: Config = config(), demo = demoActive()): Promise<Delivery> {
	const keys = await vapidKeysFor(db, c, demo);
	return { mail: mailSenderFor(c, demo), push: keys ? webPushSender(keys) : null, origin: publicOrigin(c) };
}

/** What the beheerder page and the start-up log say about delivery on this node. */
export function deliveryState(c: Config = config(), demo = demoActive()): { mail: 'smtp' | 'postvak' | 'uit'; push: 'ingesteld' | 'eigen-sleutels' | 'uit' } {
	const mail = c.PARAAT_SMTP_URL ? 'smtp' : demo ? 'postvak' : 'uit';
	const push = c.PARAAT_VAPID_PUBLIC_KEY && c.PARAAT_VAPID_PRIVATE_KEY ? 'ingesteld' : demo || c.NODE_ENV !== 'production' ? 'eigen-sleutels' : 'uit';
	return { mail, push };
}
