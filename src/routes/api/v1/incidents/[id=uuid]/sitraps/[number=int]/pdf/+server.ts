import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { fileResponse, PDF_CONTENT_TYPE } from '$lib/server/http/file-response';
import { renderSitrapPdf } from '$lib/server/logbook/pdf';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const sitrap = await locals.services.logbook.sitrapOf(locals.user, params.id, params.number);
		const pdf = await renderSitrapPdf(sitrap);
		const name = `SITRAP-${sitrap.number}${sitrap.exercise ? '-OEFENING' : ''}.pdf`;
		return fileResponse(pdf, { type: PDF_CONTENT_TYPE, name, disposition: 'inline' });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
