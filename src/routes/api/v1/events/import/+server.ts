import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { forbidden } from '$lib/server/errors';
import { can } from '$lib/server/auth/permissions';
import { readImportRequest } from '$lib/server/events/event-import-upload';
import { toImportResult } from '$lib/contracts/event-import';

/** multipart/form-data: `file` (CSV or .xlsx), `municipality`, optional `dryRun=1` and `mapping`; 200 with the counts. */
export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		// Before the body is read: someone who may import nowhere gets nothing read.
		if (!can(locals.user, 'event.write')) throw forbidden('Alleen een vergunningverlener importeert evenementen.');
		const { dryRun, ...input } = await readImportRequest(request);
		const report = await locals.services.events.importEventList(locals.user, input, locals.ctx, { dryRun });
		return json(toImportResult(report));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
