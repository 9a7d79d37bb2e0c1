import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { actionStatusInput } from '$lib/contracts/safety-plan';

export const PATCH: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, actionStatusInput);
		return json(await locals.services.safetyPlan.changeActionStatus(locals.user, params.id, params.actionId, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
