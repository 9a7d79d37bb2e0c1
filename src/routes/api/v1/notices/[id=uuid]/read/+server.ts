import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

/** The signed-in user has read this notice: it leaves their banner (in every tab). */
export const POST: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		return json(await locals.services.notices.markNoticeRead(locals.user, params.id, locals.ctx));
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
