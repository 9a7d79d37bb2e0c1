import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { planRevisionInput } from '$lib/contracts/safety-plan-input';

/** The plan with its priorities and themes, as it stands now. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json((await locals.services.safetyPlan.planView(locals.user, params.id)).plan);
	});

/** Revises the plan: a new version; 409 naming who revised it when `version` is no longer current. */
export const PATCH: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, planRevisionInput);
		return json(await locals.services.safetyPlan.revisePlan(locals.user, params.id, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
