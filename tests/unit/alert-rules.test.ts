// Alerting's pure parts: when an alert passes to the backup, the message each person gets, and the
// one-tap token.
import { describe, expect, it } from 'vitest';
import { escalationDecision, escalationMoment } from '../../src/lib/domain/alerting/escalation.ts';
import { composeAlertMessage, escapeHtml } from '../../src/lib/domain/alerting/message.ts';
import { statusAfterSeen } from '../../src/lib/domain/alerting/statuses.ts';
import { alertLink, alertTokenHash, newAlertToken } from '../../src/lib/server/alerting/alert-token.ts';
import { ConfigError, loadConfig } from '../../src/lib/server/config.ts';
import { renderMail } from '../../src/lib/server/notifications/mail-layout.ts';

const sent = new Date('2026-12-07T16:00:00Z');
const due = escalationMoment(sent, 5);

describe('escalation to the backup', () => {
	const base = { status: 'verzonden' as const, backupUserId: 'backup', escalateAt: due, escalatedAt: null };
	it('waits for the minutes, then escalates', () => {
		expect(due).toEqual(new Date('2026-12-07T16:05:00Z'));
		expect(escalationDecision(base, new Date('2026-12-07T16:04:59Z'))).toBe('wait');
		expect(escalationDecision(base, due)).toBe('escalate');
		expect(escalationDecision({ ...base, status: 'ontvangen' }, new Date('2026-12-07T16:10:00Z'))).toBe('escalate');
	});
	it('escalates "Ik kan niet" at once', () => {
		expect(escalationDecision({ ...base, status: 'komt_niet' }, sent)).toBe('escalate');
	});
	it('never escalates an "Ik kom", a recipient without backup, or one escalated before', () => {
		const late = new Date('2026-12-07T17:00:00Z');
		expect(escalationDecision({ ...base, status: 'komt' }, late)).toBe('never');
		expect(escalationDecision({ ...base, backupUserId: null }, late)).toBe('never');
		expect(escalationDecision({ ...base, escalatedAt: due }, late)).toBe('never');
		expect(escalationDecision({ ...base, status: 'geescaleerd' }, late)).toBe('never');
		expect(escalationDecision({ ...base, escalateAt: null }, late)).toBe('never');
	});
	it('marks a first visit as seen, and nothing else', () => {
		expect(statusAfterSeen('verzonden')).toBe('ontvangen');
		expect(statusAfterSeen('komt')).toBe('komt');
	});
});

describe('the alert message', () => {
	const input = {
		userId: 'u1',
		recipientName: 'Anna de Vries',
		functionName: 'OvD Bevolkingszorg',
		incidentTitle: 'Duinbrand <Kennemerduinen>',
		exercise: false,
		gripLevel: 2,
		message: 'Kom naar het CoPI bij "Parnassia" & meld je bij de ingang.',
		senderName: 'Crisisteam Haarlem',
		sentAt: sent,
		link: 'https://paraat.vrk.nl/alarm?code=abc',
		linkExpiresAt: new Date('2026-12-08T04:00:00Z'),
		backupFor: null
	};

	it('is Dutch, names the function and incident, and carries the two one-tap links', () => {
		const m = composeAlertMessage(input);
		expect(m.category).toBe('alert');
		expect(m.userId).toBe('u1');
		expect(m.subject).toBe('Alarmering OvD Bevolkingszorg: Duinbrand <Kennemerduinen>');
		expect(m.url).toBe('https://paraat.vrk.nl/alarm?code=abc');
		expect(m.actions).toEqual([
			{ title: 'Ik kom', url: 'https://paraat.vrk.nl/alarm?code=abc&antwoord=komt' },
			{ title: 'Ik kan niet', url: 'https://paraat.vrk.nl/alarm?code=abc&antwoord=komt_niet' }
		]);
		expect(m.text).toContain('Anna de Vries, je wordt gealarmeerd als OvD Bevolkingszorg.');
		expect(m.text).toContain('(GRIP 2)');
		expect(m.text).toContain('Bericht van Crisisteam Haarlem om ma 07-12-2026 17:00:');
		expect(m.text).toContain('tot di 08-12-2026 05:00');
		expect(m.text).not.toContain('OEFENING');
	});

	it('escapes the message and title in HTML', () => {
		const m = composeAlertMessage(input);
		expect(m.html).toContain('Duinbrand &lt;Kennemerduinen&gt;');
		expect(m.html).toContain('bij &quot;Parnassia&quot; &amp; meld');
		expect(m.html).not.toContain('<Kennemerduinen>');
		expect(escapeHtml(`<a href='x'>`)).toBe('&lt;a href=&#39;x&#39;&gt;');
	});

	it('is the message’s own part: in the outbox’s mail layout each answer is there once, as a line and as a button', () => {
		const mail = renderMail(composeAlertMessage(input), 'https://paraat.vrk.nl');
		const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
		expect(count(mail.text, 'Ik kom: https://paraat.vrk.nl/alarm?code=abc&antwoord=komt\n')).toBe(1);
		expect(count(mail.text, 'Ik kan niet: https://paraat.vrk.nl/alarm?code=abc&antwoord=komt_niet\n')).toBe(1);
		expect(count(mail.html, 'href="https://paraat.vrk.nl/alarm?code=abc&amp;antwoord=komt"')).toBe(1);
		expect(count(mail.html, '>Ik kan niet</a>')).toBe(1);
		expect(count(mail.html.toLowerCase(), '<!doctype')).toBe(1);
		expect(count(mail.html, '<body')).toBe(1);
	});

	it('marks an exercise alert OEFENING in subject, text and HTML', () => {
		const m = composeAlertMessage({ ...input, exercise: true });
		expect(m.subject.startsWith('OEFENING — ')).toBe(true);
		expect(m.text.startsWith('OEFENING')).toBe(true);
		expect(m.html).toContain('OEFENING — dit is een alarmering in een oefening.');
	});

	it('tells a backup whose alert they get', () => {
		const m = composeAlertMessage({ ...input, recipientName: 'Bram Jansen', backupFor: 'Anna de Vries', gripLevel: null });
		expect(m.text).toContain('als backup van Anna de Vries, die niet antwoordde');
		expect(m.text).not.toContain('GRIP');
	});
});

describe('the one-tap token', () => {
	it('is 256 random bits in base32, different every time, stored only as its SHA-256', () => {
		const a = newAlertToken();
		const b = newAlertToken();
		expect(a).toMatch(/^[a-z2-7]{52}$/);
		expect(a).not.toBe(b);
		expect(alertTokenHash(a)).toMatch(/^[0-9a-f]{64}$/);
		expect(alertTokenHash(a)).toBe(alertTokenHash(a));
		expect(alertTokenHash(a)).not.toBe(alertTokenHash(b));
		expect(alertTokenHash(a)).not.toContain(a);
	});
	it('refuses anything that cannot be a token without a lookup', () => {
		expect(alertTokenHash('')).toBeNull();
		expect(alertTokenHash('A'.repeat(52))).toBeNull();
		expect(alertTokenHash(`${newAlertToken()}x`)).toBeNull();
		expect(alertTokenHash("' or 1=1 --")).toBeNull();
	});
	it('travels in the query, never in the path the request log records', () => {
		expect(alertLink('https://paraat.vrk.nl/', 'abc')).toBe('https://paraat.vrk.nl/alarm?code=abc');
	});
});

describe('the settings', () => {
	it('default to 5 minutes before escalation and 12 hours of link validity, within Dutch-worded bounds', () => {
		const c = loadConfig({});
		expect([c.PARAAT_ALARM_ESCALATIE_MINUTEN, c.PARAAT_ALARM_LINK_UREN]).toEqual([5, 12]);
		expect(() => loadConfig({ PARAAT_ALARM_ESCALATIE_MINUTEN: '0' })).toThrow(/PARAAT_ALARM_ESCALATIE_MINUTEN moet minstens 1 zijn/);
		expect(() => loadConfig({ PARAAT_ALARM_LINK_UREN: 'morgen' })).toThrow(ConfigError);
	});
});
