import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { adviceDueSoon } from '$lib/server/advice/advice-service';

/** For permit officers: open requests in their municipalities that are overdue or due within 3 working days. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ requests: await adviceDueSoon(getDb(), locals.user) });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
