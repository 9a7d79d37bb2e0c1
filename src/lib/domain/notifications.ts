// Which channels a message goes out on: an alert always on both (the person on duty must be
// reached), the other categories as the recipient chose, e-mail and push both on until they choose.
import type { NotificationCategory, NotificationChannel, NotificationPreference } from '../contracts/notifications.ts';
import { CHOOSABLE_CATEGORIES } from '../contracts/notifications.ts';

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
