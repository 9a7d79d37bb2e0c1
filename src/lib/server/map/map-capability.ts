// Kaart (the incident map you work on together, and the place search): no topic of its own —
// drawn features travel on their incident's `incident:<id>` — and its API.
import type { Capability } from '../capability/capability.ts';
import { mapPaths, mapSchemas } from './map-openapi.ts';

export const mapCapability: Capability = {
	name: 'map',
	topics: [],
	api: { paths: mapPaths, schemas: mapSchemas }
};
