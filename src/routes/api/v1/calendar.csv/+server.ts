import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { parseCalendarQuery } from '$lib/server/calendar/calendar-service';
import { calendarCsv, exportFileName } from '$lib/server/calendar/calendar-export';

/** The listed events as CSV (Dutch headers, public fields), with the page's filters. */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const query = parseCalendarQuery(url.searchParams);
		return new Response(await calendarCsv(getDb(), locals.user, query), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${exportFileName(query, 'csv')}"`,
				'cache-control': 'private, no-store'
			}
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
