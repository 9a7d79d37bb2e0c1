import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { gripChangeInput } from '$lib/server/incidents/incident-input';

export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, gripChangeInput);
		return json(await locals.services.alerting.changeGripAndAlert(locals.user, params.id, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
