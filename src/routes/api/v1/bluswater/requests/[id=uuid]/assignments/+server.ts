import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { assignmentInput } from '$lib/server/bluswater/bluswater-input';

/** `{ unitId }` → 201 with the request and its assignments; a unit already at work is 409. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, assignmentInput);
		return json(await locals.services.bluswater.assignUnit(locals.user, params.id, input, locals.ctx), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
