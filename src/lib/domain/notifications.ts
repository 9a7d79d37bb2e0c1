// Notifications: their categories and channels, and which channels a message goes out on: an
// alert always on both (the person on duty must be reached), the other categories as the
// recipient chose, e-mail and push both on until they choose.

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

export const DEFAULT_PREFERENCE = { email: true, push: true } as const;

export function channelsFor(category: NotificationCategory, preferences: readonly NotificationPreference[]): NotificationChannel[] {
	if (category === 'alert') return ['email', 'push'];
	const chosen = preferences.find((p) => p.category === category) ?? DEFAULT_PREFERENCE;
	return [...(chosen.email ? (['email'] as const) : []), ...(chosen.push ? (['push'] as const) : [])];
}

/** Every choosable category with the user's choice or the default. */
export function completePreferences(stored: readonly NotificationPreference[]): NotificationPreference[] {
	return CHOOSABLE_CATEGORIES.map((category) => stored.find((p) => p.category === category) ?? { category, ...DEFAULT_PREFERENCE });
}

/** How long to wait before attempt `attempts + 1`: 30 s, 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number, baseMs = 30_000, maxMs = 3_600_000): number {
	return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
