import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { waterRequestChangeInput } from '$lib/server/bluswater/bluswater-input';

/** `{ version, demandLpm?, place?, position?, ended?: true }`; 409 carries the request under `current`. */
export const PATCH: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, waterRequestChangeInput);
		return json(await locals.services.bluswater.changeWaterRequest(locals.user, params.id, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
