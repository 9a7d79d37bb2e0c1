import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { adviceSettingsInput } from '$lib/server/advice/advice-input';

/** The municipality's advice terms in days (B, C). */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.advice.adviceSettingsFor(locals.user, params.municipality));
	});

/** `{ version, termDaysB, termDaysC }` (beheerder of the municipality); 409 with `current` when stale. */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, adviceSettingsInput);
		return json(await locals.services.advice.changeAdviceSettings(locals.user, params.municipality, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
