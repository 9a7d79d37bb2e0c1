// Sending e-mail: over SMTP with Nodemailer (a pooled connection, so a burst of alerts does not
// open a connection per message), or, in demo mode without SMTP, into the in-app mailbox
// (/mijn-account/post), where the row itself is the delivered mail. Framework-free.
import nodemailer from 'nodemailer';

export interface MailMessage {
	to: string;
	toName: string;
	subject: string;
	text: string;
	html: string;
	/** The outbox row's id: the same Message-ID on a retry, so a server that got it twice can tell. */
	id: string;
}

export interface MailSender {
	/** 'smtp', or 'postvak' for the demo's in-app mailbox. */
	readonly transport: 'smtp' | 'postvak';
	send(message: MailMessage): Promise<void>;
	close(): void;
}

export interface SmtpSettings {
	url: string;
	from: string;
	/** Refuse to send unless the server upgrades the connection with STARTTLS. */
	requireTls: boolean;
	/** Accept a server certificate that does not verify (an internal relay with its own certificate). */
	allowInvalidCertificate: boolean;
}

/** The transport options of a `smtp://` or `smtps://` address with optional user and password. */
export function smtpOptions(settings: SmtpSettings) {
	const url = new URL(settings.url);
	const secure = url.protocol === 'smtps:';
	return {
		pool: true as const,
		maxConnections: 5,
		host: url.hostname.replace(/^\[|\]$/g, ''),
		port: url.port ? Number(url.port) : secure ? 465 : 587,
		secure,
		requireTLS: settings.requireTls,
		auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
		tls: { rejectUnauthorized: !settings.allowInvalidCertificate },
		// A server that hangs fails the attempt (and the outbox retries) instead of holding the worker.
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 20_000
	};
}

export function smtpSender(settings: SmtpSettings): MailSender {
	const transporter = nodemailer.createTransport(smtpOptions(settings), { from: settings.from });
	const domain = /@([^>\s]+)>?$/.exec(settings.from)?.[1] ?? 'paraat.invalid';
	return {
		transport: 'smtp',
		async send(message) {
			await transporter.sendMail({
				to: { name: message.toName, address: message.to },
				subject: message.subject,
				text: message.text,
				html: message.html,
				messageId: `<${message.id}@${domain}>`,
				headers: { 'Auto-Submitted': 'auto-generated' }
			});
		},
		close: () => transporter.close()
	};
}

/** The demo's mailbox: nothing leaves the machine; the row marked sent is the mail. */
export const mailboxSender: MailSender = {
	transport: 'postvak',
	async send() {},
	close() {}
};

/**
 * Whether a failed attempt is worth repeating: a temporary SMTP answer (4xx), a connection or
 * timeout error, a refused login (the operator may fix it). A permanent 5xx answer about the
 * message or recipient (550 no such mailbox) will not change.
 */
export function mailErrorIsPermanent(err: unknown): boolean {
	const e = err as { responseCode?: unknown; code?: unknown };
	return typeof e.responseCode === 'number' && e.responseCode >= 500 && e.code !== 'EAUTH';
}
