import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { fileResponse } from '$lib/server/http/file-response';
import { XLSX_CONTENT_TYPE } from '$lib/server/spreadsheet/xlsx';

/** The evaluation timeline as an Excel workbook: the CSV's columns, with date and number cells. */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { incident, xlsx } = await locals.services.logbook.timelineXlsx(locals.user, params.id, locals.ctx);
		const name = `evaluatietijdlijn${incident.exercise ? '-OEFENING' : ''}.xlsx`;
		return fileResponse(xlsx, { type: XLSX_CONTENT_TYPE, name, disposition: 'attachment' });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
