import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { newFeatureInput } from '$lib/contracts/map-feature';

const GEOJSON = { 'content-type': 'application/geo+json' };

/** The incident map's drawn features as a GeoJSON FeatureCollection. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.map.featuresOf(locals.user, params.id), { headers: GEOJSON });
	});

/** One new feature (a GeoJSON Feature with properties.type and label) → 201. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newFeatureInput);
		return json(await locals.services.map.addFeature(locals.user, params.id, input, locals.ctx), { status: 201, headers: GEOJSON });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
