import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { newWaterRequestInput } from '$lib/server/bluswater/bluswater-input';

/** The incident's water requests, each with `water`: the board's sums at the moment of the answer. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ requests: await locals.services.bluswater.requestsOfIncident(locals.user, params.id) });
	});

/** `{ place, demandLpm? (default 500), position? }` → 201 with the request. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newWaterRequestInput);
		return json(await locals.services.bluswater.createWaterRequest(locals.user, params.id, input, locals.ctx), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
