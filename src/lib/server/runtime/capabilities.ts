// The composition root: every capability Paraat has, registered with the realtime core (topics and
// their authorisation) and the HTTP layer (OpenAPI paths). Framework-free (relative `.ts`
// imports), because the socket.io attach in the production entry and in the Vite dev plugin needs
// it as much as SvelteKit's server hooks do. A new capability is one line here.
import type { Capability } from '../capability/capability.ts';
import { registerAll } from '../capability/register.ts';
import { usersCapability } from '../users/users-capability.ts';
import { noticesCapability } from '../notices/notices-capability.ts';
import { regionCapability } from '../region/region-capability.ts';
import { eventsCapability } from '../events/events-capability.ts';
import { adviceCapability } from '../advice/advice-capability.ts';
import { bibobCapability } from '../bibob/bibob-capability.ts';
import { calendarCapability } from '../calendar/calendar-capability.ts';
import { incidentsCapability } from '../incidents/incidents-capability.ts';
import { tasksCapability } from '../tasks/tasks-capability.ts';
import { bluswaterCapability } from '../bluswater/bluswater-capability.ts';
import { logbookCapability } from '../logbook/logbook-capability.ts';
import { mapCapability } from '../map/map-capability.ts';
import { injectsCapability } from '../injects/injects-capability.ts';
import { alertingCapability } from '../alerting/alerting-capability.ts';
import { safetyPlanCapability } from '../safety-plan/safety-plan-capability.ts';
import { notificationsCapability } from '../notifications/notifications-capability.ts';

/** In the order their paths appear in the OpenAPI document. */
export const capabilities: readonly Capability[] = [
	usersCapability,
	noticesCapability,
	regionCapability,
	incidentsCapability,
	tasksCapability,
	bluswaterCapability,
	logbookCapability,
	mapCapability,
	injectsCapability,
	alertingCapability,
	eventsCapability,
	calendarCapability,
	adviceCapability,
	bibobCapability,
	safetyPlanCapability,
	notificationsCapability
];

export function registerCapabilities(): void {
	registerAll(capabilities);
}
