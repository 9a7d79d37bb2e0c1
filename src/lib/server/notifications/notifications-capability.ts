// Notifications (e-mail and web push): no realtime topics of their own, the push subscription,
// preferences and outbox API.
import type { Capability } from '../capability/capability.ts';
import { notificationsPaths, notificationsSchemas } from './notifications-openapi.ts';

export const notificationsCapability: Capability = {
	name: 'notifications',
	topics: [],
	api: { paths: notificationsPaths, schemas: notificationsSchemas }
};
