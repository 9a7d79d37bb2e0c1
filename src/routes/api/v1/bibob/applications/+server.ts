import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** The event applications of the caller's municipalities on which a screening may be opened. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const groups = await locals.services.bibob.applicationsToScreen(locals.user);
		return json({
			municipalities: groups.map((g) => ({
				municipality: g.municipality,
				applications: g.applications.map((a) => ({ ...a, startsAt: a.startsAt.toISOString() }))
			}))
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
