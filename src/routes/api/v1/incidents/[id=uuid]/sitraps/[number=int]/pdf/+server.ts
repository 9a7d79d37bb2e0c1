import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { sitrapOf } from '$lib/server/logbook/picture-service';
import { renderSitrapPdf } from '$lib/server/logbook/pdf';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const sitrap = await sitrapOf(getDb(), locals.user, params.id, params.number);
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
