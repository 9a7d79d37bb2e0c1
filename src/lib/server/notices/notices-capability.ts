// Regional notices: the `region` topic (every signed-in reader of the region) and the notices API.
import type { Capability } from '../capability/capability.ts';
import { allowTopic, forbiddenTopic } from '../realtime/topics.ts';
import { can } from '../auth/permissions.ts';
import { noticesPaths, noticesSchemas } from './notices-openapi.ts';

export const noticesCapability: Capability = {
	name: 'notices',
	topics: [{ kind: 'region', parameterless: true, authorise: async ({ user }) => (can(user, 'region.read') ? allowTopic : forbiddenTopic) }],
	api: { paths: noticesPaths, schemas: noticesSchemas }
};
