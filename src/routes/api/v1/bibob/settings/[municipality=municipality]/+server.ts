import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { settingsInput } from '$lib/server/bibob/bibob-input';
import { bibobSettings, saveSettings } from '$lib/server/bibob/bibob-retention-service';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await bibobSettings(getDb(), locals.user, params.municipality));
	});

export const PUT: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, settingsInput);
		return json(await saveSettings(getDb(), locals.user, params.municipality, input, { ip: clientAddress(getClientAddress) }));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
