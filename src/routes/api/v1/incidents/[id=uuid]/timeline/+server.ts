import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { timelineOf } from '$lib/server/logbook/timeline-service';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { incident, rows } = await timelineOf(getDb(), locals.user, params.id);
		return json({ incidentId: incident.id, exercise: incident.exercise, startedAt: incident.startedAt, rows });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
