import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { fileResponse } from '$lib/server/http/file-response';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { incident, csv } = await locals.services.logbook.timelineCsv(locals.user, params.id, locals.ctx);
		const name = `evaluatietijdlijn${incident.exercise ? '-OEFENING' : ''}.csv`;
		return fileResponse(csv, { type: 'text/csv; charset=utf-8', name, disposition: 'attachment' });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
