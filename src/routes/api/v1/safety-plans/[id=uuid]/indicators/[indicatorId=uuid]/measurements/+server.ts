import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { measurementInput } from '$lib/contracts/safety-plan-input';

/** A figure by hand; the same indicator, area and year again replaces it (as an import does). */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, measurementInput);
		return json(await locals.services.safetyPlan.recordMeasurement(locals.user, params.id, params.indicatorId, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
