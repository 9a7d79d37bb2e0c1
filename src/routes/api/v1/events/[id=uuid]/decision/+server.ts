import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { decisionInput } from '$lib/server/events/application-input';
import { decideApplication } from '$lib/server/events/application-service';

/** The decision `{ version, decision, conditions?, reason }`; 409 `bibob_pending` while a Bibob screening runs. */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, decisionInput);
		return json(await decideApplication(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
