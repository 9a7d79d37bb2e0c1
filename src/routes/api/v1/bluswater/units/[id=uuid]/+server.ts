import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { unitEditInput } from '$lib/server/bluswater/bluswater-input';

/** The unit with its latest status changes (`history`, newest first). */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.bluswater.unitDetail(locals.user, params.id));
	});

/** A beheerder edits the unit's data or takes it in or out of service; 409 carries `current`. */
export const PATCH: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, unitEditInput);
		return json(await locals.services.bluswater.editUnit(locals.user, params.id, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
