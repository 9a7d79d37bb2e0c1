import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { renderProgressPdf } from '$lib/server/safety-plan/safety-plan-pdf';

export const GET: RequestHandler = ({ locals, params, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const now = new Date();
		const today = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
		const half = url.searchParams.get('half');
		const report = await locals.services.safetyPlan.progressReport(locals.user, params.id, half, today);
		const pdf = await renderProgressPdf(report, locals.user.name, now);
		return new Response(new Uint8Array(pdf), {
			headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="voortgang-${half}.pdf"`, 'cache-control': 'private, no-store' }
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
