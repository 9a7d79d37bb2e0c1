import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { answerAdviceInput } from '$lib/server/advice/advice-input';
import { answerAdvice } from '$lib/server/advice/advice-service';

/** `{ version, advice, conditions?, conclusion }`; 409 carries the request under `current`. */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, answerAdviceInput);
		return json(await answerAdvice(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
