// Push messages from Paraat's outbox (docs/notifications.md): a push shows a Dutch notification,
// an alert with its "Ik kom" / "Ik kan niet" buttons; a click opens the chosen answer's link or
// the message's, in an open Paraat window when there is one. What to show and where to go is
// decided in $lib/pwa/push-display (no worker globals, unit-tested); this only connects the events.
import { openFromNotification, showPush } from '$lib/pwa/push-display';
import type { ServiceWorkerFeature } from './scope';

export const pushMessages: ServiceWorkerFeature = {
	name: 'push-messages',
	register(scope) {
		scope.addEventListener('push', (event) => event.waitUntil(showPush(scope.registration, event.data?.text() ?? null)));
		scope.addEventListener('notificationclick', (event) => event.waitUntil(openFromNotification(event, scope.clients, scope.location.origin)));
	}
};
