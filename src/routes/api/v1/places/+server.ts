import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { validationFailed } from '$lib/server/errors';
import { apiCall, methodNotAllowed, unauthenticated, zodFieldErrors } from '$lib/server/http/api';
import { placeQueryInput } from '$lib/contracts/place';

/** ?q=Zandvoort: addresses (PDOK Locatieserver) and Paraat's own places the user may see. */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const parsed = placeQueryInput.safeParse({ q: url.searchParams.get('q') ?? '' });
		if (!parsed.success) throw validationFailed(zodFieldErrors(parsed.error));
		return json(await locals.services.map.searchPlaces(locals.user, parsed.data.q));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
