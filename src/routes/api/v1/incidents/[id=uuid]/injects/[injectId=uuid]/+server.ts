import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** Removes an inject that has not been delivered yet (409 once it is in the logbook). */
export const DELETE: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.injects.deleteInject(locals.user, params.id, params.injectId, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
