import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { parseCalendarQuery } from '$lib/server/calendar/calendar-service';

/** The regional calendar of a window: ?from=&to=&municipality=&category= (default: this month). */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const view = await locals.services.calendar.calendarView(locals.user, parseCalendarQuery(url.searchParams));
		return json(view, { headers: { 'cache-control': 'private, no-store' } });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
