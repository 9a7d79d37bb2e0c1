import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { newInjectInput } from '$lib/server/injects/inject-input';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json({ injects: await locals.services.injects.injectsOf(locals.user, params.id) });
	});

/** Scripts an inject at the exercise's start plus `dueMinutes`; it lands in the logbook at that time. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, newInjectInput);
		return json(await locals.services.injects.createInject(locals.user, params.id, input, locals.ctx), { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
