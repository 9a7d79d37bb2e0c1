import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** Who is on duty now per crisis function: `[{ function, userId, name, backupUserId }]`. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.alerting.onCallNow(locals.user));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
