import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { withdrawAdviceInput } from '$lib/server/advice/advice-input';

/** The officer withdraws an open request: `{ version, reason }`; 409 carries the request under `current`. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, withdrawAdviceInput);
		return json(await locals.services.advice.withdrawAdvice(locals.user, params.id, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
