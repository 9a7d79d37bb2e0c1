import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** Activates bevolkingszorg: the standard task cards become tasks of this incident. */
export const POST: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		const tasks = await locals.services.tasks.activateBevolkingszorg(locals.user, params.id, locals.ctx);
		return json({ tasks }, { status: 201 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
