import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** A new concept copied from this application (next year's edition); 201. */
export const POST: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.events.copyApplication(locals.user, params.id, locals.ctx), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
