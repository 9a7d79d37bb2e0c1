import type { RequestHandler } from './$types';
import { apiCall, methodNotAllowed, unauthenticated } from '$lib/server/http/api';

export const POST: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		if (!locals.user) return unauthenticated();
		await locals.services.notifications.retryOutboxMessage(locals.user, params.id, locals.ctx);
		return new Response(null, { status: 204 });
	});

export const fallback: RequestHandler = async () => methodNotAllowed();
