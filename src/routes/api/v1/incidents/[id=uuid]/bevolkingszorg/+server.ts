import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { apiCall, clientAddress, methodNotAllowed, unauthenticated } from '$lib/server/http/api';
import { activateBevolkingszorg } from '$lib/server/tasks/task-service';

/** Activates bevolkingszorg: the standard task cards become tasks of this incident. */
export const POST: RequestHandler = ({ locals, params, getClientAddress }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const tasks = await activateBevolkingszorg(getDb(), locals.user, params.id, { ip: clientAddress(getClientAddress) });
		return json({ tasks }, { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
