import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { overrideInput } from '$lib/server/events/application-input';
import { overrideCategory } from '$lib/server/events/application-service';

/** Overrides the computed class `{ version, category, reason }` (category null removes the override). */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, overrideInput);
		return json(await overrideCategory(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
