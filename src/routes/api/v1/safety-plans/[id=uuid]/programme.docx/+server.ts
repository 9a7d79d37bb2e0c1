import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { renderProgrammeDocx } from '$lib/server/safety-plan/safety-plan-programme-docx';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const GET: RequestHandler = ({ locals, params, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const now = new Date();
		const today = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
		const year = url.searchParams.get('year');
		const report = await locals.services.safetyPlan.programmeReport(locals.user, params.id, year, today);
		const docx = await renderProgrammeDocx(report, locals.user.name, now);
		return new Response(new Uint8Array(docx), {
			headers: { 'content-type': DOCX, 'content-disposition': `attachment; filename="uitvoeringsprogramma-${year}.docx"`, 'cache-control': 'private, no-store' }
		});
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
