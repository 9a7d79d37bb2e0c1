// The alert as a message to one person: subject, plain text and HTML in Dutch, with the one-tap
// link and its two answers. Pure, so the same words reach e-mail and push, and a test reads them.
// Text and HTML are the message's own part: the outbox's mail layout puts the header, the two
// answers (`actions`, as lines and buttons) and the footer around them, so they are not repeated here.
// Nothing confidential goes in: the incident's title, the function, the crisis team's message.
import { formatLocal } from '../events/event-time.ts';

/** One outgoing message, in the shape of the notification outbox's OutgoingNotification. */
export interface AlertNotification {
	userId: string;
	category: 'alert';
	subject: string;
	text: string;
	html: string;
	/** What the mail or push opens: the one-tap page. */
	url: string;
	actions: { title: string; url: string }[];
}

export interface AlertMessageInput {
	userId: string;
	recipientName: string;
	functionName: string;
	incidentTitle: string;
	exercise: boolean;
	gripLevel: number | null;
	message: string;
	senderName: string;
	sentAt: Date;
	/** The one-tap page, absolute (https://paraat.vrk.nl/alarm/<token>). */
	link: string;
	linkExpiresAt: Date;
	/** Set when this person gets the alert as backup of someone who did not answer. */
	backupFor: string | null;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

export function answerLink(link: string, answer: 'komt' | 'komt_niet'): string {
	return `${link}${link.includes('?') ? '&' : '?'}antwoord=${answer}`;
}

export function composeAlertMessage(m: AlertMessageInput): AlertNotification {
	const mark = m.exercise ? 'OEFENING — ' : '';
	const subject = `${mark}Alarmering ${m.functionName}: ${m.incidentTitle}`;
	const komt = answerLink(m.link, 'komt');
	const komtNiet = answerLink(m.link, 'komt_niet');
	const lines = [
		...(m.exercise ? ['OEFENING — dit is een alarmering in een oefening.', ''] : []),
		`${m.recipientName}, je wordt gealarmeerd als ${m.functionName}${m.backupFor ? ` (als backup van ${m.backupFor}, die niet antwoordde)` : ''}.`,
		'',
		`Incident: ${m.incidentTitle}${m.gripLevel !== null ? ` (GRIP ${m.gripLevel})` : ''}`,
		`Bericht van ${m.senderName} om ${formatLocal(m.sentAt)}:`,
		m.message,
		'',
		`De link werkt één keer, zonder inloggen, tot ${formatLocal(m.linkExpiresAt)}.`
	];
	const e = escapeHtml;
	const html = [
		...(m.exercise ? ['<p style="background:#ffd400;padding:4px 8px;font-weight:bold">OEFENING — dit is een alarmering in een oefening.</p>'] : []),
		`<p>${e(m.recipientName)}, je wordt gealarmeerd als <strong>${e(m.functionName)}</strong>${m.backupFor ? ` (als backup van ${e(m.backupFor)}, die niet antwoordde)` : ''}.</p>`,
		`<p>Incident: <strong>${e(m.incidentTitle)}</strong>${m.gripLevel !== null ? ` (GRIP ${m.gripLevel})` : ''}<br>Bericht van ${e(m.senderName)} om ${e(formatLocal(m.sentAt))}:</p>`,
		`<blockquote style="white-space:pre-wrap">${e(m.message)}</blockquote>`,
		`<p style="color:#555">De link werkt één keer, zonder inloggen, tot ${e(formatLocal(m.linkExpiresAt))}.</p>`
	].join('\n');
	return {
		userId: m.userId,
		category: 'alert',
		subject,
		text: lines.join('\n'),
		html,
		url: m.link,
		actions: [
			{ title: 'Ik kom', url: komt },
			{ title: 'Ik kan niet', url: komtNiet }
		]
	};
}
