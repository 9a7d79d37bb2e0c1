// Crisis (incidents and exercises): the list topic `incidents` and one incident's `incident:<id>`
// (its tasks, logbook, picture and water requests travel there too), and the incidents API.
import type { Capability } from '../capability/capability.ts';
import { allowTopic, forbiddenTopic, unknownTopic } from '../realtime/topics.ts';
import { can } from '../auth/permissions.ts';
import { isUuid } from '../ids.ts';
import { incidentHeader } from '../incident-access/incident-record-queries.ts';
import { incidentsPaths, incidentsSchemas } from './incidents-openapi.ts';

export const incidentsCapability: Capability = {
	name: 'incidents',
	topics: [
		{ kind: 'incidents', parameterless: true, authorise: async ({ user }) => (can(user, 'incident.read') ? allowTopic : forbiddenTopic) },
		{
			kind: 'incident',
			parameterless: false,
			authorise: async ({ db, user, param }) => {
				// Permission first: someone who may not read incidents learns nothing about which exist.
				if (!can(user, 'incident.read')) return forbiddenTopic;
				const found = isUuid(param) ? await incidentHeader(db, param) : undefined;
				return found ? allowTopic : unknownTopic('Dit incident bestaat niet.');
			}
		}
	],
	api: { paths: incidentsPaths, schemas: incidentsSchemas }
};
