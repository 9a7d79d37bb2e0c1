// The small rules of notifications: which channels a message takes, the pause before a retry,
// the configuration of SMTP and VAPID (a wrong value stops the start with a Dutch sentence), how
// an SMTP address becomes transport options, which push endpoints are accepted, and the mail layout.
import { describe, expect, it } from 'vitest';
import { channelsFor, completePreferences, retryDelayMs } from '../../src/lib/domain/notifications.ts';
import { ConfigError, loadConfig } from '../../src/lib/server/config.ts';
import { smtpOptions } from '../../src/lib/server/notifications/mail-sender.ts';
import { pushEndpointProblem } from '../../src/lib/server/notifications/notification-service.ts';
import { absoluteUrl, htmlFromText, renderMail } from '../../src/lib/server/notifications/mail-layout.ts';
import { generateVapidKeys } from '../../src/lib/server/notifications/push-sender.ts';

describe('channels', () => {
	it('an alert always takes both; the rest follows the choice, both by default', () => {
		const off = [{ category: 'task_assigned' as const, email: false, push: false }];
		expect(channelsFor('alert', off)).toEqual(['email', 'push']);
		expect(channelsFor('task_assigned', off)).toEqual([]);
		expect(channelsFor('advice_requested', off)).toEqual(['email', 'push']);
		expect(channelsFor('deadline_near', [{ category: 'deadline_near', email: true, push: false }])).toEqual(['email']);
		expect(completePreferences(off).map((p) => p.category)).toEqual(['advice_requested', 'advice_answered', 'deadline_near', 'task_assigned']);
	});

	it('waits 30 s, then twice as long each time, at most an hour', () => {
		expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
		expect(retryDelayMs(20)).toBe(3_600_000);
	});
});

describe('configuration', () => {
	const keys = generateVapidKeys();
	const fails = (env: Record<string, string>) => {
		try {
			loadConfig(env);
		} catch (err) {
			return (err as ConfigError).problems.join(' ');
		}
		return null;
	};

	it('accepts smtp:// and smtps:// with a login, a sender and a key pair', () => {
		const c = loadConfig({ PARAAT_SMTP_URL: 'smtps://paraat%40vrk.nl:ge%23heim@smtp.vrk.nl:465', PARAAT_SMTP_FROM: 'Paraat <paraat@vrk.nl>', PARAAT_SMTP_REQUIRE_TLS: '1', PARAAT_VAPID_PUBLIC_KEY: keys.publicKey, PARAAT_VAPID_PRIVATE_KEY: keys.privateKey, PARAAT_VAPID_SUBJECT: 'mailto:beheer@vrk.nl' });
		expect(c.PARAAT_SMTP_URL).toBe('smtps://paraat%40vrk.nl:ge%23heim@smtp.vrk.nl:465');
	});

	it('refuses what would fail later, in Dutch', () => {
		expect(fails({ PARAAT_SMTP_URL: 'http://smtp.vrk.nl' })).toContain('PARAAT_SMTP_URL moet een SMTP-adres zijn');
		expect(fails({ PARAAT_SMTP_FROM: 'Paraat' })).toContain('PARAAT_SMTP_FROM moet een afzender zijn');
		expect(fails({ PARAAT_SMTP_FROM: 'Paraat <a@b.nl>\r\nBcc: x@y.nl' })).toContain('PARAAT_SMTP_FROM');
		expect(fails({ PARAAT_VAPID_PUBLIC_KEY: keys.publicKey })).toContain('allebei nodig');
		expect(fails({ PARAAT_VAPID_PUBLIC_KEY: 'kort', PARAAT_VAPID_PRIVATE_KEY: keys.privateKey })).toContain('PARAAT_VAPID_PUBLIC_KEY moet een VAPID-sleutel zijn');
		expect(fails({ PARAAT_VAPID_SUBJECT: 'http://vrk.nl' })).toContain('PARAAT_VAPID_SUBJECT');
		expect(fails({ PARAAT_SMTP_REQUIRE_TLS: 'ja' })).toContain('PARAAT_SMTP_REQUIRE_TLS moet 0 of 1 zijn.');
	});

	it('turns an SMTP address into Nodemailer options', () => {
		const base = { from: 'Paraat <paraat@vrk.nl>', requireTls: false, allowInvalidCertificate: false };
		expect(smtpOptions({ ...base, url: 'smtps://paraat%40vrk.nl:ge%23heim@smtp.vrk.nl' })).toMatchObject({ host: 'smtp.vrk.nl', port: 465, secure: true, auth: { user: 'paraat@vrk.nl', pass: 'ge#heim' }, tls: { rejectUnauthorized: true } });
		expect(smtpOptions({ ...base, url: 'smtp://relay.intern', requireTls: true, allowInvalidCertificate: true })).toMatchObject({ port: 587, secure: false, requireTLS: true, auth: undefined, tls: { rejectUnauthorized: false } });
		expect(smtpOptions({ ...base, url: 'smtp://127.0.0.1:2525' })).toMatchObject({ host: '127.0.0.1', port: 2525 });
	});
});

describe('push endpoints', () => {
	it('accepts a push service’s https address; http on localhost only under test', () => {
		expect(pushEndpointProblem('https://fcm.googleapis.com/fcm/send/x', 'production')).toBeNull();
		expect(pushEndpointProblem('https://web.push.apple.com/abc', 'production')).toBeNull();
		expect(pushEndpointProblem('http://localhost:6100/push/x', 'test')).toBeNull();
		expect(pushEndpointProblem('http://localhost:6100/push/x', 'production')).toContain('https://');
		for (const bad of ['https://localhost/x', 'https://192.168.1.1/x', 'https://[::1]/x', 'https://a:b@push.example.org/', 'niets']) expect(pushEndpointProblem(bad, 'production'), bad).not.toBeNull();
	});
});

describe('the mail layout', () => {
	it('makes paths absolute, escapes text, and says why the mail came', () => {
		expect(absoluteUrl('/advies/1', 'https://paraat.vrk.nl')).toBe('https://paraat.vrk.nl/advies/1');
		expect(absoluteUrl('https://elders.example/x', 'https://paraat.vrk.nl')).toBe('https://elders.example/x');
		expect(htmlFromText('a < b\n\nc & "d"')).toBe('<p style="margin:0 0 12px">a &lt; b</p>\n<p style="margin:0 0 12px">c &amp; &quot;d&quot;</p>');
		const mail = renderMail({ category: 'task_assigned', subject: 'Taak <1>', text: 'Tekst', html: htmlFromText('Tekst'), url: '/crisis/1', actions: [] }, 'https://paraat.vrk.nl');
		expect(mail.html).toContain('<title>Taak &lt;1&gt;</title>');
		expect(mail.html).toContain('href="https://paraat.vrk.nl/crisis/1"');
		expect(mail.text).toContain('Open de taak: https://paraat.vrk.nl/crisis/1');
		expect(mail.text).toContain('"taak aan mij toegewezen" per e-mail');
		expect(mail.text).toContain('https://paraat.vrk.nl/mijn-account/meldingen');
	});
});
