import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { incident, rows } = await locals.services.logbook.timelineOf(locals.user, params.id);
		return json({ incidentId: incident.id, exercise: incident.exercise, startedAt: incident.startedAt, rows });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
