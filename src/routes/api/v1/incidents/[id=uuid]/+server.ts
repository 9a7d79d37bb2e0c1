import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { incident, gripHistory } = await locals.services.incidents.incidentDetail(locals.user, params.id);
		return json({ ...incident, gripHistory });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
