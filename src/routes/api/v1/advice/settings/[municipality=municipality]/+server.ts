import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { adviceSettingsInput } from '$lib/server/advice/advice-input';
import { adviceSettingsFor, changeAdviceSettings } from '$lib/server/advice/advice-settings-service';

/** The municipality's advice terms in days (B, C). */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await adviceSettingsFor(getDb(), locals.user, params.municipality));
	});

/** `{ version, termDaysB, termDaysC }` (beheerder of the municipality); 409 with `current` when stale. */
export const PUT: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, adviceSettingsInput);
		return json(await changeAdviceSettings(getDb(), locals.user, params.municipality, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
