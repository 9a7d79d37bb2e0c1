import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ refillPoints: await locals.services.bluswater.refillPointsFor(locals.user) });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
