import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { calendarView, parseCalendarQuery } from '$lib/server/calendar/calendar-service';

/** The regional calendar of a window: ?from=&to=&municipality=&category= (default: this month). */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const view = await calendarView(getDb(), locals.user, parseCalendarQuery(url.searchParams));
		return json(view, { headers: { 'cache-control': 'private, no-store' } });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
