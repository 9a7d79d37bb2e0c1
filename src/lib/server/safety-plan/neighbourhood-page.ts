// What the neighbourhood map page of an indicator loads: the plan and indicator it belongs to, the
// other indicators to switch to, and the same FeatureCollection the map API answers with.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SessionUser } from '../auth/roles.ts';
import { notFound } from '../errors.ts';
import { planView } from './safety-plan-service.ts';
import { NO_INDICATOR, indicatorAreas } from './neighbourhood-service.ts';

export async function loadMapPage(db: Kysely<DB>, user: SessionUser, planId: string, indicatorId: string, search: URLSearchParams) {
	const view = await planView(db, user, planId);
	const indicator = view.indicators.find((i) => i.id === indicatorId);
	if (!indicator) throw notFound(NO_INDICATOR);
	const areas = await indicatorAreas(db, user, planId, indicatorId, { year: search.get('jaar'), level: search.get('niveau') });
	return {
		plan: { id: view.plan.id, title: view.plan.title, municipality: view.plan.municipality, isDemo: view.plan.isDemo },
		indicator: { id: indicator.id, title: indicator.title, unit: indicator.unit, direction: indicator.direction, definition: indicator.definition, isDemo: indicator.isDemo },
		indicators: view.indicators.map((i) => ({ id: i.id, title: i.title })),
		areas
	};
}
