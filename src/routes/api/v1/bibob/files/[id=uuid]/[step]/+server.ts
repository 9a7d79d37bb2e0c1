import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, apiError, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { BIBOB_STEPS, isBibobStep } from '$lib/server/bibob/bibob-steps';
import { accessReport, exportFile } from '$lib/server/bibob/bibob-read-service';

const noStore = { 'cache-control': 'private, no-store' };

/** Reads beside the file itself: its access report and its exports (each logged as a read). */
export const GET: RequestHandler = ({ locals, params, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const ctx = { ip: clientAddress(getClientAddress) };
		if (params.step === 'access-report') {
			const { report } = await accessReport(getDb(), locals.user, params.id, { ...ctx, channel: 'api' });
			return json(report, { headers: noStore });
		}
		if (params.step === 'export.json' || params.step === 'export.pdf') {
			const format = params.step === 'export.pdf' ? 'pdf' : 'json';
			const { body, type } = await exportFile(getDb(), locals.user, params.id, format, ctx);
			return new Response(new Uint8Array(body), {
				headers: { ...noStore, 'content-type': type, 'content-disposition': `attachment; filename="bibob-dossier-${params.id}.${format}"` }
			});
		}
		if (isBibobStep(params.step)) return methodNotAllowed();
		return apiError(404, 'not_found', 'Deze handeling bestaat niet.');
	});

/** One step of the procedure (see bibob-steps.ts); the file as it is now, or a Dutch refusal. */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		if (!isBibobStep(params.step)) return apiError(404, 'not_found', 'Deze handeling bestaat niet.');
		const step = BIBOB_STEPS[params.step];
		const input = await readJson(request, step.schema);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table pairs each schema with its service
		const result = await (step.run as any)(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) });
		return json(result, { status: 'created' in step && step.created ? 201 : 200 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
