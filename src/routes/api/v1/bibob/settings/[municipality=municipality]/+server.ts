import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { settingsInput } from '$lib/server/bibob/bibob-input';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.bibob.bibobSettings(locals.user, params.municipality));
	});

export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, settingsInput);
		return json(await locals.services.bibob.saveSettings(locals.user, params.municipality, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
