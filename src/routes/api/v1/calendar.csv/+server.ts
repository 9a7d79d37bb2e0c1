import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { parseCalendarQuery } from '$lib/server/calendar/calendar-service';
import { exportFileName } from '$lib/server/calendar/calendar-export';

/** The listed events as CSV (Dutch headers, public fields), with the page's filters. */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const query = parseCalendarQuery(url.searchParams);
		return new Response(await locals.services.calendar.calendarCsv(locals.user, query), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${exportFileName(query, 'csv')}"`,
				'cache-control': 'private, no-store'
			}
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
