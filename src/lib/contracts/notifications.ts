// Notifications as they cross the wire: the categories a user chooses channels for, the push
// subscription a browser registers, the push payload the service worker shows, and the choices
// form. Framework-free (zod only): the server, the pages and the service worker import it.
import { z } from 'zod';

export const NOTIFICATION_CATEGORIES = ['alert', 'advice_requested', 'advice_answered', 'deadline_near', 'task_assigned'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** The categories a user chooses for; an alert always goes out by e-mail and push. */
export const CHOOSABLE_CATEGORIES = ['advice_requested', 'advice_answered', 'deadline_near', 'task_assigned'] as const;
export type ChoosableCategory = (typeof CHOOSABLE_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<NotificationCategory, string> = {
	alert: 'Alarmering',
	advice_requested: 'Adviesaanvraag voor mij',
	advice_answered: 'Advies uitgebracht op mijn aanvraag',
	deadline_near: 'Termijn van een adviesaanvraag loopt af',
	task_assigned: 'Taak aan mij toegewezen'
};

export const CHANNELS = ['email', 'push'] as const;
export type NotificationChannel = (typeof CHANNELS)[number];

export const OUTBOX_STATUSES = ['wachtend', 'verzonden', 'mislukt', 'overgeslagen'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface NotificationPreference {
	category: ChoosableCategory;
	email: boolean;
	push: boolean;
}

/** A browser's push subscription as `PushSubscription.toJSON()` gives it. */
export const pushSubscriptionInput = z.object({
	endpoint: z.string({ error: 'Het adres van het pushabonnement ontbreekt.' }).trim().min(1, { error: 'Het adres van het pushabonnement ontbreekt.' }).max(2000, { error: 'Het adres van het pushabonnement is te lang.' }),
	keys: z.object(
		{
			p256dh: z.string({ error: 'De sleutel p256dh ontbreekt.' }).regex(/^[A-Za-z0-9_-]{80,100}={0,2}$/, { error: 'De sleutel p256dh is geen geldige publieke sleutel (base64url).' }),
			auth: z.string({ error: 'De sleutel auth ontbreekt.' }).regex(/^[A-Za-z0-9_-]{16,24}={0,2}$/, { error: 'De sleutel auth is geen geldig geheim (base64url).' })
		},
		{ error: 'De sleutels (p256dh en auth) van het pushabonnement ontbreken.' }
	),
	expirationTime: z.number().nullable().optional()
});
export type PushSubscriptionInput = z.output<typeof pushSubscriptionInput>;

export const pushUnsubscribeInput = z.object({
	endpoint: z.string({ error: 'Het adres van het pushabonnement ontbreekt.' }).trim().min(1, { error: 'Het adres van het pushabonnement ontbreekt.' }).max(2000, { error: 'Het adres van het pushabonnement is te lang.' })
});

/** What a push message carries; the service worker turns it into a notification. */
export const pushPayload = z.object({
	title: z.string().max(300),
	body: z.string().max(1000),
	/** Absolute address the notification opens. */
	url: z.string(),
	category: z.enum(NOTIFICATION_CATEGORIES),
	/** The outbox message id: the same message never shows twice. */
	tag: z.string(),
	actions: z.array(z.object({ action: z.string(), title: z.string(), url: z.string() })).max(4).default([])
});
export type PushPayload = z.output<typeof pushPayload>;
