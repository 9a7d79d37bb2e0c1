import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { transitionInput } from '$lib/server/events/application-input';

/** Lifecycle step `{ version, status: ingediend | in_behandeling | ingetrokken, note? }`; 409 when the step is not allowed. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, transitionInput);
		return json(await locals.services.events.transitionApplication(locals.user, params.id, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
