// The integral safety plan as a capability: its part of the API. It has no realtime topics: a plan
// and its programme change a few times a year, and a stale action status or plan revision is caught
// by its version (409), not by a live feed.
import type { Capability } from '../capability/capability.ts';
import { safetyPlanPaths, safetyPlanSchemas } from './safety-plan-openapi.ts';
import { neighbourhoodPaths, neighbourhoodSchemas } from './neighbourhood-openapi.ts';
import { safetyPlanEditPaths, safetyPlanEditSchemas } from './safety-plan-edit-openapi.ts';

export const safetyPlanCapability: Capability = {
	name: 'safety-plan',
	topics: [],
	api: {
		paths: { ...safetyPlanPaths, ...safetyPlanEditPaths, ...neighbourhoodPaths },
		schemas: { ...safetyPlanSchemas, ...safetyPlanEditSchemas, ...neighbourhoodSchemas }
	}
};
