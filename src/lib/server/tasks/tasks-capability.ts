// Taken (bevolkingszorg tasks): no topic of their own (a task's news travels on its incident's
// `incident:<id>` and on its assignee's `user:<id>`), and the tasks API.
import type { Capability } from '../capability/capability.ts';
import { tasksPaths, tasksSchemas } from './tasks-openapi.ts';

export const tasksCapability: Capability = {
	name: 'tasks',
	topics: [],
	api: { paths: tasksPaths, schemas: tasksSchemas }
};
