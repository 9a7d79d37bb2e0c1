import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { refillPointsFor } from '$lib/server/bluswater/bluswater-service';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ refillPoints: await refillPointsFor(getDb(), locals.user) });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
