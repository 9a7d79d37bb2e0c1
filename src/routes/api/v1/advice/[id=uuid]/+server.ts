import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { adviceRequestDetail } from '$lib/server/advice/advice-service';

/** One request with the application as the adviser needs it, the risicoscan, the routing and the other requests. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await adviceRequestDetail(getDb(), locals.user, params.id));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
