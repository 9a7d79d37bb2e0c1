import type { RequestHandler } from './$types';
import { apiCall, apiError, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { fileResponse } from '$lib/server/http/file-response';
import { feedWindow, parseCalendarQuery } from '$lib/server/calendar/calendar-service';
import { exportFileName } from '$lib/server/calendar/calendar-export';

/**
 * iCalendar feed of the region or one municipality (?municipality=). Read with the session, or
 * with the user's personal feed key (?sleutel=) for agenda apps that cannot log in.
 * Without dates: from three months back to ten months ahead.
 */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		const key = url.searchParams.get('sleutel');
		const user = locals.user ?? (key ? await locals.services.calendar.userForFeedKey(key) : null);
		if (!user && key) return apiError(401, 'invalid_feed_key', 'Deze agendasleutel is onbekend of ingetrokken. Maak op de kalenderpagina een nieuwe agenda-link.');
		if (!user) return unauthenticated();
		const query = parseCalendarQuery(url.searchParams, feedWindow);
		const ics = await locals.services.calendar.calendarIcs(user, query, url.origin);
		return fileResponse(ics, { type: 'text/calendar; charset=utf-8', name: exportFileName(query, 'ics'), disposition: 'attachment' });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
