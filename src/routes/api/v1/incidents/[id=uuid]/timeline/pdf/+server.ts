import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { fileResponse, PDF_CONTENT_TYPE } from '$lib/server/http/file-response';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { incident, pdf } = await locals.services.logbook.timelinePdf(locals.user, params.id, locals.ctx);
		const name = `evaluatietijdlijn${incident.exercise ? '-OEFENING' : ''}.pdf`;
		return fileResponse(pdf, { type: PDF_CONTENT_TYPE, name, disposition: 'inline' });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
