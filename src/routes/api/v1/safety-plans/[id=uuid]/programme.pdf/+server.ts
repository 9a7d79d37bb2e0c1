import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { fileResponse } from '$lib/server/http/file-response';
import { programmeFile } from '$lib/server/safety-plan/report-files';

export const GET: RequestHandler = ({ locals, params, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const file = await programmeFile(locals.services.safetyPlan, locals.user, params.id, url.searchParams.get('year'), 'pdf');
		return fileResponse(file.content, file);
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
