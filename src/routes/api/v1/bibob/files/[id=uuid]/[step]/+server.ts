import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, apiError, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { BIBOB_STEPS, isBibobStep } from '$lib/server/bibob/bibob-steps';

const noStore = { 'cache-control': 'private, no-store' };

/** Reads beside the file itself: its access report and its exports (each logged as a read). */
export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const ctx = locals.ctx;
		if (params.step === 'access-report') {
			const { report } = await locals.services.bibob.accessReport(locals.user, params.id, { ...ctx, channel: 'api' });
			return json(report, { headers: noStore });
		}
		if (params.step === 'export.json' || params.step === 'export.pdf') {
			const format = params.step === 'export.pdf' ? 'pdf' : 'json';
			const { body, type } = await locals.services.bibob.exportFile(locals.user, params.id, format, ctx);
			return new Response(new Uint8Array(body), {
				headers: { ...noStore, 'content-type': type, 'content-disposition': `attachment; filename="bibob-dossier-${params.id}.${format}"` }
			});
		}
		if (isBibobStep(params.step)) return methodNotAllowed();
		return apiError(404, 'not_found', 'Deze handeling bestaat niet.');
	});

/** One step of the procedure (see bibob-steps.ts); the file as it is now, or a Dutch refusal. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		if (!isBibobStep(params.step)) return apiError(404, 'not_found', 'Deze handeling bestaat niet.');
		const step = BIBOB_STEPS[params.step];
		const input = await readJson(request, step.schema);
		const result = await locals.services.bibob.runBibobStep(locals.user, params.id, params.step, input, locals.ctx);
		return json(result, { status: 'created' in step && step.created ? 201 : 200 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
