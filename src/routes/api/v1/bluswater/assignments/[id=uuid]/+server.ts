import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** Ends the assignment (the unit drives back, retour); answers with the request. */
export const DELETE: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.bluswater.endAssignment(locals.user, params.id, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
