import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { renderSitrapPdf } from '$lib/server/logbook/pdf';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const sitrap = await locals.services.logbook.sitrapOf(locals.user, params.id, params.number);
		const pdf = await renderSitrapPdf(sitrap);
		const name = `SITRAP-${sitrap.number}${sitrap.exercise ? '-OEFENING' : ''}.pdf`;
		return new Response(new Uint8Array(pdf), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `inline; filename="${name}"`,
				'cache-control': 'private, no-store'
			}
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
