import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { readInput } from '$lib/server/logbook/log-input';

/** Marks the logbook as read up to entry `upTo` for the signed-in user. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, readInput);
		return json(await locals.services.logbook.markLogRead(locals.user, params.id, input));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
