import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { unitStatusChangeInput } from '$lib/server/bluswater/bluswater-input';

/** `{ version, status, litresLeft?, position? }`; a stale version is 409 with the unit under `current`. */
export const PATCH: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, unitStatusChangeInput);
		return json(await locals.services.bluswater.changeUnitStatus(locals.user, params.id, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
