import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { withdrawAdviceInput } from '$lib/server/advice/advice-input';
import { withdrawAdvice } from '$lib/server/advice/advice-service';

/** The officer withdraws an open request: `{ version, reason }`; 409 carries the request under `current`. */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, withdrawAdviceInput);
		return json(await withdrawAdvice(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
