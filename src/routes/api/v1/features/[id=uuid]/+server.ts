import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { validationFailed } from '$lib/server/errors';
import { apiCall, methodNotAllowed, readJson, unauthenticated, zodFieldErrors } from '$lib/server/http/api';
import { featureChangeInput, featureDeleteInput } from '$lib/contracts/map-feature';

/** Changes a drawn feature at the version the writer saw; 409 with `current` when stale. */
export const PATCH: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, featureChangeInput);
		return json(await locals.services.map.changeFeature(locals.user, params.id, input, locals.ctx), { headers: { 'content-type': 'application/geo+json' } });
	});

/** Deletes it at the version the deleter saw: `{ version }` as body, or `?version=`. */
export const DELETE: RequestHandler = ({ locals, params, request, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const fromQuery = url.searchParams.get('version');
		let input;
		if (fromQuery !== null || !(request.headers.get('content-type') ?? '').includes('json')) {
			const parsed = featureDeleteInput.safeParse({ version: fromQuery ?? undefined });
			if (!parsed.success) throw validationFailed(zodFieldErrors(parsed.error));
			input = parsed.data;
		} else {
			input = await readJson(request, featureDeleteInput);
		}
		return json(await locals.services.map.deleteFeature(locals.user, params.id, input, locals.ctx), { headers: { 'content-type': 'application/geo+json' } });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
