import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { readInput } from '$lib/server/logbook/log-input';
import { markLogRead } from '$lib/server/logbook/log-service';

/** Marks the logbook as read up to entry `upTo` for the signed-in user. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, readInput);
		return json(await markLogRead(getDb(), locals.user, params.id, input));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
