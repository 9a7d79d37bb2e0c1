import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { timelineCsv } from '$lib/server/logbook/timeline-service';

export const GET: RequestHandler = ({ locals, params, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { incident, csv } = await timelineCsv(getDb(), locals.user, params.id, { ip: clientAddress(getClientAddress) });
		const name = `evaluatietijdlijn${incident.exercise ? '-OEFENING' : ''}.csv`;
		return new Response(csv, {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' }
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
