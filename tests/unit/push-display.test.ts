// The service worker's push display, as a plain module: a payload becomes a Dutch notification
// with the alert's action buttons; a click opens the chosen action or the message, in an open
// Paraat window when there is one, and never another site.
import { describe, expect, it } from 'vitest';
import { clickTarget, notificationFor, openFromNotification, showPush, type PushNotificationOptions, type WindowClient } from '../../src/lib/pwa/push-display.ts';

const ORIGIN = 'https://paraat.vrk.nl';
const alert = {
	title: 'Alarmering: OvD Bevolkingszorg',
	body: 'Kom naar het gemeentehuis.',
	url: `${ORIGIN}/crisis/1`,
	category: 'alert',
	tag: 'bericht-1',
	actions: [
		{ action: 'actie-1', title: 'Ik kom', url: `${ORIGIN}/alarm/a?antwoord=komt` },
		{ action: 'actie-2', title: 'Ik kan niet', url: `${ORIGIN}/alarm/a?antwoord=komt_niet` }
	]
};

describe('notificationFor', () => {
	it('shows an alert with its buttons, kept until answered', () => {
		const { title, options } = notificationFor(JSON.stringify(alert));
		expect(title).toBe('Alarmering: OvD Bevolkingszorg');
		expect(options).toMatchObject({
			body: 'Kom naar het gemeentehuis.',
			tag: 'bericht-1',
			lang: 'nl',
			requireInteraction: true,
			renotify: true,
			actions: [
				{ action: 'actie-1', title: 'Ik kom' },
				{ action: 'actie-2', title: 'Ik kan niet' }
			],
			data: { url: `${ORIGIN}/crisis/1`, actions: { 'actie-1': `${ORIGIN}/alarm/a?antwoord=komt`, 'actie-2': `${ORIGIN}/alarm/a?antwoord=komt_niet` } }
		});
	});

	it('lets a reminder go by itself', () => {
		const { options } = notificationFor(JSON.stringify({ ...alert, category: 'deadline_near', actions: [] }));
		expect(options.requireInteraction).toBe(false);
		expect(options.actions).toEqual([]);
	});

	it('still says something for a message it cannot read', () => {
		for (const text of [null, '', 'geen json', JSON.stringify({ title: 'x' })]) {
			const n = notificationFor(text);
			expect(n.title).toBe('Paraat');
			expect(n.options.body).toBe('Er is een nieuw bericht voor je in Paraat.');
			expect(n.options.data.url).toBe('/');
		}
	});

	it('showPush hands it to the registration', async () => {
		const shown: [string, PushNotificationOptions][] = [];
		await showPush({ showNotification: async (title, options) => void shown.push([title, options]) }, JSON.stringify(alert));
		expect(shown[0]![0]).toBe(alert.title);
	});
});

describe('a click', () => {
	const data = notificationFor(JSON.stringify(alert)).options.data;

	it('goes to the chosen action, or to the message', () => {
		expect(clickTarget(data, 'actie-2', ORIGIN)).toBe(`${ORIGIN}/alarm/a?antwoord=komt_niet`);
		expect(clickTarget(data, '', ORIGIN)).toBe(`${ORIGIN}/crisis/1`);
		expect(clickTarget(data, 'onbekend', ORIGIN)).toBe(`${ORIGIN}/crisis/1`);
	});

	it('never opens another site', () => {
		expect(clickTarget({ url: 'https://kwaadaardig.example/x', actions: {} }, '', ORIGIN)).toBe(`${ORIGIN}/`);
		expect(clickTarget({ url: 'javascript:alert(1)', actions: {} }, '', ORIGIN)).toBe(`${ORIGIN}/`);
		expect(clickTarget(undefined, '', ORIGIN)).toBe(`${ORIGIN}/`);
	});

	function windows(urls: string[]) {
		const log: string[] = [];
		const clients = urls.map(
			(url): WindowClient => ({
				url,
				focus: async () => void log.push(`focus ${url}`),
				navigate: async (to) => void log.push(`navigate ${url} -> ${to}`)
			})
		);
		return { log, list: { matchAll: async () => clients, openWindow: async (url: string) => void log.push(`open ${url}`) } };
	}

	it('reuses an open Paraat window, or opens one', async () => {
		let closed = 0;
		const event = { action: 'actie-1', notification: { data, close: () => void closed++ } };
		const open = windows([`https://andere.example/`, `${ORIGIN}/kalender`]);
		await openFromNotification(event, open.list, ORIGIN);
		expect(open.log).toEqual([`focus ${ORIGIN}/kalender`, `navigate ${ORIGIN}/kalender -> ${ORIGIN}/alarm/a?antwoord=komt`]);
		const none = windows([]);
		await openFromNotification(event, none.list, ORIGIN);
		expect(none.log).toEqual([`open ${ORIGIN}/alarm/a?antwoord=komt`]);
		expect(closed).toBe(2);
	});
});
