import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** For permit officers: open requests in their municipalities that are overdue or due within 3 working days. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ requests: await locals.services.advice.adviceDueSoon(locals.user) });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
