import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { validationFailed } from '$lib/server/errors';
import { apiCall, methodNotAllowed, unauthenticated, zodFieldErrors } from '$lib/server/http/api';
import { placeLookupInput } from '$lib/contracts/place';

/** The position of one address from the search list (Locatieserver lookup). */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const parsed = placeLookupInput.safeParse({ id: params.placeId });
		if (!parsed.success) throw validationFailed(zodFieldErrors(parsed.error));
		return json(await locals.services.map.lookupPlace(locals.user, parsed.data.id));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
