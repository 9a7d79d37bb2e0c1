import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

// The neighbourhood map's data: a GeoJSON FeatureCollection of the plan's municipality's wijken (or
// buurten) with the indicator's figure for one year per feature.
export const GET: RequestHandler = ({ locals, params, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const areas = await locals.services.safetyPlan.indicatorAreas(locals.user, params.id, params.indicatorId, {
			year: url.searchParams.get('year'),
			level: url.searchParams.get('level')
		});
		return json(areas, { headers: { 'content-type': 'application/geo+json', 'cache-control': 'private, no-store' } });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
