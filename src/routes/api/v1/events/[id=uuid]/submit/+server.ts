import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { versionOnlyInput } from '$lib/server/events/application-input';

/** Submits a concept: `{ version }`; sets the "te laat ingediend" flag by the municipality's deadline. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, versionOnlyInput);
		return json(await locals.services.events.submitApplication(locals.user, params.id, input.version, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
