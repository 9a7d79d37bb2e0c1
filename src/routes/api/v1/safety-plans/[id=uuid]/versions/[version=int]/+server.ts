import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.safetyPlan.planAtVersion(locals.user, params.id, Number(params.version)));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
