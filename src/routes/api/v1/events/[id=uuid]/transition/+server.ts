import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { transitionInput } from '$lib/server/events/application-input';
import { transitionApplication } from '$lib/server/events/application-service';

/** Lifecycle step `{ version, status: ingediend | in_behandeling | ingetrokken, note? }`; 409 when the step is not allowed. */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, transitionInput);
		return json(await transitionApplication(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
