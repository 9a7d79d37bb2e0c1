import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** One alert with each recipient's status (verzonden, ontvangen, komt, komt_niet, geescaleerd) and times. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.alerting.alertOf(locals.user, params.id));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
