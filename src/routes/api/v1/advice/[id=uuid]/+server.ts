import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** One request with the application as the adviser needs it, the risicoscan, the routing and the other requests. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.advice.adviceRequestDetail(locals.user, params.id));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
