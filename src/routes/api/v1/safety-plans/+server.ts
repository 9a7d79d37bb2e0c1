import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { plansFor } from '$lib/server/safety-plan/safety-plan-service';

export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await plansFor(getDb(), locals.user, url.searchParams.get('municipality')));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
