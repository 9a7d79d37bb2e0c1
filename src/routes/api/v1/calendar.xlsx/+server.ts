import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { fileResponse } from '$lib/server/http/file-response';
import { parseCalendarQuery } from '$lib/server/calendar/calendar-service';
import { exportFileName } from '$lib/server/calendar/calendar-export';
import { XLSX_CONTENT_TYPE } from '$lib/server/spreadsheet/xlsx';

/** The listed events as an Excel workbook: the CSV's columns, with date and number cells. */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const query = parseCalendarQuery(url.searchParams);
		const xlsx = await locals.services.calendar.calendarXlsx(locals.user, query);
		return fileResponse(xlsx, { type: XLSX_CONTENT_TYPE, name: exportFileName(query, 'xlsx'), disposition: 'attachment' });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
