import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { adviserReadRule } from '$lib/server/advice/advice-access';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { applicationChangeInput } from '$lib/server/events/application-input';

/** The application with its documents, status history, required documents and vooraankondiging. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.events.getApplicationAsReader(locals.user, params.id, adviserReadRule));
	});

/** Changes fields while the application is open; 409 with `current` on a stale version. */
export const PATCH: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, applicationChangeInput);
		return json(await locals.services.events.updateApplication(locals.user, params.id, input, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
