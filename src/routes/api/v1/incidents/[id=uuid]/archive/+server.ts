import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { archiveExercise } from '$lib/server/incidents/incident-service';

/** Archives a closed exercise (oefenleider or crisis team). */
export const POST: RequestHandler = ({ locals, params, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await archiveExercise(getDb(), locals.user, params.id, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
