// The regional event calendar: the `calendar` topic for every reader of the region, and its API.
import type { Capability } from '../capability/capability.ts';
import { allowTopic, forbiddenTopic } from '../realtime/topics.ts';
import { can } from '../auth/permissions.ts';
import { calendarPaths, calendarSchemas } from './calendar-openapi.ts';

export const calendarCapability: Capability = {
	name: 'calendar',
	topics: [{ kind: 'calendar', parameterless: true, authorise: async ({ user }) => (can(user, 'region.read') ? allowTopic : forbiddenTopic) }],
	api: { paths: calendarPaths, schemas: calendarSchemas }
};
