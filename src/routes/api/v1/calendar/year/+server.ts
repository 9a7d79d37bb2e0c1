import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { parseYear, today } from '$lib/server/calendar/calendar-service';

/** The regional load of every busy-or-not day with events in a year: ?year=2027 (default: this year). */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const year = parseYear(url.searchParams.get('year'), Number(today().slice(0, 4)));
		return json(await locals.services.calendar.yearLoads(locals.user, year), { headers: { 'cache-control': 'private, no-store' } });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
