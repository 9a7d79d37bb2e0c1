import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, readJson, unauthenticated } from '$lib/server/http/api';
import { bulkAssignInput } from '$lib/server/tasks/template-input';
import { bulkAssign } from '$lib/server/tasks/task-service';

/** Bulk (re-)assignment: `{ tasks: [{ id, version }], assigneeId?, municipality? }`; all or nothing. */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const input = await readJson(request, bulkAssignInput);
		return json({ tasks: await bulkAssign(getDb(), locals.user, params.id, input, { ip: clientAddress(getClientAddress) }) });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
