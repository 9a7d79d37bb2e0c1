// Evenementen (event applications): one application's detail topic `application:<id>` for the
// officers of its municipality, and the applications and risicoscan API.
import type { Capability } from '../capability/capability.ts';
import { mergeApiParts } from '../capability/capability.ts';
import { allowTopic, forbiddenTopic, unknownTopic } from '../realtime/topics.ts';
import { can } from '../auth/permissions.ts';
import { isUuid } from '../ids.ts';
import { applicationMunicipality } from './application-topic-queries.ts';
import { eventsPaths, eventsSchemas } from './events-openapi.ts';
import { risicoscanPaths, risicoscanSchemas } from './risicoscan-openapi.ts';

export const eventsCapability: Capability = {
	name: 'events',
	topics: [
		{
			kind: 'application',
			parameterless: false,
			authorise: async ({ db, user, param }) => {
				if (!can(user, 'event.read')) return forbiddenTopic;
				const municipality = isUuid(param) ? await applicationMunicipality(db, param) : undefined;
				if (!municipality || !can(user, 'event.read', { municipality })) {
					return unknownTopic('Deze aanvraag bestaat niet of je hebt er geen toegang toe.');
				}
				return allowTopic;
			}
		}
	],
	api: mergeApiParts({ paths: risicoscanPaths, schemas: risicoscanSchemas }, { paths: eventsPaths, schemas: eventsSchemas })
};
