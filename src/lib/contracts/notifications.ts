// Notifications as they cross the wire: the categories a user chooses channels for, the push
// subscription a browser registers, the push payload the service worker shows, and the choices
// form. Framework-free (zod only): the server, the pages and the service worker import it.
import { z } from 'zod';

import { CHOOSABLE_CATEGORIES, NOTIFICATION_CATEGORIES } from '../domain/notifications.ts';

export {
	CATEGORY_LABELS,
	CHANNELS,
	CHOOSABLE_CATEGORIES,
	NOTIFICATION_CATEGORIES,
	OUTBOX_STATUSES,
	type ChoosableCategory,
	type NotificationCategory,
	type NotificationChannel,
	type NotificationPreference,
	type OutboxStatus
} from '../domain/notifications.ts';

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

/** `PUT /api/v1/notification-preferences`: the choices to change (others stay as they are). */
export const notificationPreferencesInput = z.object({
	preferences: z
		.array(
			z.object({
				category: z.enum(CHOOSABLE_CATEGORIES, { error: 'Kies een van: adviesaanvraag, advies uitgebracht, termijn, taak (alarmeringen komen altijd).' }),
				email: z.boolean({ error: 'Geef bij e-mail true of false.' }),
				push: z.boolean({ error: 'Geef bij push true of false.' })
			})
		)
		.max(CHOOSABLE_CATEGORIES.length)
		.refine((list) => new Set(list.map((p) => p.category)).size === list.length, { error: 'Noem elke soort melding hoogstens één keer.' })
});
