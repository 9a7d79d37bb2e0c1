import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.safetyPlan.plansFor(locals.user, url.searchParams.get('municipality')));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
