import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { adviceInbox } from '$lib/server/advice/advice-service';

/** The adviser's inbox: open requests of their disciplines by due date, then the latest answered ones. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ requests: await adviceInbox(getDb(), locals.user) });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
