import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { answerAdviceInput } from '$lib/server/advice/advice-input';

/** `{ version, advice, conditions?, conclusion }`; 409 carries the request under `current`. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, answerAdviceInput);
		return json(await locals.services.advice.answerAdvice(locals.user, params.id, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
