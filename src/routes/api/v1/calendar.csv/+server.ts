import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { fileResponse } from '$lib/server/http/file-response';
import { parseCalendarQuery } from '$lib/server/calendar/calendar-service';
import { exportFileName } from '$lib/server/calendar/calendar-export';

/** The listed events as CSV (Dutch headers, public fields), with the page's filters. */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const query = parseCalendarQuery(url.searchParams);
		const csv = await locals.services.calendar.calendarCsv(locals.user, query);
		return fileResponse(csv, { type: 'text/csv; charset=utf-8', name: exportFileName(query, 'csv'), disposition: 'attachment' });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
