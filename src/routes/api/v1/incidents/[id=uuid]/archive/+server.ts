import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** Archives a closed exercise (oefenleider or crisis team). */
export const POST: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.incidents.archiveExercise(locals.user, params.id, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
