import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { incidentDetail } from '$lib/server/incidents/incident-service';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { incident, gripHistory } = await incidentDetail(getDb(), locals.user, params.id);
		return json({ ...incident, gripHistory });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
