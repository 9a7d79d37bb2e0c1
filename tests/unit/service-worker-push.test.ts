// The service worker's push handlers (`registerPushHandlers`, which src/service-worker/push-messages.ts
// calls with `self`) registered on a minimal fake of ServiceWorkerGlobalScope: only what they
// touch (addEventListener, registration.showNotification, clients, location). Chromium headless
// cannot receive a push from our server without a browser push service, so this is where the
// worker's listeners are tested.
import { describe, expect, it } from 'vitest';
import { registerPushHandlers, type PushWorkerScope } from '../../src/lib/pwa/push-display.ts';

const ORIGIN = 'https://paraat.vrk.nl';

type Listener = (event: Record<string, unknown>) => void;

function fakeScope(openWindows: string[] = []) {
	const listeners = new Map<string, Listener>();
	const shown: { title: string; options: Record<string, unknown> }[] = [];
	const opened: string[] = [];
	const navigated: string[] = [];
	const scope = {
		location: { origin: ORIGIN },
		addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
		registration: {
			showNotification: async (title: string, options: Record<string, unknown>) => {
				shown.push({ title, options });
			}
		},
		clients: {
			matchAll: async () =>
				openWindows.map((url) => ({ url, focus: async () => undefined, navigate: async (to: string) => navigated.push(to) })),
			openWindow: async (url: string) => opened.push(url)
		}
	};
	registerPushHandlers(scope as unknown as PushWorkerScope);
	/** Dispatches an event the way the browser does and waits for what it handed to waitUntil. */
	async function dispatch(type: string, fields: Record<string, unknown>) {
		const waits: Promise<unknown>[] = [];
		const listener = listeners.get(type);
		expect(listener, `a ${type} listener`).toBeDefined();
		listener!({ ...fields, waitUntil: (p: Promise<unknown>) => waits.push(p) });
		expect(waits).toHaveLength(1);
		await Promise.all(waits);
	}
	return { dispatch, shown, opened, navigated };
}

const alertPush = JSON.stringify({
	title: 'Alarmering: OvD Bevolkingszorg',
	body: 'Kom naar het gemeentehuis.',
	url: `${ORIGIN}/alarm?code=abc`,
	category: 'alert',
	tag: 'bericht-1',
	actions: [
		{ action: 'actie-1', title: 'Ik kom', url: `${ORIGIN}/alarm?code=abc&antwoord=komt` },
		{ action: 'actie-2', title: 'Ik kan niet', url: `${ORIGIN}/alarm?code=abc&antwoord=komt_niet` }
	]
});

describe('the service worker’s push handlers', () => {
	it('shows a push as a notification with the alert’s two answers, kept until answered', async () => {
		const sw = fakeScope();
		await sw.dispatch('push', { data: { text: () => alertPush } });
		expect(sw.shown).toHaveLength(1);
		expect(sw.shown[0]!.title).toBe('Alarmering: OvD Bevolkingszorg');
		expect(sw.shown[0]!.options).toMatchObject({
			body: 'Kom naar het gemeentehuis.',
			requireInteraction: true,
			actions: [
				{ action: 'actie-1', title: 'Ik kom' },
				{ action: 'actie-2', title: 'Ik kan niet' }
			]
		});
	});

	it('shows a Dutch notification for a push without data', async () => {
		const sw = fakeScope();
		await sw.dispatch('push', { data: null });
		expect(sw.shown).toEqual([{ title: 'Paraat', options: expect.objectContaining({ body: 'Er is een nieuw bericht voor je in Paraat.' }) }]);
	});

	it('opens the chosen answer’s link on a click of "Ik kom", and the message’s link on the body', async () => {
		const sw = fakeScope();
		await sw.dispatch('push', { data: { text: () => alertPush } });
		const closed: string[] = [];
		const notification = (action: string) => ({ action, notification: { data: sw.shown[0]!.options.data, close: () => closed.push(action) } });
		await sw.dispatch('notificationclick', notification('actie-1'));
		await sw.dispatch('notificationclick', notification(''));
		expect(sw.opened).toEqual([`${ORIGIN}/alarm?code=abc&antwoord=komt`, `${ORIGIN}/alarm?code=abc`]);
		expect(closed).toEqual(['actie-1', '']);
	});

	it('uses an open Paraat window rather than opening another', async () => {
		const sw = fakeScope([`${ORIGIN}/crisis/1`]);
		await sw.dispatch('push', { data: { text: () => alertPush } });
		await sw.dispatch('notificationclick', { action: 'actie-2', notification: { data: sw.shown[0]!.options.data, close: () => undefined } });
		expect(sw.opened).toEqual([]);
		expect(sw.navigated).toEqual([`${ORIGIN}/alarm?code=abc&antwoord=komt_niet`]);
	});
});
