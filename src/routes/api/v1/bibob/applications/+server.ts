import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { applicationsToScreen } from '$lib/server/bibob/bibob-read-service';

/** The event applications of the caller's municipalities on which a screening may be opened. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const groups = await applicationsToScreen(getDb(), locals.user);
		return json({
			municipalities: groups.map((g) => ({
				municipality: g.municipality,
				applications: g.applications.map((a) => ({ ...a, startsAt: a.startsAt.toISOString() }))
			}))
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
