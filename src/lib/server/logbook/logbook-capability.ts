// Logboek (logbook, situation picture, SITRAPs, evaluation): no topic of its own (entries travel on
// their incident's `incident:<id>`), and the logbook API.
import type { Capability } from '../capability/capability.ts';
import { logbookPaths, logbookSchemas } from './logbook-openapi.ts';

export const logbookCapability: Capability = {
	name: 'logbook',
	topics: [],
	api: { paths: logbookPaths, schemas: logbookSchemas }
};
