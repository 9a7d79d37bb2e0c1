import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** The adviser's inbox: open requests of their disciplines by due date, then the latest answered ones. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ requests: await locals.services.advice.adviceInbox(locals.user) });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
