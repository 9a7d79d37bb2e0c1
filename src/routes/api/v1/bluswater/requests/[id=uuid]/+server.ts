import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { waterRequestChangeInput } from '$lib/server/bluswater/bluswater-input';
import { changeWaterRequest } from '$lib/server/bluswater/bluswater-service';

/** `{ version, demandLpm?, place?, position?, ended?: true }`; 409 carries the request under `current`. */
export const PATCH: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, waterRequestChangeInput);
		return json(await changeWaterRequest(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
