import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { timelinePdf } from '$lib/server/logbook/timeline-service';

export const GET: RequestHandler = ({ locals, params, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const { incident, pdf } = await timelinePdf(getDb(), locals.user, params.id, { ip: clientAddress(getClientAddress) });
		const name = `evaluatietijdlijn${incident.exercise ? '-OEFENING' : ''}.pdf`;
		return new Response(new Uint8Array(pdf), {
			headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"`, 'cache-control': 'private, no-store' }
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
