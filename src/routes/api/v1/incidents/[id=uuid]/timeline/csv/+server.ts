import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { incident, csv } = await locals.services.logbook.timelineCsv(locals.user, params.id, locals.ctx);
		const name = `evaluatietijdlijn${incident.exercise ? '-OEFENING' : ''}.csv`;
		return new Response(csv, {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' }
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
