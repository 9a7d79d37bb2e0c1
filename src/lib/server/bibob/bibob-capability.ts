// Bibob: a municipality's overview topic `bibob:<code>`, only for its own Bibob officers (a regional
// grant is not enough), and the Bibob API.
import type { Capability } from '../capability/capability.ts';
import { allowTopic, forbiddenTopic, unknownTopic } from '../realtime/topics.ts';
import { can } from '../auth/permissions.ts';
import { municipalityExists } from '../region/municipality-queries.ts';
import { bibobPaths, bibobSchemas } from './bibob-openapi.ts';

export const bibobCapability: Capability = {
	name: 'bibob',
	topics: [
		{
			kind: 'bibob',
			parameterless: false,
			authorise: async ({ db, user, param }) => {
				if (!(await municipalityExists(db, param))) return unknownTopic(`Onbekende gemeente: ${param}`);
				return can(user, 'bibob.read', { municipality: param }) ? allowTopic : forbiddenTopic;
			}
		}
	],
	api: { paths: bibobPaths, schemas: bibobSchemas }
};
