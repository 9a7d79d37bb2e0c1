// Users and their session: `user:<id>` carries what is for one person only (their notice banner,
// the tasks assigned to them), so only that person may follow it.
import type { Capability } from '../capability/capability.ts';
import { allowTopic, forbiddenTopic } from '../realtime/topics.ts';
import { usersPaths, usersSchemas } from './users-openapi.ts';

export const usersCapability: Capability = {
	name: 'users',
	topics: [{ kind: 'user', parameterless: false, authorise: async ({ user, param }) => (param === user.id ? allowTopic : forbiddenTopic) }],
	api: { paths: usersPaths, schemas: usersSchemas }
};
