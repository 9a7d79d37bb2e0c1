import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

export const POST: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.logbook.verifyLogEntry(locals.user, params.id, params.entryId, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
