import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { renderProgressDocx } from '$lib/server/safety-plan/safety-plan-docx';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const GET: RequestHandler = ({ locals, params, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const now = new Date();
		const today = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
		const half = url.searchParams.get('half');
		const report = await locals.services.safetyPlan.progressReport(locals.user, params.id, half, today);
		const docx = await renderProgressDocx(report, locals.user.name, now);
		return new Response(new Uint8Array(docx), {
			headers: { 'content-type': DOCX, 'content-disposition': `attachment; filename="voortgang-${half}.docx"`, 'cache-control': 'private, no-store' }
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
