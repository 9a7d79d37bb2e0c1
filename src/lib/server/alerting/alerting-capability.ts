// Alerting and the on-call roster (issue 23): no topic of its own (an alert's news travels on its
// incident's `incident:<id>`, which the incidents capability authorises), and its API.
import type { Capability } from '../capability/capability.ts';
import { alertingPaths, alertingSchemas } from './alerting-openapi.ts';

export const alertingCapability: Capability = {
	name: 'alerting',
	topics: [],
	api: { paths: alertingPaths, schemas: alertingSchemas }
};
