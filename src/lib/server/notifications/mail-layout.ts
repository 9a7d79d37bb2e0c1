// The shared layout of every Paraat e-mail, in plain text and HTML: the message's own part, a
// button to what it is about, the action buttons (an alert's "Ik kom" / "Ik kan niet"), and a
// footer saying why the recipient gets it and where to choose. Inline styles only: mail clients
// ignore style sheets. Framework-free and pure.
import { CATEGORY_LABELS, type NotificationCategory } from '../../contracts/notifications.ts';

export interface MailContent {
	category: NotificationCategory;
	subject: string;
	text: string;
	html: string;
	url: string;
	actions: { title: string; url: string }[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Plain text as HTML paragraphs (escaped; a blank line starts a new paragraph). */
export function htmlFromText(text: string): string {
	return text
		.split(/\n{2,}/)
		.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
		.join('\n');
}

/** A path in Paraat made absolute with the public origin; an absolute address stays as it is. */
export function absoluteUrl(url: string, origin: string): string {
	return url.startsWith('/') ? new URL(url, origin).toString() : url;
}

const OPEN_LABEL: Record<NotificationCategory, string> = {
	alert: 'Bekijk de alarmering',
	advice_requested: 'Open de adviesaanvraag',
	advice_answered: 'Bekijk het advies',
	deadline_near: 'Open de adviesaanvraag',
	task_assigned: 'Open de taak'
};

function footerText(category: NotificationCategory, origin: string): string {
	const why = category === 'alert' ? 'Alarmeringen krijg je altijd, per e-mail en als pushbericht.' : `Je krijgt dit bericht omdat je meldingen over "${CATEGORY_LABELS[category].toLowerCase()}" per e-mail hebt aanstaan.`;
	return `${why} Kiezen wat je krijgt: ${absoluteUrl('/mijn-account/meldingen', origin)}`;
}

export function renderMail(content: MailContent, origin: string): { subject: string; text: string; html: string } {
	const open = absoluteUrl(content.url, origin);
	const actions = content.actions.map((a) => ({ title: a.title, url: absoluteUrl(a.url, origin) }));
	const text = [
		content.text.trim(),
		'',
		...actions.map((a) => `${a.title}: ${a.url}`),
		`${OPEN_LABEL[content.category]}: ${open}`,
		'',
		'-- ',
		'Paraat, Veiligheidsregio Kennemerland',
		footerText(content.category, origin)
	].join('\n');
	const button = (title: string, url: string, primary: boolean) =>
		`<a href="${escapeHtml(url)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;border-radius:4px;text-decoration:none;font-weight:bold;${primary ? 'background:#154273;color:#ffffff' : 'background:#ffffff;color:#154273;border:2px solid #154273'}">${escapeHtml(title)}</a>`;
	const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f3f3;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;font-size:16px;line-height:1.5">
<div style="max-width:600px;margin:0 auto;background:#ffffff">
<div style="background:#154273;color:#ffffff;padding:12px 24px;font-weight:bold;font-size:18px">Paraat</div>
<div style="padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.subject)}</h1>
${content.html}
<p style="margin:16px 0 0">${actions.map((a, i) => button(a.title, a.url, i === 0)).join('')}${button(OPEN_LABEL[content.category], open, actions.length === 0)}</p>
</div>
<div style="padding:16px 24px;border-top:1px solid #dddddd;color:#555555;font-size:13px">Paraat, Veiligheidsregio Kennemerland<br>${escapeHtml(footerText(content.category, origin))}</div>
</div>
</body>
</html>`;
	return { subject: content.subject, text, html };
}
