// Push messages from Paraat's outbox (docs/notifications.md): a push shows a Dutch notification,
// an alert with its "Ik kom" / "Ik kan niet" buttons; a click opens the chosen answer's link or
// the message's, in an open Paraat window when there is one. What to show and where to go, and the
// two listeners themselves, are in $lib/pwa/push-display (no worker globals, unit-tested).
import { registerPushHandlers } from '$lib/pwa/push-display';
import type { ServiceWorkerFeature } from './scope';

export const pushMessages: ServiceWorkerFeature = {
	name: 'push-messages',
	register(scope) {
		registerPushHandlers(scope);
	}
};
