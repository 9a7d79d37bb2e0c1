import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ sitraps: await locals.services.logbook.sitrapsOf(locals.user, params.id) });
	});

/** Publishes the current picture as the next numbered SITRAP. */
export const POST: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.logbook.publishSitrap(locals.user, params.id, locals.ctx), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
