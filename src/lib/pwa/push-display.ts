// What the service worker does with a push message from Paraat: show it as a notification
// (title, body, the alert's action buttons "Ik kom" / "Ik kan niet") and, on a click, open what
// it is about or the chosen action's link, in a Paraat window that is already open when there is
// one. Framework-free and without service-worker globals: the worker passes its scope
// (src/service-worker/push-messages.ts calls `registerPushHandlers(self)`), typed here by the few
// members it uses, so this module is tested in Node with a minimal fake.
import { pushPayload, type PushPayload } from '../contracts/notifications.ts';

/** The part of NotificationOptions a service worker's showNotification takes (with actions). */
export interface PushNotificationOptions {
	body: string;
	tag: string;
	lang: 'nl';
	icon: string;
	badge: string;
	/** An alert stays until it is answered; a reminder may go by itself. */
	requireInteraction: boolean;
	renotify: boolean;
	actions: { action: string; title: string }[];
	data: { url: string; actions: Record<string, string> };
}

export interface PushNotification {
	title: string;
	options: PushNotificationOptions;
}

const FALLBACK_URL = '/';

/** The notification for a push message's text; a message we cannot read still says something. */
export function notificationFor(text: string | null): PushNotification {
	let parsed: PushPayload | null = null;
	try {
		const result = pushPayload.safeParse(text ? JSON.parse(text) : null);
		if (result.success) parsed = result.data;
	} catch {
		parsed = null;
	}
	if (!parsed) {
		return {
			title: 'Paraat',
			options: { body: 'Er is een nieuw bericht voor je in Paraat.', tag: 'paraat', lang: 'nl', icon: '/favicon.svg', badge: '/favicon.svg', requireInteraction: false, renotify: false, actions: [], data: { url: FALLBACK_URL, actions: {} } }
		};
	}
	const alert = parsed.category === 'alert';
	return {
		title: parsed.title,
		options: {
			body: parsed.body,
			tag: parsed.tag,
			lang: 'nl',
			icon: '/favicon.svg',
			badge: '/favicon.svg',
			requireInteraction: alert,
			renotify: alert,
			actions: parsed.actions.map((a) => ({ action: a.action, title: a.title })),
			data: { url: parsed.url, actions: Object.fromEntries(parsed.actions.map((a) => [a.action, a.url])) }
		}
	};
}

export interface NotificationTarget {
	showNotification(title: string, options: PushNotificationOptions): Promise<void>;
}

/** For the `push` event: `event.waitUntil(showPush(self.registration, event.data?.text() ?? null))`. */
export function showPush(registration: NotificationTarget, text: string | null): Promise<void> {
	const { title, options } = notificationFor(text);
	return registration.showNotification(title, options);
}

/**
 * Where a click goes: the chosen action's link, else the message's own. Only addresses of this
 * origin are opened (a message that says otherwise opens Paraat's start page).
 */
export function clickTarget(data: unknown, action: string, origin: string): string {
	const d = (data ?? {}) as Partial<PushNotificationOptions['data']>;
	const wanted = (action && d.actions?.[action]) || d.url || FALLBACK_URL;
	try {
		const url = new URL(wanted, origin);
		return url.origin === origin ? url.toString() : new URL(FALLBACK_URL, origin).toString();
	} catch {
		return new URL(FALLBACK_URL, origin).toString();
	}
}

export interface ClickedNotification {
	action: string;
	notification: { data: unknown; close(): void };
}

export interface WindowClient {
	url: string;
	focus(): Promise<unknown>;
	navigate(url: string): Promise<unknown>;
}

export interface ClientList {
	matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WindowClient[]>;
	openWindow(url: string): Promise<unknown>;
}

/** For the `notificationclick` event: closes it and opens the target, reusing an open Paraat window. */
export async function openFromNotification(event: ClickedNotification, clients: ClientList, origin: string): Promise<void> {
	event.notification.close();
	const target = clickTarget(event.notification.data, event.action, origin);
	const open = await clients.matchAll({ type: 'window', includeUncontrolled: true });
	const same = open.find((c) => c.url === target) ?? open.find((c) => new URL(c.url).origin === origin);
	if (same) {
		await same.focus();
		if (same.url !== target) await same.navigate(target);
		return;
	}
	await clients.openWindow(target);
}

/** What a `push` event offers the handler (a PushEvent has these). */
export interface PushEventLike {
	data: { text(): string } | null;
	waitUntil(promise: Promise<unknown>): void;
}

/** What a `notificationclick` event offers the handler (a NotificationEvent has these). */
export interface NotificationClickLike extends ClickedNotification {
	waitUntil(promise: Promise<unknown>): void;
}

/** The part of ServiceWorkerGlobalScope the push handlers use. */
export interface PushWorkerScope {
	registration: NotificationTarget;
	clients: ClientList;
	location: { origin: string };
	addEventListener(type: 'push', listener: (event: PushEventLike) => void): void;
	addEventListener(type: 'notificationclick', listener: (event: NotificationClickLike) => void): void;
}

/** The service worker's push feature: a push shows a notification, a click opens its link. */
export function registerPushHandlers(scope: PushWorkerScope): void {
	scope.addEventListener('push', (event) => event.waitUntil(showPush(scope.registration, event.data?.text() ?? null)));
	scope.addEventListener('notificationclick', (event) => event.waitUntil(openFromNotification(event, scope.clients, scope.location.origin)));
}
