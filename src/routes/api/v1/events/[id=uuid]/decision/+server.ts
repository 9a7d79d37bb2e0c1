import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { decisionInput } from '$lib/server/events/application-input';

/** The decision `{ version, decision, conditions?, reason }`; 409 `bibob_pending` while a Bibob screening runs. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, decisionInput);
		return json(await locals.services.events.decideApplication(locals.user, params.id, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
