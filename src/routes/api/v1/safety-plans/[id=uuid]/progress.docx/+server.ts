import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { fileResponse } from '$lib/server/http/file-response';
import { progressFile } from '$lib/server/safety-plan/report-files';

export const GET: RequestHandler = ({ locals, params, url }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const file = await progressFile(locals.services.safetyPlan, locals.user, params.id, url.searchParams.get('half'), 'docx');
		return fileResponse(file.content, file);
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
