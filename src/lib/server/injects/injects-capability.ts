// Injects (the script of an exercise): `injects:<incidentId>` for its exercise leaders only, never
// for the players, and the inject API.
import type { Capability } from '../capability/capability.ts';
import { allowTopic, forbiddenTopic, unknownTopic } from '../realtime/topics.ts';
import { can } from '../auth/permissions.ts';
import { isUuid } from '../ids.ts';
import { incidentHeader } from '../incident-access/incident-record-queries.ts';
import { injectsPaths, injectsSchemas } from './injects-openapi.ts';

export const injectsCapability: Capability = {
	name: 'injects',
	topics: [
		{
			kind: 'injects',
			parameterless: false,
			authorise: async ({ db, user, param }) => {
				if (!can(user, 'inject.manage')) return forbiddenTopic;
				const found = isUuid(param) ? await incidentHeader(db, param) : undefined;
				if (!found) return unknownTopic('Deze oefening bestaat niet.');
				return found.kind === 'oefening' ? allowTopic : forbiddenTopic;
			}
		}
	],
	api: { paths: injectsPaths, schemas: injectsSchemas }
};
