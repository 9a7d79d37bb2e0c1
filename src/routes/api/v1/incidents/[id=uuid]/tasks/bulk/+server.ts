import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { bulkAssignInput } from '$lib/server/tasks/template-input';

/** Bulk (re-)assignment: `{ tasks: [{ id, version }], assigneeId?, municipality? }`; all or nothing. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, bulkAssignInput);
		return json({ tasks: await locals.services.tasks.bulkAssign(locals.user, params.id, input, locals.ctx) });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
