import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { feedWindow, parseCalendarQuery } from '$lib/server/calendar/calendar-service';
import { calendarIcs, exportFileName } from '$lib/server/calendar/calendar-export';

/**
 * iCalendar feed of the region or one municipality (?municipality=), behind the session like
 * every other read. Without dates: from three months back to ten months ahead.
 */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const query = parseCalendarQuery(url.searchParams, feedWindow);
		const ics = await calendarIcs(getDb(), locals.user, query, url.origin);
		return new Response(ics, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `attachment; filename="${exportFileName(query, 'ics')}"`,
				'cache-control': 'private, no-store'
			}
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
