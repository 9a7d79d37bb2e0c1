// The region's municipalities: `municipality:<code>` for those who may read that municipality.
import type { Capability } from '../capability/capability.ts';
import { allowTopic, forbiddenTopic, unknownTopic } from '../realtime/topics.ts';
import { can } from '../auth/permissions.ts';
import { municipalityExists } from './municipality-queries.ts';

export const regionCapability: Capability = {
	name: 'region',
	topics: [
		{
			kind: 'municipality',
			parameterless: false,
			authorise: async ({ db, user, param }) => {
				if (!(await municipalityExists(db, param))) return unknownTopic(`Onbekende gemeente: ${param}`);
				return can(user, 'municipality.read', { municipality: param }) ? allowTopic : forbiddenTopic;
			}
		}
	]
};
