import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { newWaterRequestInput } from '$lib/server/bluswater/bluswater-input';
import { createWaterRequest, requestsOfIncident } from '$lib/server/bluswater/bluswater-service';

/** The incident's water requests, each with `water`: the board's sums at the moment of the answer. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ requests: await requestsOfIncident(getDb(), locals.user, params.id) });
	});

/** `{ place, demandLpm? (default 500), position? }` → 201 with the request. */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newWaterRequestInput);
		return json(await createWaterRequest(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
