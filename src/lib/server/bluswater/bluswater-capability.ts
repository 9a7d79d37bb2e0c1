// Bluswater (the water fleet): the `bluswater` topic for those who may read the fleet, and its API.
import type { Capability } from '../capability/capability.ts';
import { allowTopic, forbiddenTopic } from '../realtime/topics.ts';
import { can } from '../auth/permissions.ts';
import { bluswaterPaths, bluswaterSchemas } from './bluswater-openapi.ts';

export const bluswaterCapability: Capability = {
	name: 'bluswater',
	topics: [{ kind: 'bluswater', parameterless: true, authorise: async ({ user }) => (can(user, 'bluswater.read') ? allowTopic : forbiddenTopic) }],
	api: { paths: bluswaterPaths, schemas: bluswaterSchemas }
};
