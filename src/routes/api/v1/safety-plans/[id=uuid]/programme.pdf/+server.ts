import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { renderProgrammePdf } from '$lib/server/safety-plan/safety-plan-programme-pdf';

export const GET: RequestHandler = ({ locals, params, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const now = new Date();
		const today = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
		const year = url.searchParams.get('year');
		const report = await locals.services.safetyPlan.programmeReport(locals.user, params.id, year, today);
		const pdf = await renderProgrammePdf(report, locals.user.name, now);
		return new Response(new Uint8Array(pdf), {
			headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="uitvoeringsprogramma-${year}.pdf"`, 'cache-control': 'private, no-store' }
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
